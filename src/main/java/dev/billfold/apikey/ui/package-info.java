/** The back office's API keys page, for staff Admins. */
@NullMarked
package dev.billfold.apikey.ui;

import org.jspecify.annotations.NullMarked;
