package dev.failforward.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Evaluating a model on the rows it was trained on: {@code compare} refuses to gate unless
 * {@code --allow-training-rows} is given, {@code scan --test} warns; on held-out rows neither says a word.
 */
class TrainingRowsTest {

    @TempDir
    static Path dir;

    static Path telco;
    static Path train;
    static Path test;

    @BeforeAll
    static void split() throws IOException {
        telco = Datasets.tabular("telco_churn.csv");
        List<String> lines = Files.readAllLines(telco);
        List<String> body = new ArrayList<>(lines.subList(1, lines.size()));
        Collections.shuffle(body, new Random(9));
        int cut = (int) (body.size() * 0.7);
        train = write("train.csv", lines.get(0), body.subList(0, cut));
        test = write("test.csv", lines.get(0), body.subList(cut, body.size()));
    }

    private static Path write(String name, String header, List<String> rows) throws IOException {
        List<String> all = new ArrayList<>(List.of(header));
        all.addAll(rows);
        return Files.write(dir.resolve(name), all);
    }

    private static Cli compare(Path trainFile, Path data, String out, String... extra) {
        List<String> args = new ArrayList<>(List.of("compare", "--train", trainFile.toString(), "--data", data.toString(),
                "--target", "churn", "--baseline", "builtin:logistic", "--candidate", "builtin:tree", "--no-reference",
                "--resamples", "200", "--out", dir.resolve(out).toString(), "--store", dir.resolve("ff.db").toString()));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    void compareOnItsOwnTrainingRowsIsRefusedUnlessAllowed() {
        Cli refused = compare(telco, telco, "same");
        assertThat(refused.exit()).as(refused.out() + refused.err()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(refused.err()).contains("training rows").contains("--allow-training-rows").contains("7043 of 7043");
        assertThat(dir.resolve("same/compare.json")).doesNotExist();

        Cli allowed = compare(telco, telco, "allowed", "--allow-training-rows");
        assertThat(allowed.exit()).as(allowed.err()).isIn(ExitCodes.OK, ExitCodes.FAILED_CHECK);
        assertThat(allowed.err()).contains("WARNING").contains("training rows");
        assertThat(dir.resolve("allowed/compare.json")).exists();
    }

    @Test
    void compareOnHeldOutRowsSaysNothingAboutTrainingRows() {
        Cli held = compare(train, test, "held");
        assertThat(held.exit()).as(held.err()).isIn(ExitCodes.OK, ExitCodes.FAILED_CHECK);
        assertThat(held.err()).doesNotContain("training rows");
    }

    @Test
    void scanWarnsWhenTheTestFileIsTheTrainingFile() {
        Cli same = Cli.run("scan", "--data", telco.toString(), "--test", telco.toString(), "--target", "churn", "--model",
                "builtin:logistic", "--out", dir.resolve("scan-same").toString(), "--store", dir.resolve("ff.db").toString());
        assertThat(same.exit()).as(same.err()).isZero();
        assertThat(same.err()).contains("WARNING").contains("training rows");

        Cli held = Cli.run("scan", "--data", train.toString(), "--test", test.toString(), "--target", "churn", "--model",
                "builtin:logistic", "--out", dir.resolve("scan-held").toString(), "--store", dir.resolve("ff.db").toString());
        assertThat(held.exit()).as(held.err()).isZero();
        assertThat(held.err()).doesNotContain("training rows");
    }
}
