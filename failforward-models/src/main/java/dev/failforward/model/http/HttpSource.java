package dev.failforward.model.http;

import dev.failforward.model.ExternalModel;
import dev.failforward.model.ModelConfig;
import dev.failforward.model.ModelSource;
import dev.failforward.run.Secrets;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * {@code http://…} and {@code https://…}: the endpoint URL itself is the model. The protocol is read
 * from the path: {@code /v2/models/NAME/infer} or {@code /invocations}.
 */
public final class HttpSource implements ModelSource {

    @Override
    public String prefix() {
        return "http://";
    }

    @Override
    public boolean accepts(String spec) {
        return spec.startsWith("http://") || spec.startsWith("https://");
    }

    @Override
    public String description() {
        return "http(s)://HOST/v2/models/NAME/infer or http(s)://HOST/invocations  a model served over HTTP";
    }

    @Override
    public ExternalModel load(String spec, ModelConfig config) {
        URI url;
        try {
            url = new URI(spec);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--model " + Secrets.redact(spec) + ": not a URL: " + Secrets.redact(e.getMessage()));
        }
        if (url.getHost() == null) {
            throw new IllegalArgumentException("--model " + Secrets.redact(spec) + ": the URL has no host");
        }
        if (!config.categories().isEmpty() && Protocol.of(url) == Protocol.MLFLOW) {
            throw new IllegalArgumentException("--model-config categories does not apply to MLflow endpoints, which get the values as they are");
        }
        return new HttpModelFile(spec, url, Protocol.of(url), EndpointSettings.of(config.endpoint()), config);
    }
}
