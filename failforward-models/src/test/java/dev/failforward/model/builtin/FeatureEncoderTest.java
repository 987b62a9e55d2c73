package dev.failforward.model.builtin;

import dev.failforward.data.CategoricalColumn;
import dev.failforward.data.Column;
import dev.failforward.data.ColumnType;
import dev.failforward.data.NumericColumn;
import dev.failforward.data.Table;
import dev.failforward.data.TextColumn;
import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** How columns become features, checked on columns of the real datasets. */
class FeatureEncoderTest {

    @Test
    void numbersAreStandardisedAndImputedForLinearModels() {
        Table credit = SharedData.prepared("credit_data.csv", "Status").train();
        NumericColumn income = (NumericColumn) credit.column("Income");
        assertThat(countMissing(income)).as("the real column has gaps").isPositive();

        NumericEncoder encoder = NumericEncoder.fit(income, EncodingStyle.LINEAR);
        assertThat(encoder.featureNames()).containsExactly("Income", "Income:missing");

        double[] out = new double[income.size() * 2];
        encoder.encode(income, 0, income.size(), out, 2, 0);
        double sum = 0;
        double squares = 0;
        int present = 0;
        for (int r = 0; r < income.size(); r++) {
            if (income.isMissing(r)) {
                assertThat(out[2 * r]).isEqualTo((encoder.fill() - encoder.center()) / encoder.scale());
                assertThat(out[2 * r + 1]).isEqualTo(1.0);
            } else {
                sum += out[2 * r];
                squares += out[2 * r] * out[2 * r];
                present++;
                assertThat(out[2 * r + 1]).isZero();
            }
        }
        assertThat(sum / present).isCloseTo(0, within(1e-9));
        assertThat(squares / present).isCloseTo(1, within(1e-9));
    }

    @Test
    void infiniteValuesEncodeAsTheTrainingExtremes() {
        Table credit = SharedData.prepared("credit_data.csv", "Status").train();
        double[] income = ((NumericColumn) credit.column("Income")).values().clone();
        double max = java.util.Arrays.stream(income).filter(Double::isFinite).max().orElseThrow();
        double min = java.util.Arrays.stream(income).filter(Double::isFinite).min().orElseThrow();
        income[0] = Double.POSITIVE_INFINITY;
        income[1] = Double.NEGATIVE_INFINITY;
        NumericColumn withInfinities = new NumericColumn("Income", income);
        for (EncodingStyle style : EncodingStyle.values()) {
            NumericEncoder encoder = NumericEncoder.fit(withInfinities, style);
            assertThat(encoder.high()).isEqualTo(max);
            assertThat(encoder.low()).isEqualTo(min);
            int width = encoder.featureNames().size();
            double[] out = new double[income.length * width];
            encoder.encode(withInfinities, 0, income.length, out, width, 0);
            assertThat(out[0]).as(style.name()).isEqualTo((max - encoder.center()) / encoder.scale());
            assertThat(out[width]).as(style.name()).isEqualTo((min - encoder.center()) / encoder.scale());
            for (double v : out) {
                assertThat(Double.isInfinite(v)).as(style.name()).isFalse();
            }
        }
    }

    @Test
    void boostedModelsSeeMissingNumbersAsAbsentAndZerosAsValues() {
        Table credit = SharedData.prepared("credit_data.csv", "Status").train();
        NumericColumn assets = (NumericColumn) credit.column("Assets");
        int missingRow = firstRow(assets, true);
        int zeroRow = -1;
        for (int r = 0; r < assets.size() && zeroRow < 0; r++) {
            if (assets.get(r) == 0) {
                zeroRow = r;
            }
        }
        assertThat(missingRow).isNotNegative();
        assertThat(zeroRow).isNotNegative();
        FeatureEncoder encoder = FeatureEncoder.fit(credit.project(List.of("Assets", "Status")).withRole("Status",
                dev.failforward.data.ColumnRole.TARGET), EncodingStyle.BOOSTED);
        assertThat(encoder.featureNames()).containsExactly(FeatureEncoder.CONSTANT, "Assets");

        List<Example<Label>> examples = TribuoExamples.of(encoder, credit, 0, credit.rowCount(), r -> LabelFactory.UNKNOWN_LABEL);

        assertThat(names(examples.get(missingRow))).containsExactly(FeatureEncoder.CONSTANT);
        assertThat(names(examples.get(zeroRow))).containsExactlyInAnyOrder("Assets", FeatureEncoder.CONSTANT);
        assertThat(examples.get(zeroRow).lookup("Assets").getValue()).isZero();
    }

    @Test
    void categoriesKeepTheFiftyMostFrequentLevelsAndSendTheRestToOther() {
        Table ames = SharedData.prepared("ames_housing.csv", "Sale_Price").train();
        CategoricalColumn neighborhood = (CategoricalColumn) ames.column("Neighborhood");
        CategoricalEncoder few = CategoricalEncoder.fit(neighborhood);
        assertThat(few.levels()).hasSizeLessThanOrEqualTo(CategoricalEncoder.MAX_LEVELS).contains("North_Ames");
        assertThat(few.featureNames()).contains("Neighborhood=North_Ames", "Neighborhood:other", "Neighborhood:missing");

        // Lot_Area as categories has far more than fifty distinct values: the rare ones share a bucket.
        Column lotArea = ames.column("Lot_Area");
        String[] texts = new String[lotArea.size()];
        for (int r = 0; r < texts.length; r++) {
            texts[r] = lotArea.text(r);
        }
        CategoricalColumn many = categorical("Lot_Area", texts);
        CategoricalEncoder capped = CategoricalEncoder.fit(many);
        assertThat(many.levels().size()).isGreaterThan(CategoricalEncoder.MAX_LEVELS);
        assertThat(capped.levels()).hasSize(CategoricalEncoder.MAX_LEVELS);

        double[] out = new double[many.size() * capped.featureNames().size()];
        int width = capped.featureNames().size();
        capped.encode(many, 0, many.size(), out, width, 0);
        int inOther = 0;
        for (int r = 0; r < many.size(); r++) {
            double rowSum = 0;
            for (int f = 0; f < width; f++) {
                rowSum += out[r * width + f];
            }
            assertThat(rowSum).as("exactly one feature on per row").isEqualTo(1.0);
            inOther += (int) out[r * width + CategoricalEncoder.MAX_LEVELS];
        }
        assertThat(inOther).isPositive();
    }

