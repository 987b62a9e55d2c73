package dev.failforward.report;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChartsTest {

    private static final String HOSTILE = "<script>alert(1)</script>";

    private static Document parse(String svg) throws Exception {
        return HtmlReportTest.wellFormed(svg);
    }

    private static List<String> texts(Document d, String tag) {
        NodeList nodes = d.getElementsByTagName(tag);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getTextContent());
        }
        return out;
    }

    @Test
    void lineChartHasTitleAxesTicksLegendAndOnePathPerLine() throws Exception {
        String svg = Charts.line("ROC curve", "False-positive rate", "True-positive rate", List.of(
                Series.dashed("chance", new double[] {0, 1}, new double[] {0, 1}, Palette.GREY),
                Series.line("model", new double[] {0, 0.1, 0.4, 1}, new double[] {0, 0.6, 0.9, 1}, Palette.BLUE)));
        Document d = parse(svg);

        assertThat(d.getDocumentElement().getAttribute("aria-label")).isEqualTo("ROC curve");
        assertThat(texts(d, "text")).contains("ROC curve", "False-positive rate", "True-positive rate", "chance", "model",
                "0", "0.2", "0.4", "0.6", "0.8", "1");
        assertThat(d.getElementsByTagName("polyline").getLength()).isEqualTo(2);
        Element model = (Element) d.getElementsByTagName("polyline").item(1);
        assertThat(model.getAttribute("points").split(" ")).hasSize(4);
    }

    @Test
    void lineWithDotsHasTooltipsAndSkipsNonFinitePoints() throws Exception {
        Series s = new Series("model", new double[] {0.1, 0.5, Double.NaN}, new double[] {0.2, 0.4, 0.3}, Palette.BLUE,
                Series.Mark.LINE_AND_DOTS, List.of("a", "b", "c"));
        Document d = parse(Charts.line("Calibration", "x", "y", List.of(s)));
        assertThat(d.getElementsByTagName("circle").getLength()).isEqualTo(2);
        assertThat(texts(d, "title")).contains("a", "b").doesNotContain("c");
    }

    @Test
    void scatterWithIdentityLineSharesOneRange() throws Exception {
        Random random = new Random(1);
        int n = 200;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 100_000 + random.nextDouble() * 400_000;
            y[i] = x[i] * (0.8 + random.nextDouble() * 0.4);
        }
        Document d = parse(Charts.scatter("Predicted against actual", "Actual", "Predicted",
                List.of(Series.dots("prediction", x, y, Palette.BLUE)), true));
        assertThat(d.getElementsByTagName("circle").getLength()).isEqualTo(n + 1); // plus the legend dot
        assertThat(texts(d, "text")).contains("y = x", "prediction", "Actual", "Predicted");
        Element identity = (Element) d.getElementsByTagName("polyline").item(0);
        String[] ends = identity.getAttribute("points").split(" ");
        assertThat(ends).hasSize(2);
        assertThat(identity.getAttribute("stroke-dasharray")).isNotEmpty();
        // One range for both axes: the y = x line runs at 45 degrees in the plot's square units.
        double[] a = parsePoint(ends[0]);
        double[] b = parsePoint(ends[1]);
        double slope = (a[1] - b[1]) / (b[0] - a[0]);
        double frameRatio = (Charts.HEIGHT - 60 - 54) / (Charts.WIDTH - 68 - 24);
        assertThat(slope).isCloseTo(frameRatio, org.assertj.core.api.Assertions.within(0.02));
    }

    private static double[] parsePoint(String p) {
        String[] xy = p.split(",");
        return new double[] {Double.parseDouble(xy[0]), Double.parseDouble(xy[1])};
    }

    @Test
    void histogramCountsEveryFiniteValueOnce() throws Exception {
        Random random = new Random(7);
        double[] values = new double[1000];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextGaussian() * 30_000;
        }
        values[3] = Double.NaN;
        values[4] = Double.POSITIVE_INFINITY;
        Document d = parse(Charts.histogram("Residuals", "Predicted − actual", values, 30, Palette.BLUE));
        long total = 0;
        int bars = 0;
        Matcher m = Pattern.compile(": ([0-9,]+) rows$").matcher("");
        for (String t : texts(d, "title")) {
            if (m.reset(t).find()) {
                total += Long.parseLong(m.group(1).replace(",", ""));
                bars++;
            }
        }
        assertThat(total).isEqualTo(998);
        assertThat(bars).isBetween(15, 60);
        assertThat(texts(d, "text")).contains("Residuals", "Predicted − actual", "Rows");
    }

    @Test
    void histogramOfOneValueAndOfNothing() throws Exception {
        Document one = parse(Charts.histogram("h", "x", new double[] {0.7, 0.7, 0.7}, 10, Palette.BLUE));
        assertThat(texts(one, "title")).anyMatch(t -> t.endsWith(": 3 rows"));
        assertThat(Charts.histogram("h", "x", new double[] {Double.NaN}, 10, Palette.BLUE)).contains("No data to show");
    }

    @Test
    void barChartLabelsBarsAndEscapesCategories() throws Exception {
        String svg = Charts.bar("Failure rate", "Class", "Wrong (%)", List.of("No", HOSTILE), new double[] {9.085, 55.61},
                Palette.VERMILLION);
        Document d = parse(svg);
        assertThat(svg).doesNotContain("<script>").contains("&lt;script&gt;");
        assertThat(d.getElementsByTagName("script").getLength()).isZero();
        assertThat(texts(d, "text")).contains("9.09", "55.6", "No", HOSTILE, "Failure rate", "Wrong (%)");
        assertThat(texts(d, "title")).contains("No: 9.085", HOSTILE + ": 55.61");
    }

    @Test
    void barValueLabelsThatWouldOverlapAreLeftToTheTooltips() throws Exception {
        List<String> names = new ArrayList<>();
        double[] values = new double[13];
        for (int i = 0; i < values.length; i++) {
            names.add("feature " + i);
            values[i] = i == 0 ? 1.564 : 0.000258 - i * 1e-6;
        }
        Document d = parse(Charts.bar("PSI", "feature", "PSI", names, values, Palette.VERMILLION));
        assertThat(texts(d, "text")).contains("1.56").noneMatch(t -> t.startsWith("0.000"));
        assertThat(texts(d, "title")).contains("feature 1: 0.000257", "feature 12: 0.000246");
    }

    @Test
    void barChartWithManyLongLabelsTurnsThem() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            names.add("a rather long class name " + i);
        }
        String svg = Charts.bar("t", "x", "y", names, new double[12], Palette.BLUE);
        assertThat(svg).contains("rotate(-35");
        assertThatThrownBy(() -> Charts.bar("t", "x", "y", List.of("a"), new double[2], Palette.BLUE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void heatmapHasOneCellPerCountColouredByRowShare() throws Exception {
        List<String> labels = List.of("No", HOSTILE);
        Document d = parse(Charts.heatmap("Confusion matrix", "Predicted", "True", labels, labels,
                new long[][] {{1411, 141}, {312, 249}}));
        NodeList rects = d.getElementsByTagName("rect");
        assertThat(rects.getLength()).isEqualTo(4);
        assertThat(((Element) rects.item(0)).getAttribute("fill")).isEqualTo(Palette.sequential(1411.0 / 1552));
        assertThat(texts(d, "text")).contains("1,411", "90.9%", "312", "55.6%", "No", "Predicted", "True");
        assertThat(texts(d, "title")).contains("True " + HOSTILE + ", Predicted No: 312 (55.6% of the row)");
        assertThat(d.getElementsByTagName("script").getLength()).isZero();
    }

    @Test
    void heatmapWithManyClassesThinsItsLabels() throws Exception {
        int k = 40;
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            labels.add("class " + i);
        }
        long[][] counts = new long[k][k];
        for (int i = 0; i < k; i++) {
            counts[i][i] = 10;
            counts[i][(i + 1) % k] = 2;
        }
        Document d = parse(Charts.heatmap("m", "Predicted", "True", labels, labels, counts));
        assertThat(d.getElementsByTagName("rect").getLength()).isEqualTo(k * k);
        long shownLabels = texts(d, "text").stream().filter(t -> t.startsWith("class ")).count();
        assertThat(shownLabels).isLessThan(2 * k).isGreaterThan(4);
        assertThatThrownBy(() -> Charts.heatmap("m", "p", "t", List.of("a", "b"), List.of("a", "b"), new long[][] {{1, 2}}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void emptyChartsSaySo() {
        assertThat(Charts.line("t", "x", "y", List.of())).contains("No data to show");
        assertThat(Charts.bar("t", "x", "y", List.of(), new double[0], Palette.BLUE)).contains("No data to show");
        assertThat(Charts.heatmap("t", "x", "y", Collections.emptyList(), List.of(), new long[0][0])).contains("No data to show");
    }
}
