package dev.billfold;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteData;
import dev.billfold.TestData.Customer;
import dev.billfold.account.AccountId;
import dev.billfold.account.InvitationId;
import dev.billfold.account.PayerId;
import dev.billfold.account.ui.AccountViews;
import dev.billfold.base.InternalCall;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.TypedId;
import dev.billfold.hosting.HostedServiceId;
import dev.billfold.hosting.ServiceFixtures;
import dev.billfold.payment.PaymentId;
import dev.billfold.payment.ui.PaymentViews;
import dev.billfold.paymentmethod.PaymentMethodId;
import dev.billfold.paymentmethod.ui.PaymentMethodViews;
import dev.billfold.security.UserId;
import dev.billfold.staff.StaffAccess;
import dev.billfold.staff.StaffRole;
import dev.billfold.ui.KaribuTest;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.util.ClassUtils;

/**
 * The access suite: customer A (an owner, a Billing member and a Viewer) against customer B. Every public method of
 * every {@code @Service} in dev.billfold that takes an id (a {@link TypedId}, or a record holding one) is found by
 * reflection and called with B's ids, and with A's own ids but one of B's. Every call must be refused, every refusal
 * logged with the user, the action and the id, and no table may change. A new service method without a check fails
 * here; methods that run without a user on purpose carry {@link InternalCall} and must be exactly the listed ones.
 */
class AccessControlTest extends KaribuTest {

    /** The only methods allowed to skip the access check, each with its reason in the annotation. */
    private static final Set<String> EXPECTED_INTERNAL_CALLS = Set.of(
            "Ledger.post",
            "Ledger.lockBalance",
            "Ledger.postedAt",
            "PaymentMethodService.recordConfirmedFromCheckout",
            "ProviderNotificationHandler.byProviderReference",
            "ProviderNotificationHandler.byIdempotencyKey",
            "MemberService.acceptInvitationsFor",
            "ShortfallTopUps.topUpFromDefaultMethod",
            "PaymentMethodService.defaultMethodForStandingOrder");

    /**
     * Every public method of the staff services (dev.billfold.ops, dev.billfold.staff) with the staff action it
     * needs: a new staff method must be listed here, and is then attacked both ways below.
     */
    private static final Map<String, StaffAccess.Action> STAFF_METHODS = Map.of(
            "OpsSearchQuery.search", StaffAccess.Action.READ,
            "OpsAccountQuery.account", StaffAccess.Action.READ);

    /** Routes with a path parameter; each is attacked below. A new one must be added there and here. */
    private static final Set<String> PARAMETER_ROUTES = Set.of("payment-return/:paymentId", "invitation/:token",
            "payment-methods/setup/:methodId");

    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;

    Customer a;
    Customer b;
    String viewer;
    String billing;
    Map<Class<?>, TypedId> own;
    Map<Class<?>, TypedId> foreign;
    ListAppender<ILoggingEvent> logs;

    @BeforeEach
    void twoCustomers() {
        a = data.newCustomer("USD");
        b = data.newCustomer("USD");
        viewer = data.addMember(a.accountId(), "VIEWER");
        billing = data.addMember(a.accountId(), "BILLING");
        own = ids(a);
        foreign = ids(b);
        logs = new ListAppender<>();
        logs.start();
        root().addAppender(logs);
    }

    @AfterEach
    void stopCapturing() {
        root().detachAppender(logs);
    }

