package dev.failforward.model.xgboost;

import dev.failforward.model.ExternalModel;
import dev.failforward.model.ModelConfig;
import dev.failforward.model.ModelSource;
import dev.failforward.model.external.FileHash;
import dev.failforward.model.external.ModelFile;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code xgboost:PATH}: loads an XGBoost model file (JSON, or UBJSON with the {@code .ubj} extension) as
 * saved by any XGBoost since 1.0, and scores it with XGBoost's Java library, so missing values go
 * where the model's trees send them.
 */
public final class XGBoostSource implements ModelSource {

    static {
        // Before XGBoost's first use: its library from the per-user cache, not a new copy in /tmp.
        dev.failforward.model.xgboost.XGBoostNative.load();
    }

    public static final String PREFIX = "xgboost:";

    @Override
    public String prefix() {
        return PREFIX;
    }

    @Override
    public String description() {
        return "xgboost:PATH  an XGBoost model file (JSON or UBJSON), binary, multi-class or regression";
    }

    @Override
    public ExternalModel load(String spec, ModelConfig config) {
        ModelFile model = ModelFile.read(spec, PREFIX, "xgboost:model.json");
        Path file = model.path();
        byte[] bytes = model.bytes();
        Booster booster;
        try {
            booster = XGBoost.loadModel(bytes);
        } catch (XGBoostError | IOException | RuntimeException e) {
            throw new IllegalArgumentException(file + ": not an XGBoost model XGBoost can load: " + firstLine(e.getMessage()));
        }
        byte[] json;
        try {
            json = booster.toByteArray("json");
        } catch (XGBoostError e) {
            throw new IllegalArgumentException(file + ": XGBoost cannot write this model as JSON: " + firstLine(e.getMessage()));
        }
        BoosterInfo info = BoosterInfo.parse(json, file.toString()).savedBy(savedBy(bytes));
        Objective objective = Objective.of(info.objective(), file.toString());
        return new XGBoostFile(spec, file, FileHash.sha256(bytes), booster, json, info, objective, config);
    }

    /** The XGBoost version a JSON file records (XGBoost rewrites it when it saves); empty for UBJSON. */
    private static String savedBy(byte[] bytes) {
        try {
            com.fasterxml.jackson.databind.JsonNode version = new com.fasterxml.jackson.databind.ObjectMapper().readTree(bytes).path("version");
            List<String> parts = new java.util.ArrayList<>();
            version.forEach(n -> parts.add(n.asText()));
            return String.join(".", parts);
        } catch (IOException e) {
            return "";
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        String line = dev.failforward.model.NativeErrors.reason(message);
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
