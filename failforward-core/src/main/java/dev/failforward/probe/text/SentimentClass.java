package dev.failforward.probe.text;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which class of a sentiment target is the positive one, by what the labels say: a label such as
 * {@code positive}, {@code pos} or {@code good}, or, when every label is a number (star ratings, 0/1),
 * the highest. Sorted order alone says nothing: with labels {@code other} and {@code positive}, or
 * {@code negative}, {@code neutral} and {@code positive}, the second label is not the positive one.
 */
public final class SentimentClass {

    private static final Set<String> POSITIVE = Set.of("positive", "pos", "good", "great", "happy", "like", "liked",
            "love", "yes", "true", "praise", "favorable", "favourable");

    private SentimentClass() {
    }

    /** The index of the positive-sentiment class among {@code classes}, or -1 when the labels do not say. */
    public static int positive(List<String> classes) {
        int named = -1;
        for (int c = 0; c < classes.size(); c++) {
            if (POSITIVE.contains(classes.get(c).trim().toLowerCase(Locale.ROOT))) {
                if (named >= 0) {
                    return -1; // two labels both claim it: the labels do not say
                }
                named = c;
            }
        }
        if (named >= 0) {
            return named;
        }
        int highest = -1;
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < classes.size(); c++) {
            try {
                double v = Double.parseDouble(classes.get(c).trim());
                if (v > max) {
                    max = v;
                    highest = c;
                }
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        return highest;
    }
}