    @Test
    void every_id_taking_service_method_refuses_another_accounts_ids_logs_it_and_changes_nothing() throws Exception {
        Map<String, Method> methods = idTakingServiceMethods();
        assertThat(methods.keySet()).as("the reflection finds the known id-taking methods")
                .contains("PaymentService.confirmReturn", "PaymentService.confirmWithBank", "TopUpService.topUp",
                        "TopUpService.methodsFor", "PaymentHistoryQuery.details", "PaymentHistoryQuery.page",
                        "PaymentDocuments.invoice", "PaymentDocuments.receipt",
                        "PaymentMethodService.requireChargeable",
                        "AccountService.payers", "AccountService.switchTo", "Ledger.balance", "MemberService.changeRole",
                        "MemberService.invite", "MemberService.revokeInvitation");
        Map<String, String> before = snapshot();
        List<String> problems = new ArrayList<>();
        int calls = 0;

        for (String username : List.of(a.username(), billing, viewer)) {
            TestData.signIn(username);
            UserId caller = userOf(username);
            for (var entry : methods.entrySet()) {
                Method method = entry.getValue();
                Object bean = applicationContext.getBean(method.getDeclaringClass());
                int slots = new Arguments(-1).count(method);
                List<Integer> variants = new ArrayList<>(List.of(Arguments.ALL_FOREIGN));
                if (slots > 1) {
                    for (int slot = 0; slot < slots; slot++) {
                        variants.add(slot);
                    }
                }
                for (int variant : variants) {
                    var arguments = new Arguments(variant);
                    Object[] values = arguments.build(method);
                    String call = "%s as %s with %s".formatted(entry.getKey(), username, arguments.used);
                    int logged = logs.list.size();
                    calls++;
                    try {
                        method.invoke(bean, values);
                        problems.add("SUCCEEDED: " + call);
                        continue;
                    } catch (InvocationTargetException thrown) {
                        Throwable cause = thrown.getCause();
                        if (!(cause instanceof InvalidRequestException) && !(cause instanceof AccessDeniedException)) {
                            problems.add("failed with %s instead of a refusal: %s".formatted(cause, call));
                            continue;
                        }
                    }
                    List<String> denials = logs.list.subList(logged, logs.list.size()).stream()
                            .filter(event -> event.getLevel() == Level.WARN)
                            .map(ILoggingEvent::getFormattedMessage)
                            .filter(message -> message.startsWith("Access denied: user=" + caller.value())
                                    || message.startsWith("Access denied: staff=" + caller.value()))
                            .toList();
                    if (denials.stream().noneMatch(message -> arguments.used.stream().anyMatch(id -> message.contains(id.value().toString())))) {
                        problems.add("refused without a denial log naming the user and an id: " + call);
                    }
                    denials.stream().filter(message -> message.contains("@")).forEach(message ->
                            problems.add("denial log carries personal data: " + message));
                }
            }
        }

        assertThat(problems).as("of %d calls", calls).isEmpty();
        assertThat(snapshot()).as("no table changed").isEqualTo(before);
    }

