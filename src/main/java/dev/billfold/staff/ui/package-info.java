/**
 * The back office's frame, shared by every feature's staff pages: {@link dev.billfold.staff.ui.OpsLayout} and the menu
 * entries features contribute to it ({@link dev.billfold.staff.ui.OpsMenuEntry}), so that no feature edits the frame.
 */
@NullMarked
@NamedInterface("ui")
package dev.billfold.staff.ui;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
