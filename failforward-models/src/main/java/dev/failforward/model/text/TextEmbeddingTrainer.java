package dev.failforward.model.text;

import dev.failforward.data.Column;
import dev.failforward.data.ColumnType;
import dev.failforward.data.Table;
import dev.failforward.model.Model;
import dev.failforward.model.Target;
import dev.failforward.model.Trainer;
import dev.failforward.progress.Progress;
import dev.failforward.scan.ScanData;

import java.util.ArrayList;
import java.util.List;

/**
 * Trains {@code builtin:text-minilm-logistic}: embeds the one text feature column's training
 * sentences with all-MiniLM-L6-v2 and fits a logistic regression on the vectors. The fit is
 * deterministic, so the seed does not change the model.
 */
final class TextEmbeddingTrainer implements Trainer {

    private final String id;

    TextEmbeddingTrainer(String id) {
        this.id = id;
    }

    @Override
    public Model train(Table train, Target target, long seed, Progress progress) {
        if (!target.task().isClassification()) {
            throw new IllegalArgumentException(id + " classifies; '" + target.column() + "' is a regression target");
        }
        if (train.rowCount() == 0) {
            throw new IllegalArgumentException(train.source() + ": no rows to train on");
        }
        Column text = textColumn(train, id);
        List<String> sentences = new ArrayList<>(train.rowCount());
        for (int r = 0; r < train.rowCount(); r++) {
            sentences.add(text.isMissing(r) ? "" : text.text(r));
        }
        progress.start("Embedding " + sentences.size() + " training sentences (" + id + ")", sentences.size() + 1L);
        try {
            int[] done = {0};
            float[][] vectors = MiniLmEmbedder.shared().embed(sentences, k -> {
                synchronized (done) {
                    progress.advance(1);
                    done[0]++;
                }
            });
            int[] labels = ScanData.labels(train, target);
            LogisticWeights weights = LogisticWeights.fit(vectors, labels, target.classCount());
            progress.advance(1);
            return new TextEmbeddingModel(id, target, text.name(), weights);
        } finally {
            progress.finish();
        }
    }

    /** The table's one text feature column; none or several is an error that says what to do. */
    static Column textColumn(Table table, String id) {
        List<Column> text = table.features().stream().filter(c -> c.type() == ColumnType.TEXT).toList();
        if (text.size() == 1) {
            return text.get(0);
        }
        if (text.isEmpty()) {
            throw new IllegalArgumentException(id + " needs one text feature column; " + table.source()
                    + " has none among its features " + table.features().stream().map(Column::name).toList()
                    + " (declare one with --type COL=text)");
        }
        throw new IllegalArgumentException(id + " reads exactly one text feature column; " + table.source() + " has "
                + text.size() + ": " + text.stream().map(Column::name).toList() + " (leave the others out with --ignore)");
    }
}
