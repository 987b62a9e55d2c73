package dev.failforward.cli;

import dev.failforward.rag.HttpRetriever;
import dev.failforward.rag.LocalRetriever;
import dev.failforward.rag.Mode;
import dev.failforward.rag.RagIndex;
import dev.failforward.rag.RagServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code failforward rag serve}: a local index over the retriever contract, so that any tool (and rag eval --retriever) can ask it. */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Serve a local index over the retriever contract (POST /retrieve).",
        description = {"Answers {\"k\": 10, \"questions\": [{\"qid\": ..., \"question\": ...}]} with",
                "{\"results\": [{\"qid\": ..., \"hits\": [{\"id\": ..., \"score\": ...}]}]}. Listens on 127.0.0.1 unless",
                "--host says otherwise; any other address needs a token in " + HttpRetriever.TOKEN_VARIABLE + ",",
                "checked on every request as a bearer token. Runs until stopped.", ""},
        footer = {"", "Examples:",
                "  failforward rag serve --index rag-index --mode hybrid --port 8765",
                "  failforward rag eval --retriever http://127.0.0.1:8765/retrieve --queries queries.jsonl --qrels qrels.tsv"})
public final class RagServeCommand implements Callable<Integer> {

    @Option(names = "--index", paramLabel = "DIR", required = true, description = "The index to serve.")
    Path index;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "hybrid", description = "bm25, vector or hybrid (default: ${DEFAULT-VALUE}).")
    String mode;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8765", description = "Port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Override
    public Integer call() throws InterruptedException {
        Mode chosen = Mode.parse(mode);
        RagIndex local = RagIndex.open(index);
        var embedder = local.info().hasVectors() ? RagEmbedders.find(local.info().embedder()) : null;
        if (chosen != Mode.BM25 && embedder == null) {
            throw new UsageException(index + " was indexed without vectors; serve it with --mode bm25");
        }
        RagServer server;
        try {
            server = RagServer.start(new LocalRetriever(local, embedder, chosen), host, port, System.getenv(HttpRetriever.TOKEN_VARIABLE));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        System.out.println("Serving " + index + " (" + chosen.id() + ") at http://" + host + ":" + server.port() + RagServer.PATH);
        System.out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            local.close();
            stopped.countDown();
        }));
        stopped.await();
        return ExitCodes.OK;
    }
}
