package dev.failforward.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PaletteTest {

    @Test
    void sequentialRunsFromLightToDark() {
        assertThat(Palette.sequential(0)).isEqualTo("#eff5fb");
        assertThat(Palette.sequential(1)).isEqualTo("#084594");
        assertThat(Palette.sequential(Double.NaN)).isEqualTo(Palette.sequential(0));
        assertThat(Palette.sequential(7)).isEqualTo(Palette.sequential(1));
    }

    @Test
    void textTurnsWhiteOnlyWhereThatReadsBetter() {
        assertThat(Palette.darkBackground(0)).isFalse();
        assertThat(Palette.darkBackground(0.3)).isFalse();
        assertThat(Palette.darkBackground(0.9)).isTrue();
        assertThat(Palette.darkBackground(1)).isTrue();
    }
}
