@NullMarked
package dev.billfold.gateway;

import org.jspecify.annotations.NullMarked;
