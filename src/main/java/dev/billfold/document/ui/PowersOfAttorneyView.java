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
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import dev.billfold.account.PayerDetails;
import dev.billfold.account.PayerService;
import dev.billfold.account.PayerType;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.ui.Banner;
import dev.billfold.base.ui.DatePickers;
import dev.billfold.base.ui.Localized;
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
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The account's powers of attorney: for each company or sole-proprietor payer, the individuals who may pay for it,
 * with where staff's review stands and the dates it is valid. Owners send a new one in; everyone else reads. The
 * form is a convenience: the service checks the role, the payer and the file again. The list is rendered again
 * when the language is switched; what is typed into the form stays.
 */
@Route("powers-of-attorney")
@Menu(order = 3.5, title = "Powers of attorney", icon = "vaadin:file-text-o")
@PermitAll
class PowersOfAttorneyView extends Div implements HasDynamicTitle, LocaleChangeObserver {

    /** The language the data-driven texts were last rendered in; attaching calls localeChange too. */
    private @Nullable Locale renderedIn;
    private final PowerOfAttorneyService powers;
    private final PayerService payers;
    private final Clock clock;
    private final Banner banner = new Banner("poa-status", "poa-banner");
    private final Div list = new Div();
    private final Select<PayerDetails> payer = new Select<>();
    private final TextField individual = new TextField();
    private final DatePicker validFrom = new DatePicker();
    private final DatePicker validTo = new DatePicker();
    private final Span chosen = new Span();
    private @Nullable UploadedDocument file;

    PowersOfAttorneyView(PowerOfAttorneyService powers, PayerService payers, Clock clock) {
        this.powers = powers;
        this.payers = payers;
        this.clock = clock;
        addClassName("powers-of-attorney-view");
        list.setId("poa-list");
        add(Localized.text(new H2(), "document.powers.title"), Localized.text(new Paragraph(), "document.powers.intro"),
                banner);
        List<PayerDetails> eligible = eligible();
        if (eligible.isEmpty()) {
            var none = Localized.text(new Paragraph(), "document.powers.no-payers");
            none.setId("poa-no-payers");
            add(none);
            return;
        }
        if (payers.mayManage()) {
            add(form(eligible));
        } else {
            var readOnly = Localized.text(new Paragraph(), "document.powers.read-only");
            readOnly.setId("poa-read-only");
            readOnly.addClassName("hint");
            add(readOnly);
        }
        add(list);
        refresh(eligible);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("document.powers.page-title");
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        if (event.getLocale().equals(renderedIn)) {
            return;
        }
        if (list.getParent().isPresent()) {
            refresh(eligible());
        }
    }

    private List<PayerDetails> eligible() {
        return payers.all().stream().filter(p -> !p.archived() && p.type() != PayerType.INDIVIDUAL).toList();
    }

    private String payerLabel(PayerDetails p) {
        return p.legalName() + " (" + getTranslation("document.payer-type." + p.type().name()) + ")";
    }

    private Div form(List<PayerDetails> eligible) {
        Localized.bind(payer, payer::setLabel, "document.powers.payer");
        payer.setId("poa-payer");
        payer.setItems(eligible);
        payer.setItemLabelGenerator(this::payerLabel);
        payer.setValue(eligible.getFirst());
        individual.setId("poa-individual");
        individual.setMaxLength(200);
        Localized.bind(individual, individual::setLabel, "document.powers.individual");
        Localized.bind(individual, individual::setHelperText, "document.powers.individual.helper");
        Localized.bind(validFrom, validFrom::setLabel, "document.powers.valid-from");
        Localized.bind(validTo, validTo::setLabel, "document.powers.valid-to");
        DatePickers.follow(validFrom);
        DatePickers.follow(validTo);
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
                ui.access(() -> banner.show(getTranslation("document.upload.broke-off"), Banner.ERROR));
            }
        });
        upload.setId("poa-upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(UploadedDocument.MAX_BYTES);
        upload.setAcceptedFileTypes(".pdf", ".png", ".jpg", ".jpeg", "application/pdf", "image/png", "image/jpeg");
        upload.addFileRejectedListener(e -> banner.show(e.getErrorMessage(), Banner.ERROR));
        chosen.setId("poa-file");
        var send = Localized.text(new Button("", e -> send()), "document.powers.send");
        send.setId("poa-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var form = new Div(Localized.text(new H3(), "document.powers.form-title"), payer, individual, validFrom,
                validTo, Localized.text(new Paragraph(), "document.powers.file-hint"), upload, chosen, send);
        form.setId("poa-form");
        form.addClassName("poa-form");
        return form;
    }

    /** The file picked in the form, kept until Send; view tests call it, since Karibu cannot stream an upload. */
    void fileChosen(String name, byte[] content) {
        file = new UploadedDocument(name, content);
        chosen.setText(getTranslation("document.powers.file", name));
    }

    void send() {
        individual.setInvalid(false);
        validTo.setInvalid(false);
        if (payer.getValue() == null || validFrom.getValue() == null || validTo.getValue() == null) {
            banner.show(getTranslation("document.powers.choose-payer-and-dates"), Banner.ERROR);
            return;
        }
        if (file == null) {
            banner.show(getTranslation("document.powers.choose-file"), Banner.ERROR);
            return;
        }
        try {
            var sent = powers.upload(payer.getValue().id(), individual.getValue(), validFrom.getValue(),
                    validTo.getValue(), file);
            banner.show(getTranslation("document.powers.sent", sent.fileName(), sent.individualName(),
                    sent.validFrom().toString(), sent.validTo().toString()), Banner.SUCCESS);
        } catch (InvalidRequestException bad) {
            switch (bad.field()) {
                case "individualName" -> {
                    individual.setErrorMessage(bad.getLocalizedMessage());
                    individual.setInvalid(true);
                }
                case "validTo" -> {
                    validTo.setErrorMessage(bad.getLocalizedMessage());
                    validTo.setInvalid(true);
                }
                default -> { }
            }
            banner.show(bad.getLocalizedMessage(), Banner.ERROR);
            return;
        }
        file = null;
        chosen.setText("");
        individual.clear();
        refresh(eligible());
    }

    private void refresh(List<PayerDetails> eligible) {
        renderedIn = Localized.localeOf(this);
        list.removeAll();
        for (PayerDetails p : eligible) {
            var box = new Div(new H3(payerLabel(p)));
            box.addClassName("poa-payer");
            List<PowerOfAttorneySummary> items = powers.ofPayer(p.id());
            if (items.isEmpty()) {
                var none = new Paragraph(getTranslation("document.powers.none-yet"));
                none.addClassName("hint");
                box.add(none);
            }
            items.forEach(item -> box.add(row(item)));
            list.add(box);
        }
    }

    private Div row(PowerOfAttorneySummary item) {
        var name = new Span(item.individualName());
        name.addClassName("poa-individual-name");
        var dates = new Span(getTranslation("document.dates", item.validFrom().toString(), item.validTo().toString()));
        dates.addClassName("poa-dates");
        var status = new Span(status(item));
        status.addClassNames("badge", "poa-state");
        var row = new Div(name, dates, status, new Span(item.fileName()));
        row.addClassName("poa-row");
        return row;
    }

    private String status(PowerOfAttorneySummary item) {
        return switch (item.status()) {
            case PENDING -> getTranslation("document.powers.status.under-review");
            case REJECTED -> getTranslation("document.powers.status.rejected", item.reason());
            case ACCEPTED -> getTranslation(item.validOn() ? "document.powers.status.valid-now"
                    : "document.powers.status.not-valid-today");
        };
    }
}
