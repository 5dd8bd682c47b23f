package dev.billfold.statement.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.streams.UploadHandler;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.ui.Banner;
import dev.billfold.base.ui.LocalTimes;
import dev.billfold.base.ui.Localized;
import dev.billfold.base.ui.NoAccountNeeded;
import dev.billfold.staff.StaffRole;
import dev.billfold.staff.ui.OpsLayout;
import dev.billfold.statement.ImportSummary;
import dev.billfold.statement.StatementImports;
import dev.billfold.statement.StatementProperties;
import jakarta.annotation.security.RolesAllowed;
import java.io.InputStream;

/**
 * Upload a bank statement (Finance) and the list of imports, newest first, each opening its report. The upload is
 * streamed to the service, which copies it to a temporary file and refuses it past the size limit.
 */
@Route(value = StatementsView.ROUTE, layout = OpsLayout.class)
@RolesAllowed({StaffRole.Names.SUPPORT, StaffRole.Names.FINANCE})
@NoAccountNeeded
public class StatementsView extends VerticalLayout implements HasDynamicTitle {

    static final String ROUTE = "ops/statements";

    private final StatementImports imports;
    private final Banner banner = new Banner("statement-upload-banner", "ops-banner");
    private final Grid<ImportSummary> grid = new Grid<>(ImportSummary.class, false);

    StatementsView(StatementImports imports, StatementProperties properties) {
        this.imports = imports;
        addClassName("statements-view");
        add(Localized.text(new H2(), "statement.imports.title"));
        if (StaffRoles.finance()) {
            Upload upload = new Upload((UploadHandler) event -> {
                UI ui = event.getUI();
                String name = event.getFileName();
                try (InputStream in = event.getInputStream()) {
                    ImportSummary summary = imports.importFile(name, in);
                    ui.access(() -> imported(summary));
                } catch (InvalidRequestException bad) {
                    ui.access(() -> banner.show(name + ": " + bad.getLocalizedMessage(), Banner.ERROR));
                }
            });
            upload.setId("statement-upload");
            upload.setMaxFiles(1);
            upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, properties.maxSize().toBytes()));
            upload.setAcceptedFileTypes(".xml", ".txt", ".sta", ".940", ".mt940", "application/xml", "text/xml",
                    "text/plain");
            upload.addFileRejectedListener(e -> banner.show(e.getErrorMessage(), Banner.ERROR));
            add(Localized.text(new Paragraph(), "statement.imports.formats", properties.maxSize().toMegabytes()),
                    upload);
        } else {
            add(Localized.text(new Paragraph(), "statement.imports.finance-only"));
        }
        grid.setId("statement-imports");
        StatementTexts.header(grid.addComponentColumn(StatementsView::link), "statement.column.file")
                .setAutoWidth(true);
        StatementTexts.header(grid.addColumn(ImportSummary::format), "statement.column.format").setAutoWidth(true);
        LocalTimes times = LocalTimes.ofBrowser();
        StatementTexts.header(grid.addColumn(s -> times.format(s.startedAt())), "statement.column.imported-at",
                times.label()).setAutoWidth(true);
        StatementTexts.header(grid.addColumn(ImportSummary::importedBy), "statement.column.by").setAutoWidth(true);
        StatementTexts.header(grid.addColumn(ImportSummary::entries), "statement.column.entries");
        StatementTexts.header(grid.addColumn(ImportSummary::credited), "statement.outcome.CREDITED");
        StatementTexts.header(grid.addColumn(ImportSummary::held), "statement.outcome.HELD");
        StatementTexts.header(grid.addColumn(ImportSummary::unmatched), "statement.outcome.UNMATCHED");
        StatementTexts.header(grid.addColumn(ImportSummary::duplicates), "statement.column.duplicates");
        StatementTexts.header(grid.addColumn(ImportSummary::ignored), "statement.outcome.IGNORED");
        grid.setItems(query -> imports.imports(query.getOffset(), query.getLimit()).stream(),
                query -> imports.countImports());
        add(banner, grid);
    }

    /** After an import: its counts in the banner and the list refreshed. */
    void imported(ImportSummary summary) {
        banner.show(getTranslation("statement.imports.imported", summary.fileName(),
                StatementTexts.counts(this, summary)), Banner.SUCCESS);
        grid.getDataProvider().refreshAll();
        OpsLayout.queuesChanged(this);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("statement.imports.page-title");
    }

    /** What the upload does with a file, callable from view tests (Karibu cannot stream an upload). */
    void upload(String name, InputStream in) {
        try {
            imported(imports.importFile(name, in));
        } catch (InvalidRequestException bad) {
            banner.show(name + ": " + bad.getLocalizedMessage(), Banner.ERROR);
        }
    }

    private static RouterLink link(ImportSummary summary) {
        var link = new RouterLink(summary.fileName(), StatementImportView.class);
        link.setQueryParameters(QueryParameters.of(StatementImportView.ID, summary.id().value().toString()));
        link.addClassName("statement-import-link");
        return link;
    }
}
