package dev.billfold.notification.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import dev.billfold.account.AccountId;
import dev.billfold.base.ui.LocalTimes;
import dev.billfold.notification.MailLogEntry;
import dev.billfold.notification.OpsMailLogQuery;
import dev.billfold.ops.ui.OpsAccountSection;
import dev.billfold.staff.StaffAccess;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The account's mails on its back-office page, newest first and paged from the database: when, to whom, what, how far
 * it got, in how many attempts, and the SMTP server's last complaint.
 */
@org.springframework.stereotype.Component
class MailLogSection implements OpsAccountSection {

    private final OpsMailLogQuery mailLog;

    MailLogSection(OpsMailLogQuery mailLog) {
        this.mailLog = mailLog;
    }

    @Override
    public int position() {
        return 30;
    }

    @Override
    public Optional<Component> section(AccountId account) {
        int total;
        try {
            total = mailLog.count(account);
        } catch (StaffAccess.StaffOnlyException notForThisRole) {
            return Optional.empty();
        }
        var heading = new H3("Mail");
        if (total == 0) {
            var none = new Span("None.");
            none.setId("ops-mail-log-none");
            return Optional.of(new Div(heading, none));
        }
        LocalTimes times = LocalTimes.ofBrowser();
        var grid = new Grid<MailLogEntry>();
        grid.setId("ops-mail-log");
        grid.addColumn(mail -> times.format(mail.createdAt())).setHeader("When");
        grid.addColumn(MailLogEntry::recipient).setHeader("To");
        grid.addColumn(mail -> mail.kind().label()).setHeader("Kind");
        grid.addColumn(MailLogEntry::subject).setHeader("Subject");
        grid.addColumn(mail -> mail.status().label()).setHeader("Status");
        grid.addColumn(mail -> mail.sentAt() == null ? "\u2014" : times.format(mail.sentAt())).setHeader("Sent");
        grid.addColumn(MailLogEntry::attempts).setHeader("Attempts");
        grid.addColumn(mail -> orDash(mail.lastError())).setHeader("Last error");
        grid.getColumns().forEach(column -> column.setAutoWidth(true));
        grid.setItems(query -> mailLog.page(account, query.getOffset(), query.getLimit()).stream(),
                query -> mailLog.count(account));
        grid.setHeight("20em");
        var section = new Div(heading, grid);
        section.setWidthFull();
        return Optional.of(section);
    }

    private static String orDash(@Nullable String text) {
        return text == null || text.isBlank() ? "\u2014" : text;
    }
}
