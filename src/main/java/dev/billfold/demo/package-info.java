@NullMarked
package dev.billfold.demo;

import org.jspecify.annotations.NullMarked;
