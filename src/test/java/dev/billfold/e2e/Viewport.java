package dev.billfold.e2e;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The browser window size for one E2E test; without it a test gets a 1280×800 desktop window. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface Viewport {

    int width();

    int height();
}
