@NullMarked
package dev.billfold.security;

import org.jspecify.annotations.NullMarked;
