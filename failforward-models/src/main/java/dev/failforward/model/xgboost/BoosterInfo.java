package dev.failforward.model.xgboost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a booster's JSON says about it: objective, number of classes and features, feature names and
 * types, number of trees and the XGBoost version that saved it.
 */
record BoosterInfo(String objective, int numClass, int numFeature, List<String> featureNames, List<String> featureTypes,
                   String baseScore, String booster, int trees, String version) {

    /** The same, with the version of the XGBoost that saved the file, when the file says. */
    BoosterInfo savedBy(String fileVersion) {
        return fileVersion.isEmpty() ? this : new BoosterInfo(objective, numClass, numFeature, featureNames, featureTypes,
                baseScore, booster, trees, fileVersion);
    }

    static BoosterInfo parse(byte[] json, String file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": XGBoost wrote JSON that cannot be read: " + e.getMessage());
        }
        JsonNode learner = root.path("learner");
        JsonNode params = learner.path("learner_model_param");
        JsonNode gbm = learner.path("gradient_booster");
        JsonNode version = root.path("version");
        List<String> v = new ArrayList<>();
        version.forEach(n -> v.add(n.asText()));
        return new BoosterInfo(learner.path("objective").path("name").asText(""),
                integer(params.path("num_class")), integer(params.path("num_feature")),
                texts(learner.path("feature_names")), texts(learner.path("feature_types")),
                params.path("base_score").asText(""), gbm.path("name").asText(""),
                integer(gbm.path("model").path("gbtree_model_param").path("num_trees")), String.join(".", v));
    }

    private static int integer(JsonNode n) {
        if (n.isNumber()) {
            return n.asInt();
        }
        try {
            return Integer.parseInt(n.asText("0").trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static List<String> texts(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.forEach(item -> out.add(item.asText()));
        return out;
    }
}
