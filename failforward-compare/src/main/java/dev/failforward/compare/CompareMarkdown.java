package dev.failforward.compare;

import java.util.List;
import java.util.Locale;

/**
 * {@code compare.md}: a summary short enough for a pull-request comment: the verdict with its
 * reasons, the metric table, the failure diff and the worst slices. Table cells from data are
 * escaped so that a value cannot break the table or inject markup.
 */
public final class CompareMarkdown {

    static final int SLICES_SHOWN = 5;

    private CompareMarkdown() {
    }

    public static String render(Comparison c, Verdict v, String runId) {
        StringBuilder md = new StringBuilder();
        md.append("## FailForward compare: ").append(v.blocked() ? "❌ blocked" : "✅ passed").append("\n\n");
        md.append(String.format(Locale.ROOT, "Candidate `%s` vs baseline `%s` on %d rows of `%s` (target `%s`), run `%s`, policy `%s`.%n%n",
                code(c.candidate().modelId()), code(c.baseline().modelId()), c.rows(), code(c.data()), code(c.target()),
                code(runId), code(v.policy())));
        if (v.blocked()) {
            md.append("**Blocked because:**\n\n");
            v.reasons().forEach(r -> md.append("- ").append(cell(r)).append('\n'));
            md.append('\n');
        }
        md.append("| metric | baseline | candidate | difference | 95% CI | p | test |\n|---|---:|---:|---:|---|---:|---|\n");
        for (MetricDelta d : c.metrics()) {
            md.append(String.format(Locale.ROOT, "| %s | %.4f | %.4f | %+.4f | [%+.4f, %+.4f] | %s | %s |%n", d.metric(),
                    d.baseline(), d.candidate(), d.difference(), d.ciLow(), d.ciHigh(), Reasons.p(d.pValue()), d.test()));
        }
        for (SideSummary r : c.references()) {
            Double primary = r.metrics().get(Policy.primaryMetric(dev.failforward.model.Task.parse(c.task())));
            if (primary != null) {
                md.append(String.format(Locale.ROOT, "%nReference `%s`: %s %.4f.", code(r.modelId()),
                        Policy.primaryMetric(dev.failforward.model.Task.parse(c.task())), primary));
            }
        }
        FailureDiff f = c.failureDiff();
        md.append(String.format(Locale.ROOT, "%n%nFailures: **%d new**, %d fixed, %d persisting.%n", f.newFailures(), f.fixed(), f.persisting()));
        List<SliceDelta> worst = Comparer.largestDrops(c, SLICES_SHOWN);
        if (!worst.isEmpty()) {
            md.append(String.format(Locale.ROOT, "%nLargest slice drops (uncorrected p < 0.05; q = Benjamini–Hochberg over all %d slices examined):%n%n", c.slicesExamined()));
            md.append("| slice | rows | baseline acc. | candidate acc. | Δ points | p | q |\n|---|---:|---:|---:|---:|---:|---:|\n");
            for (SliceDelta s : worst) {
                md.append(String.format(Locale.ROOT, "| %s | %d | %.3f | %.3f | %s | %s | %s |%n", cell(s.description()), s.size(),
                        s.baselineAccuracy(), s.candidateAccuracy(), Reasons.signedPoints(s.delta()), Reasons.p(s.pValue()), Reasons.p(s.qValue())));
            }
        }
        md.append("\n<sub>Rules: ");
        md.append(String.join("; ", v.results().stream().map(r -> (r.passed() ? "✅ " : "❌ ") + cell(r.description())).toList()));
        md.append(".</sub>\n");
        return md.toString();
    }

    /** Text safe inside a table cell: no pipes, no newlines, no HTML. */
    static String cell(String s) {
        return s == null ? "" : s.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ").replace("\r", " ")
                .replace("<", "&lt;").replace(">", "&gt;").replace("`", "'");
    }

    private static String code(String s) {
        return s == null ? "" : s.replace("`", "'").replace("\n", " ");
    }
}
