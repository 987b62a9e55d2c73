package dev.failforward.io.parquet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The pool shares repeated strings and gives up on columns of mostly distinct ones. */
class StringPoolTest {

    @Test
    void repeatedValuesShareOneInstance() {
        StringPool pool = new StringPool();
        String first = pool.share(new String("ATL"));
        for (int i = 0; i < 100_000; i++) {
            assertThat(pool.share(new String(i % 2 == 0 ? "ATL" : "LAX"))).isEqualTo(i % 2 == 0 ? "ATL" : "LAX");
        }
        assertThat(pool.share(new String("ATL"))).isSameAs(first);
        assertThat(pool.share(null)).isNull();
        assertThat(pool.taking()).isTrue();
    }

    @Test
    void stopsTakingStringsWhenMostAreDistinct() {
        StringPool pool = new StringPool();
        for (int i = 0; i < 10_000; i++) {
            pool.share("passenger " + i);
        }
        assertThat(pool.taking()).isFalse();
        String late = "passenger 20000";
        assertThat(pool.share(late)).isSameAs(late);
        assertThat(pool.share(new String(late))).isNotSameAs(late);
    }
}
