package dev.failforward.report;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class FormatTest {

    @Test
    void numbersForPeople() {
        assertThat(Format.number(0.822345)).isEqualTo("0.8223");
        assertThat(Format.number(1.0)).isEqualTo("1");
        assertThat(Format.number(53343.2)).isEqualTo("53,343");
        assertThat(Format.number(0.0000123456)).isEqualTo("0.00001235");
        assertThat(Format.number(Double.NaN)).isEqualTo("n/a");
        assertThat(Format.number((Double) null)).isEqualTo("—");
        assertThat(Format.brief(55.614)).isEqualTo("55.6");
        assertThat(Format.percent(0.2144)).isEqualTo("21.4%");
        assertThat(Format.count(2113)).isEqualTo("2,113");
    }

    @Test
    void ticksAreShort() {
        assertThat(Format.tick(800_000)).isEqualTo("800k");
        assertThat(Format.tick(1_500_000)).isEqualTo("1.5M");
        assertThat(Format.tick(2500)).isEqualTo("2500");
        assertThat(Format.tick(0.6000000000000001)).isEqualTo("0.6");
        assertThat(Format.tick(-200_000)).isEqualTo("-200k");
    }

    @Test
    void valuesAsTheDataHadThem() {
        assertThat(Format.value(34.0)).isEqualTo("34");
        assertThat(Format.value(29.85)).isEqualTo("29.85");
        assertThat(Format.value(true)).isEqualTo("true");
        assertThat(Format.value(null)).isEmpty();
    }

    @Test
    void shortensByCodePoints() {
        assertThat(Format.shorten("abcdef", 4)).isEqualTo("abc…");
        assertThat(Format.shorten("abc", 4)).isEqualTo("abc");
        assertThat(Format.shorten("😀😀😀😀😀", 3)).isEqualTo("😀😀…");
        assertThat(Format.time(Instant.parse("2024-05-01T10:00:00Z"))).isEqualTo("2024-05-01 10:00:00 UTC");
    }
}
