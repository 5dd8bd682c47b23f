package dev.billfold.base.ui;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A view that a signed-in user may open without belonging to any customer account: the frame sends such a user to
 * its "no account yet" page before every other view. The invitation link is one, since following it is how a
 * newcomer gets their first account, and the back office is another (staff need no customer account). The view must
 * not need the main layout or a current account.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface NoAccountNeeded {
}
