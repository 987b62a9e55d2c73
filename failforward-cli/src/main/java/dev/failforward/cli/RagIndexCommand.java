package dev.failforward.cli;

import dev.failforward.rag.Chunking;
import dev.failforward.rag.CorpusFile;
import dev.failforward.rag.IndexInfo;
import dev.failforward.rag.Passage;
import dev.failforward.rag.RagIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code failforward rag index}: a persistent local index of a corpus. */
@Command(name = "index", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Index a corpus: BM25 and HNSW vectors in one Lucene index.",
        description = {"Reads a corpus (JSON lines with id and text, optional title, source and any metadata),",
                "cuts passages into chunks if asked, embeds them in batches and writes one Lucene index.",
                "Only 'text' is indexed unless --fields says otherwise.", ""},
        footer = {"", "Examples:",
                "  failforward rag index --corpus corpus.jsonl --index rag-index",
                "  failforward rag index --corpus corpus.jsonl --index rag-chunks --chunk-size 120 --chunk-overlap 20",
                "  failforward rag index --corpus corpus.jsonl --index rag-bm25 --embedder none --fields title,text",
                "  failforward rag index --corpus corpus.jsonl --index rag-own --embedder onnx:models/bge-small/model.onnx"})
public final class RagIndexCommand implements Callable<Integer> {

    @Option(names = "--corpus", paramLabel = "FILE", required = true, description = "Corpus: JSON lines with 'id' and 'text'.")
    Path corpus;

    @Option(names = "--index", paramLabel = "DIR", defaultValue = "rag-index", description = "Index folder (default: ${DEFAULT-VALUE}); an index there is replaced.")
    Path index;

    @Option(names = "--chunk-size", paramLabel = "WORDS", defaultValue = "0", description = "Cut passages into chunks of this many words (default: 0, whole passages).")
    int chunkSize;

    @Option(names = "--chunk-overlap", paramLabel = "WORDS", defaultValue = "0", description = "Words shared by neighbouring chunks (default: ${DEFAULT-VALUE}).")
    int chunkOverlap;

    @Option(names = "--embedder", paramLabel = "ID", defaultValue = RagEmbedders.MINILM,
            description = "builtin:minilm (all-MiniLM-L6-v2, shipped in the jar), onnx:PATH (your sentence-embedding ONNX model, tokenizer.json beside it) or none for BM25 only (default: ${DEFAULT-VALUE}).")
    String embedder;

    @Option(names = "--fields", paramLabel = "FIELD", split = ",", description = "Passage fields to index, joined by a line break (default: text).")
    List<String> fields = new ArrayList<>(List.of("text"));

    @Override
    public Integer call() {
        Chunking chunking = new Chunking(chunkSize, chunkOverlap);
        var embed = RagEmbedders.find(embedder);
        List<Passage> passages = CorpusFile.read(corpus);
        for (String f : fields) {
            if (passages.stream().noneMatch(p -> p.field(f) != null)) {
                throw new UsageException("--fields: no passage in " + corpus + " has a field '" + f + "'");
            }
        }
        long start = System.nanoTime();
        IndexInfo info = RagIndex.build(index, corpus.getFileName().toString(), passages, fields, chunking, embed,
                new TerminalProgress(System.err));
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("Indexed %d passages (%d chunks%s) from %s into %s in %.1f s%s%n", info.passages(), info.chunks(),
                chunking.whole() ? "" : ", " + info.splitPassages() + " passages cut", corpus, index, seconds,
                info.hasVectors() ? String.format(" with %s (%.1f texts/s embedded)", info.embedder(),
                        (info.chunks() + (chunking.whole() ? 0 : info.passages())) / seconds) : ", BM25 only");
        return ExitCodes.OK;
    }
}
