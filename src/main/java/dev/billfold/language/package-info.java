/**
 * The customer's language: which ones Billfold speaks, the translation bundles behind Vaadin's {@code I18NProvider},
 * and each user's stored choice, which their mails and documents follow too (issue 21, DD-101).
 */
@NullMarked
package dev.billfold.language;

import org.jspecify.annotations.NullMarked;
