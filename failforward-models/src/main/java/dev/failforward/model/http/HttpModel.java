package dev.failforward.model.http;

import dev.failforward.data.Column;
import dev.failforward.data.NumericColumn;
import dev.failforward.data.Table;
import dev.failforward.model.BatchListener;
import dev.failforward.model.Model;
import dev.failforward.model.ModelUnavailableException;
import dev.failforward.model.Predictions;
import dev.failforward.model.Target;
import dev.failforward.model.external.Scores;
import dev.failforward.model.external.TabularFeed;

import dev.failforward.run.Secrets;
import java.io.IOException;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A model behind an HTTP endpoint, tied to a target. Rows go in batches, at most {@code concurrency}
 * requests at a time; a request that fails with 429, a 5xx status, a timeout or a connection error is
 * tried again after a growing pause. When one batch fails for good, scoring stops with a
 * {@link ModelUnavailableException} naming the status and the first bytes of the last answer.
 */
final class HttpModel implements Model {

    static final int BODY_SHOWN = 200;

    private final String id;
    private final URI url;
    private final Protocol protocol;
    private final EndpointSettings settings;
    private final Target target;
    private final List<String> columns;
    private final TabularFeed feed;
    private final String output;
    private final String activation;
    private final String fingerprint;
    private final HttpClient client;
    /** The URL as messages show it, credentials masked. */
    private final String shown;
    /** The URL requests go to: without user info, which becomes a Basic authorization header. */
    private final URI endpoint;
    private final String authorization;

    HttpModel(String id, URI url, Protocol protocol, EndpointSettings settings, Target target, List<String> columns,
              TabularFeed feed, String output, String activation, String fingerprint) {
        this.id = id;
        this.url = url;
        this.protocol = protocol;
        this.settings = settings;
        this.target = target;
        this.columns = List.copyOf(columns);
        this.feed = feed;
        this.output = output;
        this.activation = activation;
        this.fingerprint = fingerprint;
        this.client = HttpClient.newBuilder().connectTimeout(settings.timeout()).version(HttpClient.Version.HTTP_1_1).build();
        this.shown = Secrets.redact(url.toString());
        String userInfo = url.getRawUserInfo();
        this.authorization = userInfo == null ? null : "Basic " + java.util.Base64.getEncoder().encodeToString(
                java.net.URLDecoder.decode(userInfo, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8));
        try {
            this.endpoint = userInfo == null ? url : new URI(url.getScheme(), null, url.getHost(), url.getPort(), url.getRawPath() == null ? null
                    : url.getPath(), url.getQuery(), url.getFragment());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(shown + ": not a URL: " + e.getMessage(), e);
        }
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Target target() {
        return target;
    }

    @Override
    public String fingerprint() {
        return fingerprint;
    }

    @Override
    public Predictions predict(Table rows) {
        return predict(rows, (from, batch) -> {
        });
    }

    /**
     * Sends the batches, at most {@code concurrency} at a time, and reports each answered batch to
     * {@code listener} as it comes (in any order). When a batch fails for good, the batches already
     * answered are reported before the failure is thrown, and those still in flight are abandoned.
     */
    @Override
    public Predictions predict(Table rows, BatchListener listener) {
        int n = rows.rowCount();
        double[] numbers = feed == null ? null : feed.encode(rows);
        Object[][] raw = feed == null ? raw(rows) : null;
        boolean classification = target.task().isClassification();
        int k = classification ? target.classCount() : 1;
        double[] out = new double[n * k];
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, settings.concurrency()), r -> {
            Thread t = new Thread(r, "failforward-http");
            t.setDaemon(true);
            return t;
        });
        CompletionService<Batch> done = new ExecutorCompletionService<>(pool);
        try {
            int batches = 0;
            for (int from = 0; from < n; from += settings.batchSize()) {
                int start = from;
                int end = Math.min(n, from + settings.batchSize());
                done.submit(() -> new Batch(start, call(protocol.request(columns, numbers, raw, start, end), end - start)));
                batches++;
            }
            RuntimeException failed = null;
            for (int i = 0; i < batches && failed == null; i++) {
                try {
                    report(done.take().get(), classification, k, out, listener);
                } catch (ExecutionException e) {
                    failed = e.getCause() instanceof RuntimeException re ? re
                            : new ModelUnavailableException(shown + ": " + Secrets.redact(e.getCause().getMessage()), e.getCause());
                }
            }
            if (failed != null) {
                // Batches answered meanwhile are kept too.
                for (Future<Batch> f = done.poll(); f != null; f = done.poll()) {
                    try {
                        report(f.get(), classification, k, out, listener);
                    } catch (ExecutionException ignored) {
                        // One failure is reported; the others say the same.
                    }
                }
                throw failed;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelUnavailableException(shown + ": interrupted", e);
        } finally {
            pool.shutdownNow();
        }
        return classification ? Predictions.ofProbabilities(target.classes(), out) : Predictions.ofValues(out);
    }

