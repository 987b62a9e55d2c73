package dev.failforward.probe;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimum functionality test (CheckList MFT): templated rows that must be predicted as
 * {@code expectLabel}. Each row gives some feature values; the others are filled with the training
 * rows' typical values (median, most frequent level). A row predicted otherwise is a failure with
 * origin {@code probe:mft-<name>}.
 *
 * @param origin where the suite declared it (file:line:column), for error messages
 */
public record MftCase(String name, List<Map<String, String>> rows, String expectLabel, String origin) {

    public MftCase {
        rows = rows.stream().map(r -> Collections.unmodifiableMap(new LinkedHashMap<>(r))).toList();
    }

    /** The probe id its results and failures carry. */
    public String id() {
        return "mft-" + name;
    }
}
