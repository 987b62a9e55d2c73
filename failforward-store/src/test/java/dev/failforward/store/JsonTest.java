package dev.failforward.store;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The JSON kept in TEXT columns reads back exactly: same numbers, same types, same key order. */
class JsonTest {

    @Test
    void numberArraysRoundTripEveryDouble() {
        double[] values = {0.0, -0.0, 1.0, 0.1 + 0.2, 1e-320, -Double.MAX_VALUE, Double.MIN_VALUE,
                Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e15, 123456789.123};
        assertThat(Json.numbers(Json.numbers(values))).isEqualTo(values);
        assertThat(Json.numbers(Json.numbers(new double[0]))).isEmpty();
        assertThat(Json.numbers(" [ 1 , 2.5 ] ")).containsExactly(1.0, 2.5);
    }

    @Test
    void malformedNumberArraysNameTheText() {
        assertThatThrownBy(() -> Json.numbers("[1, x]")).isInstanceOf(StoreException.class).hasMessageContaining("[1, x]");
        assertThatThrownBy(() -> Json.numbers("{}")).isInstanceOf(StoreException.class);
    }

    @Test
    void valueMapsKeepTypesAndKeyOrder() {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("zeta", 1.0);
        input.put("alpha", true);
        input.put("mid", "Month-to-month");
        input.put("gone", null);
        input.put("tiny", 4.9e-324);
        input.put("quote", "say \"hi\"\n\u00e9");
        Map<String, Object> back = Json.values(Json.write(input));
        assertThat(back).isEqualTo(input);
        assertThat(back.keySet()).containsExactlyElementsOf(input.keySet());
        assertThat(back.get("zeta")).isInstanceOf(Double.class);
        assertThat(back.get("alpha")).isInstanceOf(Boolean.class);
    }

    @Test
    void listsAndDoubleMapsRoundTrip() {
        Map<String, Double> probabilities = new LinkedHashMap<>();
        probabilities.put("Yes", 0.25);
        probabilities.put("No", 0.75);
        assertThat(Json.doubles(Json.write(probabilities)).keySet()).containsExactly("Yes", "No");
        List<String> tags = List.of("overconfident", "weak_slice");
        assertThat(Json.strings(Json.write(tags))).isEqualTo(tags);
    }

    @Test
    void handWrittenObjectsAndArraysAreJacksonsText() {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("zeta", 1.0);
        input.put("alpha", true);
        input.put("count", 7);
        input.put("big", 123456789012L);
        input.put("gone", null);
        input.put("nan", Double.NaN);
        input.put("inf", Double.NEGATIVE_INFINITY);
        input.put("small", 1e-7);
        input.put("ctl \u0001\u001f\t\b\f\r", "say \"hi\"\n\u00e9 \\ / \u2028 \ud83d\ude00");
        assertThat(Json.object(input)).isEqualTo(Json.write(input));
        assertThat(Json.values(Json.object(input))).isEqualTo(input);
        assertThat(Json.object(Map.of())).isEqualTo("{}");
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("list", List.of(1, 2));
        assertThat(Json.object(nested)).isEqualTo("{\"list\":[1,2]}");
        List<String> tags = List.of("overconfident", "a\"b", "");
        assertThat(Json.array(tags)).isEqualTo(Json.write(tags));
        assertThat(Json.array(List.of())).isEqualTo("[]");
    }
}
