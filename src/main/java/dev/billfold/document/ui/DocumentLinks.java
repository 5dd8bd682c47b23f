package dev.billfold.document.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.function.SerializableSupplier;
import com.vaadin.flow.server.streams.DownloadHandler;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.document.StoredDocument;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import dev.billfold.staff.StaffRole;

/** What the review pages share: the document link and who may decide. */
final class DocumentLinks {

    private static final String CONTENT_TYPE_OPTIONS = "X-Content-Type-Options";

    private DocumentLinks() {
    }

    /**
     * Opens the document in a new tab; the file is read when the link is followed, through the service, which checks
     * the staff role again. Served as the type its content proved, never as the customer's name says.
     */
    static Anchor document(String fileName, SerializableSupplier<StoredDocument> read) {
        DownloadHandler handler = event -> {
            StoredDocument document;
            try {
                document = read.get();
            } catch (InvalidRequestException gone) {
                event.getResponse().sendError(404, gone.getMessage());
                return;
            }
            event.setFileName(document.fileName());
            event.setContentType(document.kind().contentType());
            event.setContentLength(document.content().length);
            event.getResponse().setHeader(CONTENT_TYPE_OPTIONS, "nosniff");
            event.getOutputStream().write(document.content());
        };
        var anchor = new Anchor(handler, fileName);
        anchor.setTarget("_blank");
        anchor.addClassName("document-link");
        return anchor;
    }

    /** Whether to offer Finance's buttons; the service checks the role again, this only hides what would be refused. */
    static boolean finance() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && StaffRole.of(authentication).contains(StaffRole.FINANCE);
    }
}
