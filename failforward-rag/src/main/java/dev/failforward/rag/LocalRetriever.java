package dev.failforward.rag;

import dev.failforward.progress.Progress;

import java.util.List;

/** A local index searched in one mode. */
public final class LocalRetriever implements Retriever {

    private final RagIndex index;
    private final Embedder embedder;
    private final Mode mode;

    public LocalRetriever(RagIndex index, Embedder embedder, Mode mode) {
        this.index = index;
        this.embedder = embedder;
        this.mode = mode;
    }

    @Override
    public String id() {
        return mode.id() + " on " + index.folder();
    }

    @Override
    public List<List<Hit>> retrieve(List<Question> questions, int depth, Progress progress) {
        return LocalRankings.search(index, embedder, questions, depth, progress).stream().map(r -> r.of(mode, depth)).toList();
    }
}
