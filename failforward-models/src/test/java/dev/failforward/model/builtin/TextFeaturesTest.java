package dev.failforward.model.builtin;

import dev.failforward.metric.Metrics;
import dev.failforward.model.Model;
import dev.failforward.model.ModelProviders;
import dev.failforward.progress.Progress;
import dev.failforward.scan.ScanData;
import dev.failforward.scan.ScanSpec;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Text columns carry signal: on the Titanic passengers, with the columns that give the answer away
 * (lifeboat, body number) and all other columns except the name ignored, the words of a name
 * (Mr, Mrs, Miss, Master) predict survival well above chance.
 */
class TextFeaturesTest {

    @Test
    void wordsOfTheNameAloneCarrySignal() {
        List<String> ignore = List.of("pclass", "sex", "age", "sibsp", "parch", "ticket", "fare", "cabin", "embarked",
                "boat", "body", "home.dest");
        ScanSpec spec = new ScanSpec("survived", null, null, null, ignore, ScanSpec.DEFAULT_TEST_FRACTION, ScanSpec.DEFAULT_SEED);
        ScanData data = ScanData.prepare(SharedData.table("titanic.csv"), null, spec);
        assertThat(data.train().features()).extracting(c -> c.name()).containsExactly("name");

        Model model = ModelProviders.find("builtin:logistic").trainer().train(data.train(), data.target(), SharedData.SEED, Progress.NONE);
        double auc = Metrics.classification(model.predict(data.test()), ScanData.labels(data.test(), data.target())).metric("roc_auc");

        System.out.printf("builtin:logistic on titanic.csv, name only: roc_auc = %.4f%n", auc);
        assertThat(auc).isGreaterThan(0.75);
    }
}
