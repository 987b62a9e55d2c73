package dev.failforward.report;

/**
 * Chart colours: the Okabe–Ito palette, which stays distinguishable with colour-vision
 * deficiencies, plus neutral greys for grid and axes.
 */
public final class Palette {

    public static final String BLUE = "#0072B2";
    public static final String VERMILLION = "#D55E00";
    public static final String GREY = "#6b7280";
    static final String GRID = "#e5e7eb";
    static final String AXIS = "#9ca3af";

    /** Relative luminance of the dark text colour #111827. */
    private static final double INK_LUMINANCE = 0.0116;
    private static final int[] LOW = {0xef, 0xf5, 0xfb};
    private static final int[] HIGH = {0x08, 0x45, 0x94};

    private Palette() {
    }

    /** A sequential blue for a share in {@code [0, 1]}: light for little, dark for much. */
    public static String sequential(double share) {
        double t = Double.isFinite(share) ? Math.max(0, Math.min(1, share)) : 0;
        StringBuilder sb = new StringBuilder("#");
        for (int i = 0; i < 3; i++) {
            sb.append(String.format(java.util.Locale.ROOT, "%02x", (int) Math.round(LOW[i] + t * (HIGH[i] - LOW[i]))));
        }
        return sb.toString();
    }

    /**
     * Whether text on {@link #sequential(double)} of this share should be white: when white has the
     * better contrast against the fill (WCAG relative luminance).
     */
    public static boolean darkBackground(double share) {
        String hex = sequential(share);
        double luminance = 0;
        double[] weights = {0.2126, 0.7152, 0.0722};
        for (int i = 0; i < 3; i++) {
            double c = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            c = c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
            luminance += weights[i] * c;
        }
        double whiteContrast = 1.05 / (luminance + 0.05);
        double inkContrast = (luminance + 0.05) / (INK_LUMINANCE + 0.05);
        return whiteContrast > inkContrast;
    }
}
