package dev.failforward.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MarkupTest {

    @Test
    void escapesTheFiveSpecialCharacters() {
        assertThat(Markup.escape("<script>alert('x') & \"y\"</script>"))
                .isEqualTo("&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;");
        assertThat(Markup.escape("plain")).isSameAs("plain");
        assertThat(Markup.escape(null)).isEmpty();
        assertThat(Markup.escape("a\u0000b\tc")).isEqualTo("a&#xFFFD;b\tc");
        assertThat(Markup.escape("ünïcødé — ok")).isEqualTo("ünïcødé — ok");
    }

    @Test
    void escapesTextAndAttributeValues() {
        String out = new Markup().open("p", "title", "\"><b>x</b>").text("<i>y</i>").close().build();
        assertThat(out).isEqualTo("<p title=\"&quot;&gt;&lt;b&gt;x&lt;/b&gt;\">&lt;i&gt;y&lt;/i&gt;</p>");
    }

    @Test
    void leavesOutNullAttributesAndFormatsNumbers() {
        String out = new Markup().empty("rect", "x", 1.0 / 3, "y", -0.001, "width", 10, "class", null).build();
        assertThat(out).isEqualTo("<rect x=\"0.33\" y=\"0\" width=\"10\"/>");
        assertThat(Markup.number(Double.NaN)).isEqualTo("0");
        assertThat(Markup.number(1e20)).isEqualTo("100000000000000000000");
    }

    @Test
    void refusesScriptsEventHandlersAndOddNames() {
        assertThatThrownBy(() -> new Markup().open("script")).hasMessageContaining("no scripts");
        assertThatThrownBy(() -> new Markup().empty("rect", "onclick", "x")).hasMessageContaining("no scripts");
        assertThatThrownBy(() -> new Markup().empty("rect", "x y", "1")).hasMessageContaining("not a tag or attribute name");
        assertThatThrownBy(() -> new Markup().empty("rect", "x")).hasMessageContaining("pairs");
    }

    @Test
    void checksThatElementsAreClosed() {
        assertThatThrownBy(() -> new Markup().open("div").build()).hasMessageContaining("unclosed");
        assertThatThrownBy(() -> new Markup().close()).hasMessageContaining("no open element");
        assertThat(new Markup().open("div").element("span", "a").close().build()).isEqualTo("<div><span>a</span></div>");
    }
}
