package dev.failforward.store;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Which inputs the wide row holds exactly (a letter per column) and which keep their JSON copy. */
class InputTypesTest {

    @Test
    void lettersFollowTheColumnsAndOtherValuesKeepTheirJson() {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("tenure", 12.0);
        input.put("total_charges", null);
        input.put("ratio", Double.NaN);
        input.put("contract", "Two year");
        input.put("senior", true);
        input.put("limit", Double.NEGATIVE_INFINITY);
        assertThat(InputTypes.of(input)).isEqualTo("d0xsbd");
        assertThat(InputTypes.of(Map.of())).isEmpty();

        // A whole REAL is written by SQLite as an integer, which loses the sign of -0.0.
        for (Object kept : List.<Object>of(-0.0, 7, 7L, 1.5f, List.of("a"), Map.of("k", 1.0))) {
            Map<String, Object> other = new LinkedHashMap<>(input);
            other.put("ratio", kept);
            assertThat(InputTypes.of(other)).as(kept.getClass().getSimpleName() + " " + kept).isNull();
        }
    }
}
