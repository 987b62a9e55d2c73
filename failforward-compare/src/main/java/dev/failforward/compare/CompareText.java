package dev.failforward.compare;

import java.util.List;
import java.util.Locale;

/** The short plain-text summary of a comparison printed on the terminal. */
public final class CompareText {

    static final int SLICES_SHOWN = 5;

    private CompareText() {
    }

    public static String summary(Comparison c, Verdict v) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Compare %s (candidate) with %s (baseline) on %d rows of %s, target '%s'%n",
                c.candidate().modelId(), c.baseline().modelId(), c.rows(), c.data(), c.target()));
        out.append(String.format(Locale.ROOT, "  %-18s %10s %10s %10s  %-23s %s%n", "metric", "baseline", "candidate", "diff",
                "95% CI of diff", "p (test)"));
        for (MetricDelta d : c.metrics()) {
            out.append(String.format(Locale.ROOT, "  %-18s %10.4f %10.4f %+10.4f  [%+.4f, %+.4f]  %s (%s)%n", d.metric(),
                    d.baseline(), d.candidate(), d.difference(), d.ciLow(), d.ciHigh(), Reasons.p(d.pValue()), d.test()));
        }
        for (SideSummary r : c.references()) {
            out.append("  reference " + r.modelId() + ":");
            r.metrics().forEach((k, x) -> out.append(String.format(Locale.ROOT, " %s %.4f", k, x)));
            out.append('\n');
        }
        FailureDiff f = c.failureDiff();
        out.append(String.format(Locale.ROOT, "  failures: %d new, %d fixed, %d persisting%s%n", f.newFailures(), f.fixed(),
                f.persisting(), Double.isNaN(c.flipRate()) ? "" : String.format(Locale.ROOT, "; flip rate %.4f", c.flipRate())));
        List<SliceDelta> worst = Comparer.largestDrops(c, SLICES_SHOWN);
        if (c.slicesExamined() > 0) {
            out.append(String.format(Locale.ROOT, "  %d slices examined (at least %d rows each); largest accuracy drops with uncorrected p < 0.05:%n",
                    c.slicesExamined(), c.settings().sliceMinSize()));
            for (SliceDelta s : worst) {
                out.append(String.format(Locale.ROOT, "    %-60s %5d rows  accuracy %.3f -> %.3f  p=%s q=%s%n", s.description(),
                        s.size(), s.baselineAccuracy(), s.candidateAccuracy(), Reasons.p(s.pValue()), Reasons.p(s.qValue())));
            }
        }
        return out.toString();
    }
}
