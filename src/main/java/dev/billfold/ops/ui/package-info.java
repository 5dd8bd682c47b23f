/** The back office's own layout and views, under /ops. */
@NullMarked
package dev.billfold.ops.ui;

import org.jspecify.annotations.NullMarked;
