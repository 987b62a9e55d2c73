package dev.failforward.compare.retrain;

import dev.failforward.scan.ScanData;
import org.junit.jupiter.api.Test;

import java.util.Locale;

/**
 * The figures of docs/retrain.md, a benchmark rather than a test (minutes of training; its name keeps it
 * out of the build's test run): {@code mvn -B -q -pl failforward-compare -am test -Dtest=RetrainFigures
 * -Dsurefire.failIfNoSpecifiedTests=false}. Prints one line per dataset and seed.
 */
class RetrainFigures {

    @Test
    void plantedLabelNoise() {
        for (String[] data : new String[][] {{"breast_cancer.csv", "diagnosis"}, {"telco_churn.csv", "churn"}}) {
            for (long seed = 1; seed <= 5; seed++) {
                ScanData noisy = RetrainFixture.flipLabels(RetrainFixture.prepare(data[0], data[1], seed), 0.2, seed);
                print("noise20 " + data[0], seed, RetrainFixture.retrain(noisy, "clean", seed), "clean");
            }
        }
    }

    @Test
    void cleanData() {
        for (long seed = 1; seed <= 5; seed++) {
            ScanData d = RetrainFixture.prepare("telco_churn.csv", "churn", seed);
            RetrainResult r = RetrainFixture.retrain(d, "all", seed);
            for (Candidate c : r.candidates()) {
                print("clean telco", seed, r, c.strategy());
            }
        }
    }

    /** Telco with the month-to-month training rows subsampled to 15 %: the slice's failure rate on verification rows. */
    @Test
    void underRepresentedSlice() {
        String slice = "contract = Month-to-month";
        for (long seed = 1; seed <= 5; seed++) {
            ScanData d = RetrainFixture.prepare("telco_churn.csv", "churn", seed);
            boolean[] in = dev.failforward.retrain.SlicePredicates.rows(d.train(), java.util.List.of(slice));
            java.util.Random random = new java.util.Random(seed);
            int[] keep = java.util.stream.IntStream.range(0, in.length).filter(i -> !in[i] || random.nextDouble() < 0.15).toArray();
            ScanData thin = new ScanData(d.train().select(keep), d.test(), d.target(), d.testKeys(), 0);
            java.util.Map<String, dev.failforward.model.Model> models = new java.util.HashMap<>();
            Retrainer.Outcome o = RetrainFixture.outcome(thin, "reweight,augment", seed, (id, m, t) -> {
                models.put(id, m);
                return null;
            }, models);
            dev.failforward.data.Table ver = o.verification();
            boolean[] sliceRows = dev.failforward.retrain.SlicePredicates.rows(ver, java.util.List.of(slice));
            int[] labels = ScanData.labels(ver, d.target());
            for (String strategy : java.util.List.of("reweight", "augment")) {
                Candidate c = RetrainFixture.candidate(o.result(), strategy);
                if (!c.judged()) {
                    System.out.printf("FIGURE | thin slice | %d | %s | %s | %s%n", seed, strategy, c.status(), c.reason());
                    continue;
                }
                System.out.printf(Locale.ROOT, "FIGURE | thin slice | %d | %s | slice failure %.4f -> %.4f (%d rows) | aimed %s | %+.4f [%+.4f, %+.4f] p %.4f | gate %s | %s%n",
                        seed, strategy, rate(models.get("current").predict(ver), labels, sliceRows),
                        rate(models.get(strategy).predict(ver), labels, sliceRows), count(sliceRows), c.aim(),
                        c.primary().difference(), c.primary().ciLow(), c.primary().ciHigh(), c.primary().pValue(),
                        c.passed() ? "pass" : "block", o.result().recommended() == null ? "keep" : o.result().recommended());
            }
        }
    }