    @Test
    void unseenAndMissingCategoriesHaveTheirOwnFeatures() {
        CategoricalEncoder encoder = CategoricalEncoder.fit(SharedData.prepared("telco_churn.csv", "churn").train().column("contract"));
        CategoricalColumn later = categorical("contract", new String[]{"One year", "Ten years", null});

        int width = encoder.featureNames().size();
        double[] out = new double[3 * width];
        encoder.encode(later, 0, 3, out, width, 0);

        assertThat(out[encoder.levels().indexOf("One year")]).isEqualTo(1.0);
        assertThat(out[width + encoder.featureNames().indexOf("contract:other")]).isEqualTo(1.0);
        assertThat(out[2 * width + encoder.featureNames().indexOf("contract:missing")]).isEqualTo(1.0);
    }

    @Test
    void textBecomesCountsOfTheMostFrequentLowerCasedWords() {
        Table titanic = SharedData.prepared("titanic.csv", "survived").train();
        Column name = titanic.column("name");
        assertThat(name.type()).isEqualTo(ColumnType.TEXT);

        TextEncoder encoder = TextEncoder.fit(name);
        assertThat(encoder.vocabulary()).hasSize(TextEncoder.MAX_TOKENS).contains("mr", "mrs", "miss", "master");
        assertThat(encoder.vocabulary()).allMatch(t -> t.equals(t.toLowerCase(java.util.Locale.ROOT)) && !t.isBlank());

        TextColumn probe = new TextColumn("name", new String[]{"Mr. MR mr, Smith-Jones", null});
        int width = encoder.featureNames().size();
        double[] out = new double[2 * width];
        encoder.encode(probe, 0, 2, out, width, 0);
        assertThat(out[encoder.vocabulary().indexOf("mr")]).isEqualTo(3.0);
        assertThat(out[width + encoder.featureNames().indexOf("name:missing")]).isEqualTo(1.0);
    }

    @Test
    void tokensAreRunsOfLettersAndDigits() {
        List<String> tokens = new ArrayList<>();
        TextEncoder.tokens("Ünïcode café, 2nd-class! O'Brien", tokens::add);
        assertThat(tokens).containsExactly("ünïcode", "café", "2nd", "class", "o", "brien");
    }

    @Test
    void onlyFeatureColumnsAreEncoded() {
        Table telco = SharedData.prepared("telco_churn.csv", "churn").train();
        FeatureEncoder encoder = FeatureEncoder.fit(telco, EncodingStyle.TREE);
        assertThat(encoder.inputColumns()).doesNotContain("churn").contains("tenure", "contract");
        assertThat(encoder.featureNames()).doesNotContainAnyElementsOf(List.of("churn", "churn=Yes"));
        assertThat(encoder.featureNames()).doesNotHaveDuplicates().hasSize(encoder.width());
    }

    @Test
    void aTableWithoutFeaturesCannotBeEncoded() {
        Table onlyTarget = Table.of("t.csv", List.of(new NumericColumn("y", new double[]{1, 2})))
                .withRole("y", dev.failforward.data.ColumnRole.TARGET);
        assertThatThrownBy(() -> FeatureEncoder.fit(onlyTarget, EncodingStyle.LINEAR))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("t.csv")
                .hasMessageContaining("no feature columns");
    }

    @Test
    void numbersWrittenAsTextAreReadAndOtherTextIsNamed() {
        Table table = Table.of("later.csv", List.of(categorical("tenure", new String[]{"12", "abc"})));
        NumericEncoder encoder = new NumericEncoder("tenure", 0, 1, true, 0, false);
        FeatureEncoder features = new FeatureEncoder(EncodingStyle.TREE, List.of(encoder));

        assertThat(features.encode(table, 0, 1)).containsExactly(1, 12);
        assertThatThrownBy(() -> features.encode(table, 0, 2))
                .hasMessageContaining("later.csv")
                .hasMessageContaining("tenure")
                .hasMessageContaining("abc");
    }

    private static List<String> names(Example<Label> example) {
        return StreamSupport.stream(example.spliterator(), false).map(Feature::getName).toList();
    }

    private static int countMissing(Column c) {
        int n = 0;
        for (int r = 0; r < c.size(); r++) {
            n += c.isMissing(r) ? 1 : 0;
        }
        return n;
    }

    private static int firstRow(Column c, boolean missing) {
        for (int r = 0; r < c.size(); r++) {
            if (c.isMissing(r) == missing) {
                return r;
            }
        }
        return -1;
    }

    static CategoricalColumn categorical(String name, String[] values) {
        List<String> levels = new ArrayList<>(new java.util.TreeSet<>(java.util.Arrays.stream(values)
                .filter(java.util.Objects::nonNull).toList()));
        int[] codes = new int[values.length];
        for (int r = 0; r < values.length; r++) {
            codes[r] = values[r] == null ? -1 : levels.indexOf(values[r]);
        }
        return new CategoricalColumn(name, ColumnType.CATEGORICAL, levels, codes);
    }
}
