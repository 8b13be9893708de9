package dev.wheelhouse.app.cli;

/** Bad input from the user (an unknown environment, a broken workspace): exit 2 with the message. */
final class BadInputException extends RuntimeException {
    BadInputException(String message) {
        super(message);
    }
}
