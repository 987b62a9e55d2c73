package dev.failforward.explain;

import dev.failforward.data.Column;
import dev.failforward.data.ColumnType;
import dev.failforward.data.Table;
import dev.failforward.data.TextColumn;

import java.util.ArrayList;
import java.util.List;

/**
 * The perturbed rows of LIME for rows with free text: the players of a row are its non-text
 * columns (replaced by background values when unknown, as for tables) and the distinct words of
 * each text column (all occurrences of an unknown word are removed from the text; see
 * {@link TextTokens}). Any model that reads text can be explained this way: it only ever sees
 * the text with words left out. When every column is text, one background row suffices, since
 * no player takes background values.
 */
final class WordHybrids {

    /** The players of one explained row. */
    record Players(List<String> names, int[] playerOfColumn, List<List<TextTokens.Token>> tokens, List<int[]> wordOfToken,
                   int[] firstWord) {

        int count() {
            return names.size();
        }
    }

    private final Table rows;
    private final Hybrids hybrids;
    private final List<String> columns;
    private final boolean[] text;

    private WordHybrids(Table rows, Hybrids hybrids, boolean[] text) {
        this.rows = rows;
        this.hybrids = hybrids;
        this.columns = rows.columnNames();
        this.text = text;
    }

    /** Whether the request's rows have a text column, so words are players. */
    static boolean applies(Table rows) {
        return rows.columns().stream().anyMatch(c -> c.type() == ColumnType.TEXT);
    }

    static WordHybrids of(ExplainRequest request, int backgroundRows) {
        Table rows = request.rows();
        boolean[] text = new boolean[rows.columns().size()];
        boolean allText = true;
        for (int j = 0; j < text.length; j++) {
            text[j] = rows.columns().get(j).type() == ColumnType.TEXT;
            allText &= text[j];
        }
        Table all = request.background() == null ? rows : request.background().project(rows.columnNames());
        // The background's text columns are never used (texts are the explained row's); give them the rows' type.
        for (int j = 0; j < text.length; j++) {
            Column c = all.column(rows.columns().get(j).name());
            if (text[j] && c.type() != ColumnType.TEXT) {
                String[] v = new String[c.size()];
                for (int r = 0; r < v.length; r++) {
                    v[r] = c.isMissing(r) ? null : c.text(r);
                }
                all = all.replace(new TextColumn(c.name(), v));
            }
        }
        Table background = CoalitionValues.sample(all, allText ? 1 : backgroundRows, request.seed());
        return new WordHybrids(rows, new Hybrids(rows, background, rows.columnNames()), text);
    }

    Players players(int row) {
        List<String> names = new ArrayList<>();
        int[] playerOfColumn = new int[columns.size()];
        int[] firstWord = new int[columns.size()];
        List<List<TextTokens.Token>> tokens = new ArrayList<>();
        List<int[]> wordOfToken = new ArrayList<>();
        for (int j = 0; j < columns.size(); j++) {
            if (!text[j]) {
                playerOfColumn[j] = names.size();
                names.add(columns.get(j));
                tokens.add(List.of());
                wordOfToken.add(new int[0]);
                continue;
            }
            playerOfColumn[j] = -1;
            Column c = rows.columns().get(j);
            List<TextTokens.Token> t = c.isMissing(row) ? List.of() : TextTokens.of(c.text(row));
            List<String> words = TextTokens.words(t);
            int[] index = new int[t.size()];
            for (int i = 0; i < t.size(); i++) {
                index[i] = words.indexOf(t.get(i).word());
            }
            firstWord[j] = names.size();
            for (String w : words) {
                names.add(TextTokens.feature(columns.get(j), w));
            }
            tokens.add(t);
            wordOfToken.add(index);
        }
        return new Players(List.copyOf(names), playerOfColumn, tokens, wordOfToken, firstWord);
    }

    int backgroundSize() {
        return hybrids.backgroundSize();
    }

    double[] weights() {
        return hybrids.weights();
    }

    /** Sample s, background b is row {@code s × backgroundSize + b}; {@code known[s × P + p]}: player p kept in sample s. */
    Table build(int row, Players p, boolean[] known, int samples) {
        int m = columns.size();
        int players = p.count();
        int bg = hybrids.backgroundSize();
        boolean[] columnKnown = new boolean[samples * m];
        for (int s = 0; s < samples; s++) {
            for (int j = 0; j < m; j++) {
                columnKnown[s * m + j] = text[j] || known[s * players + p.playerOfColumn()[j]];
            }
        }
        Table out = hybrids.build(row, columnKnown, samples);
        for (int j = 0; j < m; j++) {
            if (!text[j]) {
                continue;
            }
            Column c = rows.columns().get(j);
            String original = c.isMissing(row) ? null : c.text(row);
            String[] v = new String[samples * bg];
            for (int s = 0; s < samples; s++) {
                String kept = original == null ? null
                        : TextTokens.without(original, p.tokens().get(j), p.wordOfToken().get(j), known, s * players + p.firstWord()[j]);
                for (int b = 0; b < bg; b++) {
                    v[s * bg + b] = kept;
                }
            }
            out = out.replace(new TextColumn(c.name(), v));
        }
        return out;
    }
}
