package dev.billfold.base;

/**
 * Bad input that names something nobody has, or that is not the caller's: the same answer for both, so ids cannot be
 * probed. The UI shows it as any other refusal; the API answers 404.
 */
public class NotFoundException extends InvalidRequestException {

    public NotFoundException(String message) {
        super(message);
    }
}
