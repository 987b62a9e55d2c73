package dev.failforward.probe;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a probe suite from YAML with strict keys: an unknown or repeated key, a wrong type or an
 * unknown probe id is an error naming the file, line and column and what is valid, because a typo
 * in a suite must not silently test less than intended.
 *
 * <pre>
 * immutable: [gender]
 * probes:
 *   - id: gaussian-noise
 *     levels: [0.1, 0.5]
 *   - id: shift
 *     name: longer-tenure
 *     columns: [tenure]
 *     levels: [1]
 *     expect: {direction: down, class: "Yes", tolerance: 0.02}
 *   - mft: loyal-customers-stay
 *     rows:
 *       - {tenure: 72, Contract: Two year}
 *     expect_label: "No"
 * </pre>
 */
public final class SuiteFile {

    static final List<String> TOP = List.of("probes", "immutable");
    static final List<String> PROBE = List.of("id", "name", "levels", "columns", "expect");
    static final List<String> MFT = List.of("mft", "rows", "expect_label");
    static final List<String> EXPECT = List.of("direction", "class", "tolerance");

    private final String source;

    private SuiteFile(String source) {
        this.source = source;
    }

    public static ProbeSuite read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the probe suite " + file + ": " + e.getMessage(), e);
        }
        return parse(text, file.toString());
    }

    public static ProbeSuite parse(String text, String source) {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            throw new IllegalArgumentException(source + ":" + where(e.getProblemMark()) + ": invalid YAML: " + e.getProblem(), e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(source + ": invalid YAML: " + e.getMessage(), e);
        }
        if (root == null) {
            throw new IllegalArgumentException(source + ": the suite is empty; give 'probes:' with at least one entry");
        }
        return new SuiteFile(source).suite(root);
    }

    private ProbeSuite suite(Node root) {
        Map<String, Node> top = mapping(root, "the suite", TOP);
        List<String> immutable = top.containsKey("immutable") ? words(top.get("immutable"), "immutable") : List.of();
        Node list = top.get("probes");
        if (list == null) {
            throw new IllegalArgumentException(source + ":" + where(root.getStartMark()) + ": 'probes' is required: a list of "
                    + "probes (keys " + String.join(", ", PROBE) + ") or tests (keys " + String.join(", ", MFT) + ")");
        }
        List<SuiteProbe> probes = new ArrayList<>();
        List<MftCase> mft = new ArrayList<>();
        for (Node entry : sequence(list, "probes")) {
            if (entry instanceof MappingNode m && m.getValue().stream().anyMatch(t -> isKey(t, "mft"))) {
                mft.add(mft(entry));
            } else {
                probes.add(probe(entry, immutable));
            }
        }
        if (probes.isEmpty() && mft.isEmpty()) {
            throw new IllegalArgumentException(source + ":" + where(list.getStartMark()) + ": 'probes' is empty");
        }
        return new ProbeSuite(source, probes, mft, immutable);
    }

    private SuiteProbe probe(Node node, List<String> immutable) {
        Map<String, Node> m = mapping(node, "a probe entry (or a test with 'mft')", PROBE);
        Node idNode = m.get("id");
        if (idNode == null) {
            throw new IllegalArgumentException(at(node) + ": a probe entry needs 'id', one of "
                    + Probes.all().stream().map(Probe::id).toList() + " (or 'mft' for a minimum functionality test)");
        }
        String id = word(idNode, "id");
        Probe probe;
        try {
            probe = Probes.find(id);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(at(idNode) + ": " + e.getMessage(), e);
        }
        List<String> columns = m.containsKey("columns") ? words(m.get("columns"), "columns") : List.of();
        String name = m.containsKey("name") ? word(m.get("name"), "name")
                : columns.isEmpty() ? id : id + "@" + String.join("+", columns);
        List<Double> levels = probe.levels();
        if (m.containsKey("levels")) {
            levels = new ArrayList<>();
            for (Node n : sequence(m.get("levels"), "levels")) {
                levels.add(number(n, "levels"));
            }
            if (levels.isEmpty()) {
                throw new IllegalArgumentException(at(m.get("levels")) + ": 'levels' is empty");
            }
        }
        Expectation expect = m.containsKey("expect") ? expectation(m.get("expect")) : probe.expectation();
        return new SuiteProbe(probe, name, levels, columns, immutable, expect, at(node));
    }

    private Expectation expectation(Node node) {
        if (node instanceof ScalarNode s) {
            if (s.getValue().equalsIgnoreCase("invariant") || s.getValue().equalsIgnoreCase("INV")) {
                return Expectation.invariant();
            }
            throw new IllegalArgumentException(at(node) + ": 'expect' is 'invariant' or a mapping with keys "
                    + String.join(", ", EXPECT) + ", got '" + s.getValue() + "'");
        }
        Map<String, Node> m = mapping(node, "'expect'", EXPECT);
        if (!m.containsKey("direction")) {
            throw new IllegalArgumentException(at(node) + ": 'expect' needs 'direction': up or down");
        }
        String direction = word(m.get("direction"), "direction").toLowerCase(Locale.ROOT);
        String outputClass = m.containsKey("class") ? word(m.get("class"), "class") : null;
        double tolerance = m.containsKey("tolerance") ? number(m.get("tolerance"), "tolerance") : 0;
        if (!(tolerance >= 0)) {
            throw new IllegalArgumentException(at(m.get("tolerance")) + ": 'tolerance' must be at least 0, got " + tolerance);
        }
        return switch (direction) {
            case "up" -> Expectation.up(outputClass, tolerance);
            case "down" -> Expectation.down(outputClass, tolerance);
            default -> throw new IllegalArgumentException(at(m.get("direction")) + ": 'direction' is up or down, got '"
                    + direction + "'");
        };
    }

    private MftCase mft(Node node) {
        Map<String, Node> m = mapping(node, "a test entry", MFT);
        String name = word(m.get("mft"), "mft");
        if (!m.containsKey("rows") || !m.containsKey("expect_label")) {
            throw new IllegalArgumentException(at(node) + ": the test '" + name + "' needs 'rows' and 'expect_label'");
        }
        List<Map<String, String>> rows = new ArrayList<>();
        for (Node row : sequence(m.get("rows"), "rows")) {
            if (!(row instanceof MappingNode map)) {
                throw new IllegalArgumentException(at(row) + ": each row of 'rows' is a mapping of feature names to values");
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (NodeTuple t : map.getValue()) {
                String column = word(t.getKeyNode(), "a row's keys");
                if (values.put(column, word(t.getValueNode(), column)) != null) {
                    throw new IllegalArgumentException(at(t.getKeyNode()) + ": duplicate column '" + column + "' in a row");
                }
            }
            rows.add(values);
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(at(m.get("rows")) + ": 'rows' is empty");
        }
        return new MftCase(name, rows, word(m.get("expect_label"), "expect_label"), at(node));
    }

    private static boolean isKey(NodeTuple t, String key) {
        return t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key);
    }

    private Map<String, Node> mapping(Node node, String what, List<String> valid) {
        if (!(node instanceof MappingNode map)) {
            throw new IllegalArgumentException(at(node) + ": " + what + " must be a mapping; valid keys: " + String.join(", ", valid));
        }
        Map<String, Node> out = new LinkedHashMap<>();
        for (NodeTuple t : map.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                throw new IllegalArgumentException(at(t.getKeyNode()) + ": keys of " + what + " must be plain words");
            }
            if (!valid.contains(k.getValue())) {
                throw new IllegalArgumentException(at(k) + ": unknown key '" + k.getValue() + "' in " + what
                        + "; valid keys: " + String.join(", ", valid));
            }
            if (out.put(k.getValue(), t.getValueNode()) != null) {
                throw new IllegalArgumentException(at(k) + ": duplicate key '" + k.getValue() + "' in " + what);
            }
        }
        return out;
    }

    private List<Node> sequence(Node node, String key) {
        if (!(node instanceof SequenceNode s)) {
            throw new IllegalArgumentException(at(node) + ": '" + key + "' must be a list");
        }
        return s.getValue();
    }

    private List<String> words(Node node, String key) {
        List<String> out = new ArrayList<>();
        for (Node n : sequence(node, key)) {
            out.add(word(n, key));
        }
        return out;
    }

    private String word(Node node, String key) {
        if (!(node instanceof ScalarNode s) || s.getValue().isEmpty()) {
            throw new IllegalArgumentException(at(node) + ": '" + key + "' must be a single value");
        }
        return s.getValue();
    }

    private double number(Node node, String key) {
        if (node instanceof ScalarNode s) {
            try {
                double v = Double.parseDouble(s.getValue());
                if (Double.isFinite(v)) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new IllegalArgumentException(at(node) + ": '" + key + "' must be a number");
    }

    private String at(Node node) {
        return source + ":" + where(node.getStartMark());
    }

    private static String where(Mark mark) {
        return mark == null ? "" : (mark.getLine() + 1) + ":" + (mark.getColumn() + 1);
    }
}
