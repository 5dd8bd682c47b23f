package dev.billfold.account.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import dev.billfold.account.AccountChoice;
import dev.billfold.account.AccountContext;
import dev.billfold.account.AccountService;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.ui.Localized;
import java.util.List;

/**
 * The current account's name and number in the header; a selector when the user belongs to more than one account.
 * Choosing one stores the choice (it survives signing out) and rebuilds the page, layout included, for the new
 * account.
 */
public class AccountSwitcher extends Composite<Component> {

    private final Component content;

    public AccountSwitcher(AccountService accounts, AccountContext current) {
        List<AccountChoice> mine = accounts.myAccounts();
        Component choice = mine.size() < 2 ? name(current) : select(accounts, current, mine);
        // The number people quote to support and on bank transfers (DD-059). Only this one wrapper element: each
        // element in the frame is held by every open session (DD-044).
        var number = Localized.text(new Span(), "account.switcher.number", current.accountNumber());
        number.setId("account-number");
        number.addClassName("account-number");
        content = new Span(choice, number);
        content.getElement().getClassList().add("account-switcher");
    }

    @Override
    protected Component initContent() {
        return content;
    }

    private static Span name(AccountContext current) {
        var name = new Span(current.accountName());
        name.addClassName("account-name");
        name.setId("account-name");
        return name;
    }

    private static Select<AccountChoice> select(AccountService accounts, AccountContext current,
            List<AccountChoice> mine) {
        var select = new Select<AccountChoice>();
        select.setId("account-switcher");
        select.addClassName("account-select");
        select.setItems(mine);
        // One binding for both: the item labels name the role, so they are set again with the aria-label.
        Localized.bind(select, label -> {
            select.setAriaLabel(label);
            select.setItemLabelGenerator(a -> a.name() + " · "
                    + select.getTranslation("account.role." + a.role().name()));
        }, "account.switcher.label");
        mine.stream().filter(a -> a.id().equals(current.accountId())).findFirst().ifPresent(select::setValue);
        select.addValueChangeListener(e -> {
            if (e.getValue() == null || e.getValue().id().equals(current.accountId())) {
                return;
            }
            try {
                accounts.switchTo(e.getValue().id());
                UI.getCurrent().refreshCurrentRoute(true);
            } catch (InvalidRequestException removed) {
                // Removed from that account since the page was drawn: show what is left, and say why.
                UI.getCurrent().refreshCurrentRoute(true);
                Notification.show(removed.getLocalizedMessage(), 6000, Notification.Position.TOP_CENTER)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        return select;
    }
}
