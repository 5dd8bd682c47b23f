package dev.billfold.statement.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.upload.Upload;
import dev.billfold.TestData;
import dev.billfold.staff.StaffRole;
import dev.billfold.ui.KaribuTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The statement pages as Finance and Support use them, and as a customer is kept out of them. */
class StatementViewsTest extends KaribuTest {

    @Autowired
    TestData data;

    String staff;

    @BeforeEach
    void aStaffMember() {
        staff = data.newStaffUser();
    }

    @Test
    void finance_gets_the_upload_and_a_bad_file_says_why_and_imports_nothing() {
        signInStaff(staff, StaffRole.FINANCE);
        UI.getCurrent().navigate(StatementsView.class);
        StatementsView view = _get(StatementsView.class);
        assertThat(_find(Upload.class)).hasSize(1);

        view.upload("evil.xml", new ByteArrayInputStream("""
                <?xml version="1.0"?><!DOCTYPE Document [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">&x;</Document>"""
                .getBytes(StandardCharsets.UTF_8)));

        assertThat(_get(Div.class, spec -> spec.withId("statement-upload-banner")).getText())
                .contains("evil.xml").contains("DOCTYPE");
    }

    @Test
    void support_reads_the_imports_and_the_queue_without_the_upload() {
        signInStaff(staff, StaffRole.SUPPORT);
        UI.getCurrent().navigate(StatementsView.class);
        assertThat(_find(Upload.class)).isEmpty();
        UI.getCurrent().navigate(UnmatchedEntriesView.class);
        _get(UnmatchedEntriesView.class);
    }

    @Test
    void a_customer_is_kept_out() {
        var customer = data.newCustomer("USD");
        signIn(customer.username());
        assertThatThrownBy(() -> UI.getCurrent().navigate(UnmatchedEntriesView.class))
                .isInstanceOf(MockAccessDeniedException.class);
    }
}
