/** The back office's statement pages: upload, imports and their reports, and the unmatched-entries queue. */
@NullMarked
package dev.billfold.statement.ui;

import org.jspecify.annotations.NullMarked;
