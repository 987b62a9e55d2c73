package dev.failforward.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code failforward rag}: evaluate a retrieval system and diagnose the questions it misses. */
@Command(name = "rag", mixinStandardHelpOptions = true,
        header = "Evaluate a retrieval (RAG) system and diagnose every question it misses.",
        description = {"Index a corpus locally (BM25 and vectors in one Lucene index), evaluate a retriever on questions",
                "with known relevant passages, give each missed question a cause (coverage-gap, ranking-miss,",
                "lexical-mismatch, semantic-mismatch, chunking, and generator with --generator) and log it in the",
                "failure log.", ""},
        subcommands = {RagIndexCommand.class, RagEvalCommand.class, RagProbeCommand.class, RagCompareCommand.class, RagServeCommand.class},
        footer = {"", "Examples:",
                "  failforward rag index --corpus corpus.jsonl --index rag-index",
                "  failforward rag eval --index rag-index --mode hybrid --queries queries.jsonl --qrels qrels.tsv --out rag-out",
                "  failforward log list --origin rag --format jsonl"})
public final class RagCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
