package dev.billfold.account.ui;

import com.vaadin.flow.component.Component;

/** The account pages for view tests of other packages, which cannot name the package-private views themselves. */
public final class AccountViews {

    public static final Class<? extends Component> MEMBERS = MembersView.class;
    public static final Class<? extends Component> INVITATION = InvitationView.class;

    private AccountViews() {
    }
}
