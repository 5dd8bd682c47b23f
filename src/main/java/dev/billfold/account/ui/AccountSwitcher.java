package dev.billfold.account.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import dev.billfold.account.AccountChoice;
import dev.billfold.account.AccountContext;
import dev.billfold.account.AccountService;
import dev.billfold.base.InvalidRequestException;
import java.util.List;

/**
 * The current account's name in the header; a selector when the user belongs to more than one account. Choosing
 * one stores the choice (it survives signing out) and rebuilds the page, layout included, for the new account.
 */
public class AccountSwitcher extends Composite<Div> {

    public AccountSwitcher(AccountService accounts, AccountContext current) {
        Div root = getContent();
        root.addClassName("account-switcher");
        List<AccountChoice> mine = accounts.myAccounts();
        if (mine.size() < 2) {
            var name = new Span(current.accountName());
            name.addClassName("account-name");
            name.setId("account-name");
            root.add(name);
            return;
        }
        var select = new Select<AccountChoice>();
        select.setId("account-switcher");
        select.setAriaLabel("Account");
        select.addClassName("account-select");
        select.setItems(mine);
        select.setItemLabelGenerator(a -> a.name() + " · " + a.role().label());
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
                Notification.show(removed.getMessage(), 6000, Notification.Position.TOP_CENTER)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        root.add(select);
    }
}
