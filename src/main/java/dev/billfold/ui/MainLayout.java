package dev.billfold.ui;

import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.billfold.account.AccountContext;
import dev.billfold.account.AccountService;
import dev.billfold.account.PayerService;
import dev.billfold.account.ui.AccountMenu;
import dev.billfold.account.ui.AccountSwitcher;
import dev.billfold.account.ui.PayerSwitcher;
import dev.billfold.base.Money;
import dev.billfold.base.ui.Localized;
import dev.billfold.language.LanguageService;
import dev.billfold.language.ui.LanguageSwitcher;
import dev.billfold.ledger.Ledger;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The portal's frame: the account (a switcher when there are several) and its balance in the header, the menu for
 * the current role in the drawer.
 */
@Layout
@PermitAll
public final class MainLayout extends AppLayout implements AfterNavigationObserver, LocaleChangeObserver {

    /** The product's name, the same in every language. */
    private static final String BRAND = "Billfold";

    private final Ledger ledger;
    private final Span balance = new Span();
    private @Nullable Money shownBalance;
    /** How long the balance lasts, under it (DD-104); none without the feature that knows the services. */
    private final Span runway = new Span();
    private final List<BalanceOutlook> outlooks;
    private final DrawerMenu menu;
    private final List<PageNotice> notices;
    private final Div noticeArea = new Div();
    private @Nullable LanguageSwitcher menuLanguage;

    MainLayout(AccountService accounts, PayerService payers, Ledger ledger, AuthenticationContext authentication,
               LanguageService languages, List<PageNotice> notices, List<BalanceOutlook> outlooks) {
        this.ledger = ledger;
        this.notices = List.copyOf(notices);
        this.outlooks = List.copyOf(outlooks);
        AccountContext account = accounts.currentAccount();
        setPrimarySection(Section.NAVBAR);

        var brand = new Span(BRAND);
        brand.addClassName("brand");
        balance.setId("header-balance");
        balance.addClassName("header-balance");
        runway.setId("header-runway");
        runway.addClassName("header-runway");
        var balanceBox = new Div(Localized.text(new Span(), "ui.header.balance"), balance, runway);
        balanceBox.addClassName("header-balance-box");
        var logout = Localized.text(new Button(), "ui.header.sign-out");
        logout.addClickListener(e -> authentication.logout());
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        logout.addClassName("sign-out");
        var headerLanguage = new LanguageSwitcher(languages);
        headerLanguage.addClassName("header-language");
        var header = new Div(new DrawerToggle(), brand, new AccountSwitcher(accounts, account),
                new PayerSwitcher(payers), balanceBox, headerLanguage, logout);
        header.addClassName("app-header");
        noticeArea.addClassName("page-notices");
        addToNavbar(header, noticeArea);

        menu = new DrawerMenu(MenuConfiguration.getMenuEntries().stream()
                .filter(entry -> AccountMenu.shows(entry, account)).toList());
        addToDrawer(menu);
        // A phone's header has no room left for the switcher (styles.css hides it there): the menu gets one when it
        // is first opened as an overlay, so that the sessions that never open it do not hold a second one
        getElement().addPropertyChangeListener("drawerOpened", event -> {
            if (isDrawerOpened() && isOverlay() && menuLanguage == null) {
                menuLanguage = new LanguageSwitcher(languages, "language-menu");
                menuLanguage.addClassName("menu-language");
                addToDrawer(menuLanguage);
            }
        });
    }

    /** Every customer page sits in the one container of styles.css (.page): width, margins, padding (issue 21). */
    @Override
    public void showRouterLayoutContent(HasElement content) {
        super.showRouterLayoutContent(content);
        if (content != null) {
            content.getElement().getClassList().add("page");
        }
    }

    /** The balance changes with payments made on any page, so it is read again after every navigation. */
    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        menu.markCurrent(event.getLocation().getPath());
        refreshBalance();
    }

    public void refreshBalance() {
        shownBalance = ledger.currentBalance();
        balance.setText(shownBalance.format(Localized.localeOf(balance)));
        refreshRunway(Localized.localeOf(runway));
        refreshNotices();
    }

    private void refreshRunway(Locale locale) {
        var told = outlooks.stream().map(outlook -> outlook.runway(locale)).findFirst();
        runway.setText(told.flatMap(BalanceOutlook.Runway::brief).orElse(""));
        runway.setVisible(!runway.getText().isEmpty());
        runway.getElement().getClassList().set("warning", told.map(BalanceOutlook.Runway::warning).orElse(false));
    }

    /** The language was switched: the balance shown is written anew, not read again. */
    @Override
    public void localeChange(LocaleChangeEvent event) {
        if (shownBalance != null) {
            balance.setText(shownBalance.format(event.getLocale()));
            refreshRunway(event.getLocale());
        }
    }

    /** The features' notices as they stand now; a notice that no longer applies disappears. */
    private void refreshNotices() {
        noticeArea.removeAll();
        for (PageNotice notice : notices) {
            notice.text().ifPresent(text -> {
                var shown = new Div(text);
                shown.setId(notice.id());
                shown.addClassName("page-notice");
                shown.getElement().setAttribute("role", "status");
                noticeArea.add(shown);
            });
        }
        noticeArea.setVisible(noticeArea.getComponentCount() > 0);
    }
}
