package dev.failforward.model.tree;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads XGBoost's JSON model format (XGBoost 1.0 and later; 1.7 and 3.x checked) into a
 * {@link TreeEnsemble}. Only gradient-boosted trees with numeric splits are read; anything else
 * fails with a message saying what was found.
 */
final class XgboostJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private XgboostJson() {
    }

    static TreeEnsemble parse(byte[] json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("not an XGBoost JSON model: " + e.getMessage(), e);
        }
        JsonNode learner = root.path("learner");
        if (learner.isMissingNode()) {
            throw new IllegalArgumentException("not an XGBoost JSON model: no 'learner'");
        }
        String booster = learner.path("gradient_booster").path("name").asText("");
        if (!booster.equals("gbtree")) {
            throw new IllegalArgumentException("only gbtree boosters hold trees; this one is '" + booster + "'");
        }
        Link link = Link.ofObjective(learner.path("objective").path("name").asText(""));
        JsonNode params = learner.path("learner_model_param");
        int numClass = Integer.parseInt(params.path("num_class").asText("0"));
        int numTarget = Integer.parseInt(params.path("num_target").asText("1"));
        int groups = Math.max(1, Math.max(numClass, numTarget));
        int features = Integer.parseInt(params.path("num_feature").asText("0"));
        double[] base = baseScores(params.path("base_score").asText("0.5"), groups);
        for (int g = 0; g < groups; g++) {
            base[g] = link.baseMargin(base[g]);
        }
        JsonNode model = learner.path("gradient_booster").path("model");
        JsonNode trees = model.path("trees");
        JsonNode info = model.path("tree_info");
        List<Tree> parsed = new ArrayList<>(trees.size());
        int[] groupOf = new int[trees.size()];
        for (int t = 0; t < trees.size(); t++) {
            parsed.add(tree(trees.get(t), t));
            groupOf[t] = info.path(t).asInt(0);
        }
        return new TreeEnsemble(parsed, groupOf, groups, features, base, link);
    }

    /** {@code base_score} is one number ("5E-1") in XGBoost 1.x and a bracketed list ("[5E-1]") in 3.x. */
    private static double[] baseScores(String text, int groups) {
        String s = text.trim();
        if (s.startsWith("[")) {
            s = s.substring(1, s.length() - 1);
        }
        String[] parts = s.split(",");
        double[] out = new double[groups];
        for (int g = 0; g < groups; g++) {
            out[g] = Double.parseDouble(parts[parts.length == groups ? g : 0].trim());
        }
        return out;
    }

    private static Tree tree(JsonNode t, int index) {
        for (JsonNode type : t.path("split_type")) {
            if (type.asInt() != 0) {
                throw new IllegalArgumentException("tree " + index + " has categorical splits, which are not supported");
            }
        }
        if (t.path("size_leaf_vector").asInt(0) > 1 || Integer.parseInt(t.path("tree_param").path("size_leaf_vector").asText("0")) > 1) {
            throw new IllegalArgumentException("tree " + index + " has vector leaves, which are not supported");
        }
        JsonNode left = t.path("left_children");
        int n = left.size();
        int[] l = new int[n];
        int[] r = new int[n];
        int[] f = new int[n];
        float[] threshold = new float[n];
        boolean[] defaultLeft = new boolean[n];
        double[] value = new double[n];
        double[] cover = new double[n];
        JsonNode right = t.path("right_children");
        JsonNode split = t.path("split_indices");
        JsonNode cond = t.path("split_conditions");
        JsonNode dl = t.path("default_left");
        JsonNode hess = t.path("sum_hessian");
        if (right.size() != n || split.size() != n || cond.size() != n || dl.size() != n || hess.size() != n) {
            throw new IllegalArgumentException("tree " + index + " has node arrays of different lengths");
        }
        for (int i = 0; i < n; i++) {
            l[i] = left.get(i).asInt();
            r[i] = right.get(i).asInt();
            boolean leaf = l[i] < 0;
            f[i] = leaf ? 0 : split.get(i).asInt();
            float c = (float) cond.get(i).asDouble();
            threshold[i] = c;
            value[i] = leaf ? c : 0;
            defaultLeft[i] = dl.get(i).asInt() != 0;
            cover[i] = (float) hess.get(i).asDouble();
        }
        try {
            return new Tree(l, r, f, threshold, defaultLeft, value, cover);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("tree " + index + ": " + e.getMessage(), e);
        }
    }
}
