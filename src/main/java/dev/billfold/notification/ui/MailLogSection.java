package dev.billfold.notification.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import dev.billfold.account.AccountId;
import dev.billfold.base.ui.LocalTimes;
import dev.billfold.base.ui.Localized;
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
        var heading = Localized.text(new H3(), "notification.mail-log.title");
        if (total == 0) {
            var none = Localized.text(new Span(), "notification.mail-log.none");
            none.setId("ops-mail-log-none");
            return Optional.of(new Div(heading, none));
        }
        LocalTimes times = LocalTimes.ofBrowser();
        var grid = new Grid<MailLogEntry>();
        grid.setId("ops-mail-log");
        header(grid.addColumn(mail -> times.format(mail.createdAt())), "notification.mail-log.when");
        header(grid.addColumn(MailLogEntry::recipient), "notification.mail-log.to");
        header(grid.addColumn(mail -> grid.getTranslation("notification.mail-kind." + mail.kind().name())),
                "notification.mail-log.kind");
        header(grid.addColumn(MailLogEntry::subject), "notification.mail-log.subject");
        header(grid.addColumn(mail -> grid.getTranslation("notification.mail-status." + mail.status().name())),
                "notification.mail-log.status");
        header(grid.addColumn(mail -> mail.sentAt() == null ? "\u2014" : times.format(mail.sentAt())),
                "notification.mail-log.sent");
        header(grid.addColumn(MailLogEntry::attempts), "notification.mail-log.attempts");
        header(grid.addColumn(mail -> orDash(mail.lastError())), "notification.mail-log.last-error");
        grid.getColumns().forEach(column -> column.setAutoWidth(true));
        grid.setItems(query -> mailLog.page(account, query.getOffset(), query.getLimit()).stream(),
                query -> mailLog.count(account));
        grid.setHeight("20em");
        var section = new Div(heading, grid);
        section.setWidthFull();
        return Optional.of(section);
    }

    private static Grid.Column<MailLogEntry> header(Grid.Column<MailLogEntry> column, String key) {
        return Localized.bind(column, column::setHeader, key);
    }

    private static String orDash(@Nullable String text) {
        return text == null || text.isBlank() ? "\u2014" : text;
    }
}
