package dev.failforward.compare;

import java.math.BigDecimal;
import java.util.Locale;

/** Number formats shared by the reasons a rule gives, so every line reads alike. */
final class Reasons {

    private Reasons() {
    }

    static String number(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    static String p(double p) {
        return p < 1e-4 ? String.format(Locale.ROOT, "%.1e", p) : String.format(Locale.ROOT, "%.4f", p);
    }

    static String points(double share) {
        return number(BigDecimal.valueOf(share * 100).setScale(2, java.math.RoundingMode.HALF_UP).doubleValue());
    }

    static String signedPoints(double share) {
        return String.format(Locale.ROOT, "%+.1f", share * 100);
    }
}
