package dev.failforward.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SvgTest {

    @Test
    void drawsShapesInAScalableDrawing() throws Exception {
        String svg = new Svg(200, 100, "A <title>")
                .rect(10, 20, 30, 40, "#000", "tip & more")
                .line(0, 0, 10, 10, "#111", 1, "4 2")
                .polyline(new double[] {0, 1.234}, new double[] {5, 6}, "#222", 2, null)
                .circle(5, 5, 2, "#333", 0.5, null)
                .text(1, 2, "x < y", Svg.TextKind.TICK, "end")
                .build();

        assertThat(svg).startsWith("<svg class=\"chart\" viewBox=\"0 0 200 100\"").endsWith("</svg>");
        assertThat(svg).contains("role=\"img\"", "aria-label=\"A &lt;title&gt;\"", "<title>A &lt;title&gt;</title>");
        assertThat(svg).contains("<rect x=\"10\" y=\"20\" width=\"30\" height=\"40\" fill=\"#000\"><title>tip &amp; more</title></rect>");
        assertThat(svg).contains("stroke-dasharray=\"4 2\"", "points=\"0,5 1.23,6\"", "fill-opacity=\"0.5\"");
        assertThat(svg).contains(">x &lt; y</text>", "text-anchor=\"end\"");
        assertThat(svg).doesNotContain("http");
        HtmlReportTest.wellFormed(svg);
    }

    @Test
    void shortenedLabelsKeepTheFullTextAsATooltip() {
        String svg = new Svg(10, 10, "t").label(0, 0, "long…", "long label", Svg.TextKind.TICK, "start", -35).build();
        assertThat(svg).contains("<title>long label</title>long…</text>", "transform=\"rotate(-35 0 0)\"");
        String same = new Svg(10, 10, "t").label(0, 0, "short", "short", Svg.TextKind.TICK, "start", 0).build();
        assertThat(same).contains(">short</text>").doesNotContain("transform");
    }

    @Test
    void negativeSizesDrawNothingInsteadOfFailing() {
        assertThat(new Svg(10, 10, "t").rect(0, 0, -5, -1, "#000", null).build()).contains("width=\"0\" height=\"0\"");
        assertThatThrownBy(() -> new Svg(10, 10, "t").polyline(new double[] {1}, new double[0], "#000", 1, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
