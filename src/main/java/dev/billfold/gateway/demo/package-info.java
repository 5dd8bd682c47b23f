@NullMarked
package dev.billfold.gateway.demo;

import org.jspecify.annotations.NullMarked;
