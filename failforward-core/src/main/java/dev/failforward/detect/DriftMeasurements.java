package dev.failforward.detect;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.failforward.api.PublicApi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link DriftDetector} measured: which rows it compared, each feature's drift (the most drifted
 * first), the current rows outside the reference data, and the domain classifier's AUC ({@code null}
 * when it did not run; {@code domainClassifier} says why when it could not).
 */
@PublicApi
public record DriftMeasurements(String reference, int referenceRows, String current, int currentRows, String method,
                                List<FeatureDrift> features, int oodRows, String domainClassifier,
                                Double domainClassifierAuc) implements Measurements {

    public DriftMeasurements {
        features = Measured.list(features);
    }

    /**
     * One feature's drift. Numbers have {@code wassersteinSd}, the KS and rank-sum p-values and the
     * means; categories the Jensen–Shannon distance, the new categories and the chi-square p-value.
     * The p-values, {@code test} and the missing shares are measured on data of at most {@code large-n}
     * rows only, {@code holmPValue} once the features' p-values are adjusted together. Values a feature
     * does not have are {@code null} (left out of the JSON). A NaN in a boxed component (a mean of no
     * values) is written as JSON null and so reads back as {@code null}. Snake case would write a
     * {@code …PValue} as {@code …_pvalue}: those keep their {@code _p_value} by name.
     */
    public record FeatureDrift(String feature, String type, double psi, Double wassersteinSd,
                               @JsonProperty("ks_p_value") Double ksPValue,
                               @JsonProperty("rank_sum_p_value") Double rankSumPValue,
                               Double referenceMissingShare, Double currentMissingShare,
                               @JsonProperty("missing_share_p_value") Double missingSharePValue,
                               String test, Double pValue,
                               @JsonProperty("holm_p_value") Double holmPValue,
                               boolean drifted, Double referenceMean, Double currentMean, Double jensenShannon,
                               List<String> newCategories, Integer newCategoryRows, Double newCategoryRowsExpected,
                               @JsonProperty("chi_square_p_value") Double chiSquarePValue,
                               Histogram histogram) {

        public FeatureDrift {
            newCategories = newCategories == null ? null : List.copyOf(newCategories);
        }

        /** The same feature judged: its Holm-adjusted p-value ({@code null} when it has no p-value) and whether it drifted. */
        FeatureDrift judged(Double holm, boolean hasDrifted) {
            return new FeatureDrift(feature, type, psi, wassersteinSd, ksPValue, rankSumPValue, referenceMissingShare,
                    currentMissingShare, missingSharePValue, test, pValue, holm, hasDrifted, referenceMean, currentMean,
                    jensenShannon, newCategories, newCategoryRows, newCategoryRowsExpected, chiSquarePValue, histogram);
        }

        /** A finding's evidence: the present values without the histogram (which the measurement holds), keyed as in the JSON. */
        public Map<String, Object> evidence() {
            Map<String, Object> e = new LinkedHashMap<>(DetectionJson.values(this));
            e.remove("histogram");
            return e;
        }
    }

    /**
     * A feature's reference and current distributions ({@link DriftHistogram}), told apart in JSON by
     * {@code kind}. Both give each side's share of missing values, which the bins leave out.
     */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
    @JsonSubTypes({@JsonSubTypes.Type(value = Histogram.Numeric.class, name = "numeric"),
            @JsonSubTypes.Type(value = Histogram.Categorical.class, name = "categorical")})
    public sealed interface Histogram {

        double referenceMissingShare();

        double currentMissingShare();

        /** Densities (share per unit of the feature) over the shared bin {@code edges}; all empty when no side has values. */
        record Numeric(List<Double> edges, List<Double> referenceDensity, List<Double> currentDensity,
                       double referenceMissingShare, double currentMissingShare) implements Histogram {
            public Numeric {
                edges = Measured.list(edges);
                referenceDensity = Measured.list(referenceDensity);
                currentDensity = Measured.list(currentDensity);
            }
        }

        /**
         * Each side's share of the {@code categories} shown, the rest summed as {@link DriftHistogram#OTHER}
         * when {@code otherBucket}; {@code fresh} ({@code new} in JSON) marks those the reference never had.
         */
        record Categorical(List<String> categories, List<Double> referenceShare, List<Double> currentShare,
                           @JsonProperty("new") List<Boolean> fresh, boolean otherBucket, double referenceMissingShare,
                           double currentMissingShare) implements Histogram {
            public Categorical {
                categories = Measured.list(categories);
                referenceShare = Measured.list(referenceShare);
                currentShare = Measured.list(currentShare);
                fresh = Measured.list(fresh);
            }
        }
    }
}
