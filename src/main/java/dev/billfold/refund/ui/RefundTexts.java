package dev.billfold.refund.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import dev.billfold.base.ui.Localized;
import dev.billfold.refund.RefundSummary;

/** The refund pages' shared wording: a request's status and a part's, in the page's language. */
final class RefundTexts {

    private RefundTexts() {
    }

    static String progress(Component page, RefundSummary refund) {
        return page.getTranslation("refund.progress." + refund.progress().name());
    }

    /** "Rejected: returned to your balance: Ask your reseller", with the decision's or failure's reason. */
    static String statusWithReason(Component page, RefundSummary refund) {
        String status = progress(page, refund);
        return refund.reason() == null ? status : page.getTranslation("refund.with-reason", status, refund.reason());
    }

    static String partStatus(Component page, RefundSummary.Part part) {
        return page.getTranslation("refund.part-status." + part.status().name());
    }

    static <T> Grid.Column<T> header(Grid.Column<T> column, String key, Object... params) {
        return Localized.bind(column, column::setHeader, key, params);
    }
}
