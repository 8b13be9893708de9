package dev.wheelhouse.app.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Every --timeout is whole seconds, at least one: one rule, checked while parsing (exit 2). */
final class AtLeastOneSecond implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
        int seconds;
        try {
            seconds = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a whole number of seconds");
        }
        if (seconds < 1) {
            throw new TypeConversionException("must be at least 1 second, not " + seconds);
        }
        return seconds;
    }
}
