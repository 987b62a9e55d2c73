package dev.failforward.compare.retrain;

import dev.failforward.scan.ScanData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.util.Locale;

/**
 * The figures of docs/retrain.md (not part of the normal build; minutes of training):
 * {@code mvn -B -q -pl failforward-compare -am test -Dtest=RetrainFiguresTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dfailforward.figures=true}. Prints one line per dataset and seed.
 */
@EnabledIfSystemProperty(named = "failforward.figures", matches = "true")
class RetrainFiguresTest {

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
            RetrainResult r = RetrainFixture.retrain(d, "reweight,augment,clean,combined", seed);
            for (Candidate c : r.candidates()) {
                print("clean telco", seed, r, c.strategy());
            }
        }
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
