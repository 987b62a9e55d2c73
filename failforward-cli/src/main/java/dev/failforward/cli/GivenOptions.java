package dev.failforward.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The options of a command with their values (given or default), for the run's provenance. */
final class GivenOptions {

    private static final Set<String> SKIP = Set.of("--help", "--version", "--debug");

    private GivenOptions() {
    }

    static Map<String, String> of(CommandSpec spec) {
        Map<String, String> out = new LinkedHashMap<>();
        for (OptionSpec o : spec.options()) {
            Object value = o.getValue();
            if (!SKIP.contains(o.longestName()) && value != null) {
                out.put(o.longestName(), String.valueOf(value));
            }
        }
        return out;
    }
}
