package dev.failforward.detect;

import dev.failforward.api.PublicApi;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A detector's configurable threshold: its key (without the {@code id.} prefix), its type, its
 * default and the values that make sense. {@link #parse} is the one place where text given as
 * {@code --threshold id.key=value} becomes a value, and where a value out of range (a negative
 * count, NaN, a share above 1) is refused with the valid range.
 *
 * @param <T> the type of the value: {@code Integer}, {@code Double}, {@code Boolean} or an enum
 */
@PublicApi
public sealed interface Threshold<T> permits Threshold.Whole, Threshold.Real, Threshold.Flag, Threshold.Choice {

    String key();

    T defaultValue();

    /** What values are valid, for errors and help: "a whole number from 2 to 1000". */
    String range();

    /**
     * The value {@code text} stands for; when it is not one, an {@link IllegalArgumentException} whose
     * message says the valid range ("must be a whole number from 2 to 1000, got '-1'").
     */
    T parse(String text);

    static Whole whole(String key, int defaultValue, int min, int max) {
        return new Whole(key, defaultValue, min, max);
    }

    static Real real(String key, double defaultValue, double min, double max) {
        return new Real(key, defaultValue, min, max);
    }

    /** A share, a probability or a significance level: from 0 to 1. */
    static Real fraction(String key, double defaultValue) {
        return new Real(key, defaultValue, 0, 1);
    }

    /** A non-negative number without an upper bound (a ratio, a z-score, a margin). */
    static Real atLeastZero(String key, double defaultValue) {
        return new Real(key, defaultValue, 0, Double.POSITIVE_INFINITY);
    }

    static Flag flag(String key, boolean defaultValue) {
        return new Flag(key, defaultValue);
    }

    static <E extends Enum<E>> Choice<E> choice(String key, E defaultValue) {
        return new Choice<>(key, defaultValue);
    }

    /** A count or a size. */
    record Whole(String key, Integer defaultValue, int min, int max) implements Threshold<Integer> {

        public Whole {
            Checks.inRange(key, defaultValue, min, max);
        }

        @Override
        public String range() {
            return max == Integer.MAX_VALUE ? "a whole number of at least " + min : "a whole number from " + min + " to " + max;
        }

        @Override
        public Integer parse(String text) {
            int v;
            try {
                v = Integer.parseInt(text.trim());
            } catch (NumberFormatException e) {
                throw Checks.refused(text, range());
            }
            if (v < min || v > max) {
                throw Checks.refused(text, range());
            }
            return v;
        }
    }

    /** A real number within a closed range (never NaN). */
    record Real(String key, Double defaultValue, double min, double max) implements Threshold<Double> {

        public Real {
            Checks.inRange(key, defaultValue, min, max);
        }

        @Override
        public String range() {
            return max == Double.POSITIVE_INFINITY ? "a number of at least " + Checks.format(min)
                    : "a number from " + Checks.format(min) + " to " + Checks.format(max);
        }

        @Override
        public Double parse(String text) {
            double v;
            try {
                v = Double.parseDouble(text.trim());
            } catch (NumberFormatException e) {
                throw Checks.refused(text, range());
            }
            if (Double.isNaN(v) || v < min || v > max) {
                throw Checks.refused(text, range());
            }
            return v;
        }
    }

    /** On or off: {@code true}/{@code false} (also {@code 1}/{@code 0}, as earlier versions took it). */
    record Flag(String key, Boolean defaultValue) implements Threshold<Boolean> {

        @Override
        public String range() {
            return "true or false";
        }

        @Override
        public Boolean parse(String text) {
            return switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "true", "1" -> true;
                case "false", "0" -> false;
                default -> throw Checks.refused(text, range());
            };
        }
    }

    /** One of an enum's constants, written in lower case with dashes ({@code LOW_MEMORY} as {@code low-memory}). */
    record Choice<E extends Enum<E>>(String key, E defaultValue) implements Threshold<E> {

        @Override
        public String range() {
            return "one of " + Arrays.stream(defaultValue.getDeclaringClass().getEnumConstants()).map(Choice::name)
                    .collect(Collectors.joining(", "));
        }

        @Override
        public E parse(String text) {
            for (E e : defaultValue.getDeclaringClass().getEnumConstants()) {
                if (name(e).equals(text.trim().toLowerCase(Locale.ROOT))) {
                    return e;
                }
            }
            throw Checks.refused(text, range());
        }

        private static String name(Enum<?> e) {
            return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** The checks the threshold types share. */
    final class Checks {

        private Checks() {
        }

        static void inRange(String key, double defaultValue, double min, double max) {
            if (!(defaultValue >= min && defaultValue <= max)) {
                throw new IllegalStateException("the default of threshold '" + key + "' is outside its range");
            }
        }

        static IllegalArgumentException refused(String text, String range) {
            return new IllegalArgumentException("must be " + range + ", got '" + text.trim() + "'");
        }

        static String format(double v) {
            return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
        }
    }
}