    /**
     * The staff role matrix, both ways: customers (of any account role) are refused every staff method, and a staff
     * member is refused every method whose action their staff roles do not allow. No staff method moves money yet
     * (issue 15's later slices add them), so the Support-only refusal covers MOVE_MONEY as soon as one is listed.
     */
    @Test
    void staff_methods_refuse_customers_and_staff_members_whose_roles_do_not_allow_the_action() throws Exception {
        Map<String, Method> methods = new java.util.TreeMap<>();
        for (Object bean : applicationContext.getBeansWithAnnotation(Service.class).values()) {
            Class<?> type = ClassUtils.getUserClass(AopUtils.getTargetClass(bean));
            if (type.getName().startsWith("dev.billfold.ops.") || type.getName().startsWith("dev.billfold.staff.")) {
                for (Method method : type.getMethods()) {
                    if (method.getDeclaringClass() != Object.class && !Modifier.isStatic(method.getModifiers())) {
                        methods.put(type.getSimpleName() + "." + method.getName(), method);
                    }
                }
            }
        }
        assertThat(methods.keySet()).as("every staff method is in the role matrix").isEqualTo(STAFF_METHODS.keySet());
        String staffUser = data.newStaffUser();
        Map<String, String> before = snapshot();
        List<String> problems = new ArrayList<>();

        for (var entry : methods.entrySet()) {
            Method method = entry.getValue();
            Object bean = applicationContext.getBean(method.getDeclaringClass());
            Object[] values = new Arguments(Arguments.ALL_FOREIGN).build(method);
            for (String username : List.of(a.username(), billing, viewer)) {
                TestData.signIn(username);
                expectRefused(bean, method, values, userOf(username), entry.getKey() + " as customer " + username,
                        problems);
            }
            for (StaffRole role : StaffRole.values()) {
                TestData.signIn(staffUser, List.of(role));
                String call = entry.getKey() + " as staff " + role;
                if (!STAFF_METHODS.get(entry.getKey()).allowedFor(Set.of(role))) {
                    expectRefused(bean, method, values, userOf(staffUser), call, problems);
                } else {
                    try {
                        method.invoke(bean, values);
                    } catch (InvocationTargetException thrown) {
                        if (thrown.getCause() instanceof AccessDeniedException) {
                            problems.add("REFUSED an allowed role: " + call);
                        }
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(snapshot()).as("no table changed").isEqualTo(before);
    }

    private void expectRefused(Object bean, Method method, Object[] values, UserId caller, String call,
                               List<String> problems) throws IllegalAccessException {
        int logged = logs.list.size();
        try {
            method.invoke(bean, values);
            problems.add("SUCCEEDED: " + call);
            return;
        } catch (InvocationTargetException thrown) {
            if (!(thrown.getCause() instanceof AccessDeniedException)) {
                problems.add("failed with %s instead of a refusal: %s".formatted(thrown.getCause(), call));
                return;
            }
        }
        if (logs.list.subList(logged, logs.list.size()).stream().map(ILoggingEvent::getFormattedMessage)
                .noneMatch(message -> message.startsWith("Access denied: staff=" + caller.value()))) {
            problems.add("refused without a denial log naming the user: " + call);
        }
    }

    @Test
    void only_the_listed_methods_skip_the_access_check() {
        Set<String> internal = new TreeSet<>();
        for (String name : applicationContext.getBeanDefinitionNames()) {
            Class<?> type = applicationContext.getType(name);
            if (type == null || !type.getName().startsWith("dev.billfold.")) {
                continue;
            }
            for (Method method : ClassUtils.getUserClass(type).getDeclaredMethods()) {
                InternalCall internalCall = method.getAnnotation(InternalCall.class);
                if (internalCall != null) {
                    assertThat(internalCall.value()).as("the reason of %s", method).isNotBlank();
                    internal.add(ClassUtils.getUserClass(type).getSimpleName() + "." + method.getName());
                }
            }
        }
        assertThat(internal).isEqualTo(new TreeSet<>(EXPECTED_INTERNAL_CALLS));
    }

    @Test
    void routes_with_another_accounts_payment_id_show_not_found_log_the_denial_and_change_nothing() {
        Set<String> templates = RouteConfiguration.forApplicationScope().getAvailableRoutes().stream()
                .map(RouteData::getTemplate).filter(template -> template.contains(":")).collect(Collectors.toSet());
        assertThat(templates).as("every route with a parameter is covered here").isEqualTo(PARAMETER_ROUTES);
        Map<String, String> before = snapshot();
        String paymentId = foreign.get(PaymentId.class).value().toString();

        for (String username : List.of(a.username(), billing, viewer)) {
            signIn(username);
            UserId caller = userOf(username);

            int logged = logs.list.size();
            UI.getCurrent().navigate("history", QueryParameters.of("payment", paymentId));
            expectNotFound();
            assertThat(_find(Div.class, spec -> spec.withId("payment-detail"))).as("no detail is shown").isEmpty();
            assertDenialLogged(logged, caller, paymentId);

            logged = logs.list.size();
            UI.getCurrent().navigate("payment-return/" + paymentId);
            expectNotFound();
            assertDenialLogged(logged, caller, paymentId);

            logged = logs.list.size();
            String methodId = foreign.get(PaymentMethodId.class).value().toString();
            UI.getCurrent().navigate("payment-methods/setup/" + methodId);
            NavigatorKt.expectView(PaymentMethodViews.METHODS);
            assertThat(_get(Div.class, spec -> spec.withId("methods-banner")).getText())
                    .isEqualTo("We could not find that payment method.");
            assertDenialLogged(logged, caller, methodId);

            UI.getCurrent().navigate("invitation/" + UUID.randomUUID());
            NavigatorKt.expectView(AccountViews.INVITATION);
            assertThat(_get(Paragraph.class, spec -> spec.withId("invitation-outcome")).getText())
                    .startsWith("This invitation link is not valid any more");
        }
        assertThat(snapshot()).as("no table changed").isEqualTo(before);
    }

    private void expectNotFound() {
        NavigatorKt.expectView(PaymentViews.HISTORY);
        Div banner = _get(Div.class, spec -> spec.withId("payment-banner"));
        assertThat(banner.isVisible()).isTrue();
        assertThat(banner.getText()).isEqualTo("We could not find that payment.");
    }

    private void assertDenialLogged(int from, UserId caller, String id) {
        assertThat(logs.list.subList(from, logs.list.size())).extracting(ILoggingEvent::getFormattedMessage)
                .anyMatch(message -> message.startsWith("Access denied: user=" + caller.value()) && message.contains(id));
    }

    /** Public methods of dev.billfold's @Service beans with an id among their parameters, by "Class.method". */
    private Map<String, Method> idTakingServiceMethods() {
        Map<String, Method> found = new java.util.TreeMap<>();
        for (Object bean : applicationContext.getBeansWithAnnotation(Service.class).values()) {
            Class<?> type = ClassUtils.getUserClass(AopUtils.getTargetClass(bean));
            if (!type.getName().startsWith("dev.billfold.")) {
                continue;
            }
            for (Method method : type.getMethods()) {
                if (method.getDeclaringClass() == Object.class || Modifier.isStatic(method.getModifiers())
                        || method.isAnnotationPresent(InternalCall.class)) {
                    continue;
                }
                if (new Arguments(-1).count(method) > 0) {
                    String key = type.getSimpleName() + "." + method.getName();
                    assertThat(found.put(key, method)).as("overloads are not told apart here: %s", key).isNull();
                }
            }
        }
        return found;
    }

    /**
     * Fills a method's parameters: ids are B's, or (for one chosen slot at a time) A's everywhere but that slot;
     * records and sealed choices are built from their parts; other values are plausible but irrelevant, because the
     * access check must come before any other check.
     */
    final class Arguments {

        static final int ALL_FOREIGN = -1;

        final int foreignSlot;
        final List<TypedId> used = new ArrayList<>();
        int slot;

        Arguments(int foreignSlot) {
            this.foreignSlot = foreignSlot;
        }

        int count(Method method) {
            build(method);
            return slot;
        }

        Object[] build(Method method) {
            Object[] values = new Object[method.getParameterCount()];
            for (int i = 0; i < values.length; i++) {
                values[i] = value(method.getGenericParameterTypes()[i]);
            }
            return values;
        }

        private Object value(java.lang.reflect.Type generic) {
            if (generic instanceof java.lang.reflect.ParameterizedType parameterized
                    && parameterized.getRawType() == List.class) {
                return List.of(value(parameterized.getActualTypeArguments()[0]));
            }
            Class<?> type = generic instanceof java.lang.reflect.ParameterizedType parameterized
                    ? (Class<?>) parameterized.getRawType() : (Class<?>) generic;
            if (TypedId.class.isAssignableFrom(type)) {
                boolean useForeign = foreignSlot == ALL_FOREIGN || foreignSlot == slot;
                slot++;
                TypedId id = (useForeign ? foreign : own).get(type);
                if (id == null) {
                    throw new AssertionError("The access suite has no " + type.getSimpleName()
                            + " of customers A and B yet: add one in AccessControlTest.ids");
                }
                used.add(id);
                return id;
            }
            if (type.isRecord()) {
                RecordComponent[] components = type.getRecordComponents();
                Class<?>[] types = new Class<?>[components.length];
                Object[] values = new Object[components.length];
                for (int i = 0; i < components.length; i++) {
                    types[i] = components[i].getType();
                    values[i] = value(components[i].getGenericType());
                }
                try {
                    var constructor = type.getDeclaredConstructor(types);
                    constructor.setAccessible(true);
                    return constructor.newInstance(values);
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError("Cannot build " + type, e);
                }
            }
            if (type.isSealed()) {
                // The choice that carries an id, so that it is attacked too.
                Class<?>[] permitted = type.getPermittedSubclasses();
                for (Class<?> choice : permitted) {
                    if (holdsId(choice)) {
                        return value(choice);
                    }
                }
                return value(permitted[0]);
            }
            if (type.isEnum()) {
                return type.getEnumConstants()[0];
            }
            if (type == String.class) {
                return "intruder@example.com";
            }
            if (type == boolean.class || type == Boolean.class) {
                return true;
            }
            if (type == int.class || type == Integer.class) {
                return 10;
            }
            if (type == long.class || type == Long.class) {
                return 10L;
            }
            if (type == java.math.BigDecimal.class) {
                return new java.math.BigDecimal("10.00");
            }
            if (type == java.util.Currency.class) {
                return java.util.Currency.getInstance("USD");
            }
            if (type == java.time.LocalDate.class) {
                return java.time.LocalDate.of(2026, 1, 1);
            }
            if (type == java.time.ZoneId.class || type == java.time.ZoneOffset.class) {
                return java.time.ZoneOffset.UTC;
            }
            if (type == java.io.Writer.class) {
                return new java.io.StringWriter();
            }
            throw new AssertionError("The access suite cannot build a " + type.getName() + ": teach Arguments.value");
        }

        private boolean holdsId(Class<?> type) {
            if (TypedId.class.isAssignableFrom(type)) {
                return true;
            }
            if (type.isRecord()) {
                for (RecordComponent component : type.getRecordComponents()) {
                    if (holdsId(component.getType())) {
                        return true;
                    }
                }
            }
            return type.isSealed() && java.util.Arrays.stream(type.getPermittedSubclasses()).anyMatch(this::holdsId);
        }
    }

    /** One id of every kind that customer {@code c} owns. */
    private Map<Class<?>, TypedId> ids(Customer c) {
        Map<Class<?>, TypedId> ids = new LinkedHashMap<>();
        ids.put(AccountId.class, c.accountId());
        ids.put(PayerId.class, c.person());
        ids.put(UserId.class, c.userId());
        PaymentMethodId card = data.savedCard(c, c.person(), "4242", true);
        ids.put(PaymentMethodId.class, card);
        ids.put(PaymentId.class, waitingCheckout(c));
        ids.put(InvitationId.class, pendingInvitation(c));
        ids.put(HostedServiceId.class, new ServiceFixtures(jdbc).service(c, "Access VPS", "12.00", "MONTH",
                java.time.LocalDate.now().plusDays(5), "ACTIVE", true));
        return ids;
    }

    /** A checkout waiting at the demo provider: a missing check on the return would ask the provider and change it. */
    private PaymentId waitingCheckout(Customer c) {
        var id = new PaymentId(UUID.randomUUID());
        var now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("""
                        insert into payment (id, account_id, payer_id, amount_value, amount_currency, method_kind, provider,
                          provider_reference, idempotency_key, save_method, status, created_at, updated_at, version)
                        values (?, ?, ?, 25.00, 'USD', 'CHECKOUT', 'demo', ?, ?, false, 'WAITING_FOR_PAYMENT', ?, ?, 0)""")
                .params(id.value(), c.accountId().value(), c.person().value(), "cs_access_" + id.value(),
                        "access:" + id.value(), now, now)
                .update();
        return id;
    }

    private InvitationId pendingInvitation(Customer c) {
        var id = new InvitationId(UUID.randomUUID());
        var now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("""
                        insert into invitation (id, account_id, email, role, token_hash, invited_by, created_at, expires_at, version)
                        values (?, ?, ?, 'VIEWER', ?, ?, ?, ?, 0)""")
                .params(id.value(), c.accountId().value(), "invitee-" + id.value() + "@example.com",
                        UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", ""),
                        c.userId().value(), now, now.plusDays(7))
                .update();
        return id;
    }

    private UserId userOf(String username) {
        return new UserId(jdbc.sql("select id from app_user where username = ?").param(username).query(UUID.class).single());
    }

    /** Every row of every table, as text, per table: any insert, update or delete shows up as a difference. */
    private Map<String, String> snapshot() {
        List<String> tables = jdbc.sql("""
                        select table_name from information_schema.tables
                         where lower(table_schema) = 'public' and table_type in ('BASE TABLE', 'TABLE')
                         order by table_name""")
                .query(String.class).list();
        assertThat(tables).contains("payment", "ledger_entry", "account_member", "invitation");
        Function<String, String> rows = table -> jdbc.sql("select * from " + table).query().listOfRows().stream()
                .map(Object::toString).sorted().collect(Collectors.joining("\n"));
        Map<String, String> snapshot = new LinkedHashMap<>();
        tables.forEach(table -> snapshot.put(table, rows.apply(table)));
        return snapshot;
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