    /**
     * The production shift: trained on Telco customers with tenure above 24 months; 1,000 of the rest reach
     * production and the model's failures among them (prediction and outcome disagree) are the captured
     * failures; the other customers of that population verify. Seeds draw the scan's split, the model and
     * which customers reach production.
     */
    @Test
    void productionShift() {
        for (long seed = 1; seed <= 5; seed++) {
            ProductionShift shift = ProductionShift.of(seed);
            RetrainResult r = RetrainFixture.retrainWith(shift.data(), "production", seed, shift.verification(),
                    shift.verificationKeys(), shift.events());
            Candidate c = RetrainFixture.candidate(r, "production");
            if (!c.judged()) {
                System.out.printf("FIGURE | production shift | %d | %s | %s%n", seed, c.status(), c.reason());
                continue;
            }
            System.out.printf(Locale.ROOT, "FIGURE | production shift | %d | %d failures of %d events | failure rate %.4f -> %.4f "
                            + "(%d rows) | roc_auc %.4f -> %.4f %+.4f [%+.4f, %+.4f] | p %.4f Holm %.4f | gate %s | %s%n",
                    seed, shift.failures(), ProductionShift.EVENTS, c.targeted().before(), c.targeted().after(),
                    c.targeted().rows(), c.primary().baseline(), c.primary().candidate(), c.primary().difference(),
                    c.primary().ciLow(), c.primary().ciHigh(), c.targeted().pValue(), c.targeted().holmPValue(),
                    c.passed() ? "pass" : "block", r.recommended() == null ? "keep" : r.recommended());
        }
    }

    /**
     * Sentiment sentences with the built-in MiniLM text model: {@code augment}'s negation failures and
     * name-swap flip rate on the verification rows, and its accuracy there (exact McNemar).
     */
    @Test
    void textSentiment() {
        for (long seed = 1; seed <= 5; seed++) {
            TextSentiment.Retrained t = TextSentiment.retrain(seed);
            Candidate c = RetrainFixture.candidate(t.outcome().result(), "augment");
            if (!c.judged()) {
                System.out.printf("FIGURE | text | %d | %s | %s%n", seed, c.status(), c.reason());
                continue;
            }
            System.out.printf(Locale.ROOT, "FIGURE | text | %d | negation failures %d -> %d | name-swap flip %.4f -> %.4f "
                            + "(of %d changed rows) | %d rows | accuracy %.4f -> %.4f p %.4f | roc_auc %+.4f p %.4f "
                            + "| targeted %d/%d/%d holm %.4f | gate %s | %s | %s%n",
                    seed, t.negationBefore(), t.negationAfter(), t.nameSwapBefore(), t.nameSwapAfter(), t.nameSwapRows(), t.rows(),
                    t.accuracyBefore(), t.accuracyAfter(), t.accuracyP(), c.primary().difference(), c.primary().pValue(),
                    c.targeted().fixed(), c.targeted().persisting(), c.targeted().added(), c.targeted().holmPValue(),
                    c.passed() ? "pass" : "block", t.outcome().result().recommended() == null ? "keep"
                            : t.outcome().result().recommended(), c.note());
        }
    }

    private static double rate(dev.failforward.model.Predictions p, int[] labels, boolean[] in) {
        int n = 0;
        int f = 0;
        for (int i = 0; i < labels.length; i++) {
            if (in[i]) {
                n++;
                f += p.predictedClass(i) != labels[i] ? 1 : 0;
            }
        }
        return (double) f / n;
    }

    private static int count(boolean[] in) {
        int n = 0;
        for (boolean b : in) {
            n += b ? 1 : 0;
        }
        return n;
    }

    private static void print(String what, long seed, RetrainResult r, String strategy) {
        Candidate c = RetrainFixture.candidate(r, strategy);
        if (!c.judged()) {
            System.out.printf("FIGURE | %s | %d | %s | %s | %s%n", what, seed, strategy, c.status(), c.reason());
            return;
        }
        System.out.printf(Locale.ROOT, "FIGURE | %s | %d | %s | %.4f | %.4f | %+.4f [%+.4f, %+.4f] | p %.4f | %d/%d/%d | holm %.4f | gate %s | %s%n",
                what, seed, strategy, c.primary().baseline(), c.primary().candidate(), c.primary().difference(), c.primary().ciLow(),
                c.primary().ciHigh(), c.primary().pValue(), c.targeted().fixed(), c.targeted().persisting(), c.targeted().added(),
                c.targeted().holmPValue(), c.passed() ? "pass" : "block", r.recommended() == null ? "keep" : r.recommended());
    }
}
