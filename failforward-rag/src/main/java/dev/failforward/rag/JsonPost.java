package dev.failforward.rag;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * One JSON {@code POST} to an endpoint as the retriever and generator contracts send it: a request
 * that times out, cannot connect or gets a 5xx is tried {@value #ATTEMPTS} times with growing pauses;
 * a 4xx stops the run with its message (the request is wrong, asking again will not help). A bearer
 * token is sent when one is given.
 */
final class JsonPost {

    static final int ATTEMPTS = 3;

    private final URI uri;
    private final Duration timeout;
    private final HttpClient client;
    private final String token;
    private volatile String lastError;

    /** {@code option} names the command-line option in errors ({@code --retriever}, {@code --generator}). */
    JsonPost(String option, String url, Duration timeout, String token) {
        try {
            this.uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + " '" + url + "' is not a URL: " + e.getMessage());
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new IllegalArgumentException(option + " '" + url + "': expected an http:// or https:// URL");
        }
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.token = token;
    }

    URI uri() {
        return uri;
    }

    /** Why the last failed attempt failed. */
    String lastError() {
        return lastError;
    }

    /** The body of a 2xx answer, or null when every attempt failed. */
    String send(String json) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json));
                if (token != null && !token.isBlank()) {
                    request.header("Authorization", "Bearer " + token);
                }
                HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() / 100 == 2) {
                    return response.body();
                }
                lastError = uri + " answered HTTP " + response.statusCode();
                if (response.statusCode() / 100 == 4) {
                    throw new IllegalArgumentException(lastError + ": " + shorten(response.body()));
                }
            } catch (IOException e) {
                lastError = uri + ": " + e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
            if (attempt < ATTEMPTS) {
                try {
                    Thread.sleep(200L * attempt * attempt);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return null;
                }
            }
        }
        return null;
    }

    /** An answer on one line, quoted and cut at 200 characters, for an error message. */
    static String shorten(String s) {
        String one = s == null ? "" : s.replaceAll("\\s+", " ").strip();
        return one.isEmpty() ? "(empty body)" : "'" + (one.length() > 200 ? one.substring(0, 200) + "…" : one) + "'";
    }
}
