/**
 * Exchange rates (issue 19, part 1; DD-092): rate sources fetched on a schedule and stored by (source, pair, date),
 * crosses derived through EUR or USD, a spread on every rate, and no conversion at a stale rate. Depends on base and
 * libraries only; payment asks it for a {@link dev.billfold.fxrate.Conversion} when it prices a quote.
 */
@NullMarked
package dev.billfold.fxrate;

import org.jspecify.annotations.NullMarked;
