package dev.billfold.document.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import dev.billfold.account.PayerDetails;
import dev.billfold.account.PayerService;
import dev.billfold.account.PayerType;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.ui.Banner;
import dev.billfold.document.PowerOfAttorneyService;
import dev.billfold.document.PowerOfAttorneySummary;
import dev.billfold.document.UploadedDocument;
import jakarta.annotation.security.PermitAll;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The account's powers of attorney: for each company or sole-proprietor payer, the individuals who may pay for it,
 * with where staff's review stands and the dates it is valid. Owners send a new one in; everyone else reads. The
 * form is a convenience: the service checks the role, the payer and the file again.
 */
@Route("powers-of-attorney")
@PageTitle("Powers of attorney · Billfold")
@Menu(order = 3.5, title = "Powers of attorney", icon = "vaadin:file-text-o")
@PermitAll
class PowersOfAttorneyView extends Div {

    private final PowerOfAttorneyService powers;
    private final PayerService payers;
    private final Clock clock;
    private final Banner banner = new Banner("poa-status", "poa-banner");
    private final Div list = new Div();
    private final Select<PayerDetails> payer = new Select<>();
    private final TextField individual = new TextField("Individual who pays");
    private final DatePicker validFrom = new DatePicker("Valid from");
    private final DatePicker validTo = new DatePicker("Valid to");
    private final Span chosen = new Span();
    private @Nullable UploadedDocument file;

    PowersOfAttorneyView(PowerOfAttorneyService powers, PayerService payers, Clock clock) {
        this.powers = powers;
        this.payers = payers;
        this.clock = clock;
        addClassName("powers-of-attorney-view");
        list.setId("poa-list");
        add(new H2("Powers of attorney"), new Paragraph("A company or a sole proprietor whose transfers are sent by"
                + " a person (a director, an accountant) sends in a power of attorney for them, so that the bank"
                + " statement's payer name matches."), banner);
        List<PayerDetails> eligible = payers.all().stream()
                .filter(p -> !p.archived() && p.type() != PayerType.INDIVIDUAL).toList();
        if (eligible.isEmpty()) {
            var none = new Paragraph("The account has no company or sole-proprietor payer; an individual pays for"
                    + " themselves and needs no power of attorney.");
            none.setId("poa-no-payers");
            add(none);
            return;
        }
        if (payers.mayManage()) {
            add(form(eligible));
        } else {
            var readOnly = new Paragraph("Only the account's owners can send a power of attorney.");
            readOnly.setId("poa-read-only");
            readOnly.addClassName("hint");
            add(readOnly);
        }
        add(list);
        refresh(eligible);
    }

    private Div form(List<PayerDetails> eligible) {
        payer.setLabel("Payer");
        payer.setId("poa-payer");
        payer.setItems(eligible);
        payer.setItemLabelGenerator(p -> p.legalName() + " (" + p.type().label() + ")");
        payer.setValue(eligible.getFirst());
        individual.setId("poa-individual");
        individual.setMaxLength(200);
        individual.setHelperText("As the bank shows them as the sender.");
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        validFrom.setId("poa-valid-from");
        validFrom.setValue(today);
        validTo.setId("poa-valid-to");
        validTo.setValue(PowerOfAttorneyService.defaultValidTo(today));
        validFrom.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                validTo.setValue(PowerOfAttorneyService.defaultValidTo(e.getValue()));
            }
        });
        var upload = new Upload((UploadHandler) event -> {
            UI ui = event.getUI();
            String name = event.getFileName();
            try (InputStream in = event.getInputStream()) {
                byte[] content = in.readNBytes(UploadedDocument.MAX_BYTES + 1);
                ui.access(() -> fileChosen(name, content));
            } catch (IOException broken) {
                ui.access(() -> banner.show("The upload broke off; please send the file again.", Banner.ERROR));
            }
        });
        upload.setId("poa-upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(UploadedDocument.MAX_BYTES);
        upload.setAcceptedFileTypes(".pdf", ".png", ".jpg", ".jpeg", "application/pdf", "image/png", "image/jpeg");
        upload.addFileRejectedListener(e -> banner.show(e.getErrorMessage(), Banner.ERROR));
        chosen.setId("poa-file");
        var send = new Button("Send for review", e -> send());
        send.setId("poa-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var form = new Div(new H3("Send a power of attorney"), payer, individual, validFrom, validTo,
                new Paragraph("The signed document: PDF, PNG or JPEG, at most 10 MB."), upload, chosen, send);
        form.setId("poa-form");
        form.addClassName("poa-form");
        return form;
    }

    /** The file picked in the form, kept until Send; view tests call it, since Karibu cannot stream an upload. */
    void fileChosen(String name, byte[] content) {
        file = new UploadedDocument(name, content);
        chosen.setText("File: " + name);
    }

    void send() {
        individual.setInvalid(false);
        validTo.setInvalid(false);
        if (payer.getValue() == null || validFrom.getValue() == null || validTo.getValue() == null) {
            banner.show("Choose the payer and both dates.", Banner.ERROR);
            return;
        }
        if (file == null) {
            banner.show("Choose the signed document to send.", Banner.ERROR);
            return;
        }
        try {
            var sent = powers.upload(payer.getValue().id(), individual.getValue(), validFrom.getValue(),
                    validTo.getValue(), file);
            banner.show("Sent for review: %s for %s, %s to %s.".formatted(sent.fileName(), sent.individualName(),
                    sent.validFrom(), sent.validTo()), Banner.SUCCESS);
        } catch (InvalidRequestException bad) {
            switch (bad.field()) {
                case "individualName" -> {
                    individual.setErrorMessage(bad.getMessage());
                    individual.setInvalid(true);
                }
                case "validTo" -> {
                    validTo.setErrorMessage(bad.getMessage());
                    validTo.setInvalid(true);
                }
                default -> { }
            }
            banner.show(bad.getMessage(), Banner.ERROR);
            return;
        }
        file = null;
        chosen.setText("");
        individual.clear();
        refresh(payers.all().stream().filter(p -> !p.archived() && p.type() != PayerType.INDIVIDUAL).toList());
    }

    private void refresh(List<PayerDetails> eligible) {
        list.removeAll();
        for (PayerDetails p : eligible) {
            var box = new Div(new H3(p.legalName() + " (" + p.type().label() + ")"));
            box.addClassName("poa-payer");
            List<PowerOfAttorneySummary> items = powers.ofPayer(p.id());
            if (items.isEmpty()) {
                var none = new Paragraph("No power of attorney yet.");
                none.addClassName("hint");
                box.add(none);
            }
            items.forEach(item -> box.add(row(item)));
            list.add(box);
        }
    }

    private static Div row(PowerOfAttorneySummary item) {
        var name = new Span(item.individualName());
        name.addClassName("poa-individual-name");
        var dates = new Span(item.validFrom() + " to " + item.validTo());
        dates.addClassName("poa-dates");
        var status = new Span(status(item));
        status.addClassNames("badge", "poa-state");
        var row = new Div(name, dates, status, new Span(item.fileName()));
        row.addClassName("poa-row");
        return row;
    }

    static String status(PowerOfAttorneySummary item) {
        return switch (item.status()) {
            case PENDING -> "Under review";
            case REJECTED -> "Rejected: " + item.reason();
            case ACCEPTED -> item.validOn() ? "Accepted, valid now" : "Accepted, not valid today";
        };
    }
}