    /** Rows {@code from ..} of the table and the endpoint's scores for them. */
    private record Batch(int from, double[][] scores) {
    }

    private void report(Batch batch, boolean classification, int k, double[] out, BatchListener listener) {
        int m = batch.scores().length;
        double[] part = new double[m * k];
        for (int r = 0; r < m; r++) {
            if (classification) {
                System.arraycopy(Scores.probabilities(batch.scores()[r], k, activation, shown), 0, part, r * k, k);
            } else {
                part[r] = batch.scores()[r][0];
            }
        }
        System.arraycopy(part, 0, out, batch.from() * k, m * k);
        listener.scored(batch.from(), classification ? Predictions.ofProbabilities(target.classes(), part) : Predictions.ofValues(part));
    }

    private Object[][] raw(Table rows) {
        Object[][] out = new Object[columns.size()][];
        for (int j = 0; j < columns.size(); j++) {
            Column c = rows.column(columns.get(j));
            out[j] = new Object[rows.rowCount()];
            for (int i = 0; i < rows.rowCount(); i++) {
                out[j][i] = c.isMissing(i) ? null : c instanceof NumericColumn num ? (Object) num.get(i) : c.text(i);
            }
        }
        return out;
    }

    /** One batch, tried up to {@code retries + 1} times. */
    private double[][] call(byte[] body, int rows) throws InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint).timeout(settings.timeout())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        HttpRequest request = builder.build();
        String last = "";
        int attempts = settings.retries() + 1;
        for (int attempt = 0; attempt < attempts; attempt++) {
            if (attempt > 0) {
                Thread.sleep(settings.backoff().toMillis() << Math.min(attempt - 1, 5));
            }
            try {
                HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    try {
                        return protocol.response(response.body(), rows, output);
                    } catch (IOException e) {
                        // Jackson's own message spans lines and quotes the body again; "not JSON" says it.
                        String why = e instanceof com.fasterxml.jackson.core.JsonProcessingException ? "not JSON" : e.getMessage();
                        throw new ModelUnavailableException("POST " + shown + " answered what FailForward cannot read (" + why
                                + "): " + start(response.body()), e);
                    }
                }
                last = "HTTP " + status + ": " + start(response.body());
                if (status != 429 && status < 500) {
                    throw new ModelUnavailableException("POST " + shown + " failed with " + last, null);
                }
            } catch (HttpTimeoutException e) {
                last = "no answer within " + settings.timeout().toMillis() / 1000.0 + " s";
            } catch (IOException e) {
                last = "connection failed (" + (e.getMessage() == null ? e.getClass().getSimpleName() : Secrets.redact(e.getMessage())) + ")";
            }
        }
        throw new ModelUnavailableException("POST " + shown + " failed after " + attempts + " attempt" + (attempts == 1 ? "" : "s")
                + "; last: " + last, null);
    }

    private static String start(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, BODY_SHOWN), StandardCharsets.UTF_8).replaceAll("\\s+", " ").strip();
        return text.isEmpty() ? "(empty body)" : "'" + text + (body.length > BODY_SHOWN ? "…'" : "'");
    }
}
