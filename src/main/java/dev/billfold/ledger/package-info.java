@NullMarked
package dev.billfold.ledger;

import org.jspecify.annotations.NullMarked;
