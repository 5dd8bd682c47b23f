/** The bare Vaadin route the capacity benchmark measures Billfold against; compiled under -Pbench only. */
@NullMarked
package dev.billfold.bench.bare;

import org.jspecify.annotations.NullMarked;
