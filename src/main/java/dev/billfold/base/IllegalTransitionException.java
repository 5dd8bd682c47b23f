package dev.billfold.base;

/** A state change that the domain's state machine does not allow. Always a bug or a race, never user input. */
public class IllegalTransitionException extends IllegalStateException {

    public IllegalTransitionException(String what, Enum<?> from, Enum<?> to) {
        super("%s cannot move from %s to %s".formatted(what, from, to));
    }
}
