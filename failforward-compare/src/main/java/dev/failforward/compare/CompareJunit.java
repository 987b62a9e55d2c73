package dev.failforward.compare;

import java.util.Locale;

/**
 * {@code compare-junit.xml}: one JUnit test case per policy rule, with a {@code <failure>} when the
 * rule blocks, so that CI systems show the gate like a test result.
 */
public final class CompareJunit {

    private CompareJunit() {
    }

    public static String render(Comparison c, Verdict v) {
        long failures = v.results().stream().filter(r -> !r.passed()).count();
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        String suite = "failforward.compare." + c.candidate().modelId() + ".vs." + c.baseline().modelId();
        x.append(String.format(Locale.ROOT, "<testsuites name=\"failforward compare\" tests=\"%d\" failures=\"%d\" errors=\"0\">%n",
                v.results().size(), failures));
        x.append(String.format(Locale.ROOT, "  <testsuite name=\"%s\" tests=\"%d\" failures=\"%d\" errors=\"0\" skipped=\"0\">%n",
                xml(suite), v.results().size(), failures));
        for (RuleResult r : v.results()) {
            x.append(String.format(Locale.ROOT, "    <testcase classname=\"%s\" name=\"%s\"", xml("policy." + v.policy()), xml(r.rule() + ": " + r.description())));
            if (r.passed()) {
                x.append("/>\n");
            } else {
                x.append(">\n      <failure message=\"").append(xml(r.reasons().get(0))).append("\" type=\"blocked\">")
                        .append(xml(String.join("\n", r.reasons()))).append("</failure>\n    </testcase>\n");
            }
        }
        x.append("  </testsuite>\n</testsuites>\n");
        return x.toString();
    }

    /** Text for XML content and attributes; characters XML 1.0 forbids become U+FFFD. */
    static String xml(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                case '\n' -> out.append("&#10;");
                default -> {
                    boolean allowed = cp == 0x9 || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) || cp >= 0x10000;
                    out.appendCodePoint(allowed ? cp : 0xFFFD);
                }
            }
        });
        return out.toString();
    }
}
