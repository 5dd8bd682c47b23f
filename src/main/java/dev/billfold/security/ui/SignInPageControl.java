package dev.billfold.security.ui;

import com.vaadin.flow.component.Component;

/**
 * A control another feature puts at the top of the sign-in page, made anew for each page: the language menu. The
 * sign-in page knows only this interface, so security does not depend on the features that use it (they depend on
 * security).
 */
public interface SignInPageControl {

    Component create();
}
