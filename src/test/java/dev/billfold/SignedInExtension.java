package dev.billfold;

import dev.billfold.TestData.Customer;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/** What {@link SignedIn} does: the customer made through the test context's {@link TestData}, signed in, signed out. */
public final class SignedInExtension implements BeforeEachCallback, AfterEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) throws IllegalAccessException {
        Object test = context.getRequiredTestInstance();
        Field field = signedInField(test.getClass());
        SignedIn settings = field.getAnnotation(SignedIn.class);
        TestData data = SpringExtension.getApplicationContext(context).getBean(TestData.class);
        Customer customer = data.newCustomer(settings.currency(), settings.role(),
                settings.country().isEmpty() ? null : settings.country());
        field.setAccessible(true);
        field.set(test, customer);
        TestData.signIn(customer.username());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        TestData.signOut();
    }

    private static Field signedInField(Class<?> testClass) {
        List<Field> fields = AnnotationSupport.findAnnotatedFields(testClass, SignedIn.class);
        if (fields.size() != 1) {
            throw new ExtensionConfigurationException(testClass.getName() + " needs exactly one @SignedIn field, has " + fields);
        }
        Field field = fields.getFirst();
        if (field.getType() != Customer.class || Modifier.isStatic(field.getModifiers()) || Modifier.isFinal(field.getModifiers())) {
            throw new ExtensionConfigurationException("@SignedIn needs a non-static, non-final TestData.Customer field: " + field);
        }
        return field;
    }
}
