package dev.failforward.cli;

import dev.failforward.log.FailureLog;
import dev.failforward.run.Run;
import dev.failforward.run.Secrets;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What {@code --resume} checks before any data is read: the run exists and is incomplete, and it
 * was begun with the same options, since a resumed run keeps the rows scored before it stopped.
 */
final class ResumeCheck {

    /**
     * Options that may differ: where things go, which file holds the same data (the data
     * fingerprint is compared once it is read), the exit-code rule, and --resume itself.
     */
    private static final Set<String> FREE = Set.of("--resume", "--out", "--store", "--data", "--test", "--fail-on",
            "--debug", "--help", "--version");

    private ResumeCheck() {
    }

    /** The incomplete run {@code id}; refuses a complete run or one begun with other options. */
    static Run check(String store, String id, Map<String, String> given) {
        Run run;
        try (FailureLog log = Stores.open(store)) {
            run = log.resume(id);
        }
        Map<String, String> before = run.provenance() == null ? Map.of() : run.provenance().options();
        Map<String, String> now = Secrets.redact(given);
        Set<String> names = new TreeSet<>(before.keySet());
        names.addAll(now.keySet());
        for (String name : names) {
            if (FREE.contains(name) || !before.containsKey(name)) {
                // An option added in a later version has no recorded value to compare with.
                continue;
            }
            if (!Objects.equals(before.get(name), now.get(name))) {
                throw new UsageException("run " + run.id() + " was begun with " + name + " " + shown(before.get(name))
                        + ", not " + shown(now.get(name)) + "; --resume needs the same options (or start a new run)");
            }
        }
        return run;
    }

    private static String shown(String value) {
        return value == null ? "(not given)" : "'" + value + "'";
    }
}
