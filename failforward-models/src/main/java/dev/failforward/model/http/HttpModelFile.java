package dev.failforward.model.http;

import dev.failforward.data.Column;
import dev.failforward.data.Table;
import dev.failforward.model.ExternalModel;
import dev.failforward.model.Model;
import dev.failforward.model.ModelConfig;
import dev.failforward.model.ModelDescription;
import dev.failforward.model.Target;
import dev.failforward.model.Task;
import dev.failforward.model.external.FileHash;
import dev.failforward.model.external.TabularFeed;
import dev.failforward.run.Secrets;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model behind an HTTP endpoint. Nothing is read from the endpoint before scoring, so the task and
 * classes come from the configuration or the data, and the columns sent are {@code features} or the
 * data's feature columns in file order. Its fingerprint is the hash of the URL.
 */
final class HttpModelFile implements ExternalModel {

    private final String spec;
    private final URI url;
    private final Protocol protocol;
    private final EndpointSettings settings;
    private final ModelConfig config;

    HttpModelFile(String spec, URI url, Protocol protocol, EndpointSettings settings, ModelConfig config) {
        this.spec = spec;
        this.url = url;
        this.protocol = protocol;
        this.settings = settings;
        this.config = config;
        if (config.output() != null && protocol == Protocol.MLFLOW) {
            throw new IllegalArgumentException("--model-config output applies to Open Inference Protocol endpoints; MLflow answers one list");
        }
    }

    /** The URL with its credentials masked: what runs, reports and messages record. */
    @Override
    public String id() {
        return Secrets.redact(spec);
    }

    @Override
    public String location() {
        return id();
    }

    /** Of the masked URL, so that the recorded fingerprint does not hash a credential either. */
    @Override
    public String fingerprint() {
        return FileHash.sha256(id().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Task task() {
        return config.task();
    }

    @Override
    public List<String> classes() {
        return config.classes();
    }

    @Override
    public int classCount() {
        return config.classes().size();
    }

    private List<String> columns(Table data) {
        if (!config.features().isEmpty()) {
            return config.features();
        }
        return data == null ? List.of() : data.features().stream().map(Column::name).toList();
    }

    @Override
    public ModelDescription describe(Table data) {
        List<ModelDescription.Input> inputs = new ArrayList<>();
        List<String> columns = columns(data);
        TabularFeed feed = data != null && protocol == Protocol.V2 ? TabularFeed.bind(List.of(), columns.size(), config, data) : null;
        for (int i = 0; i < columns.size(); i++) {
            String fed = feed != null ? "column '" + columns.get(i) + "', " + feed.encoding(i) : "column '" + columns.get(i) + "'"
                    + (protocol == Protocol.MLFLOW ? ", its value as it is (missing = null)" : "");
            inputs.add(new ModelDescription.Input(protocol == Protocol.V2 ? "input-0[" + i + "]" : columns.get(i),
                    protocol == Protocol.V2 ? "FP64" : "value", fed));
        }
        if (columns.isEmpty()) {
            inputs.add(new ModelDescription.Input(protocol == Protocol.V2 ? "input-0" : "dataframe_split",
                    protocol == Protocol.V2 ? "FP64[N,k]" : "columns", "the data's feature columns in file order (give --data to see them)"));
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("protocol", protocol.id());
        details.put("batch size", Integer.toString(settings.batchSize()));
        details.put("concurrency", Integer.toString(settings.concurrency()));
        details.put("timeout", settings.timeout().toMillis() / 1000.0 + " s");
        details.put("retries", settings.retries() + " (on 429, 5xx, timeouts and connection errors, with backoff)");
        String out = protocol == Protocol.V2
                ? (config.output() == null ? "the output named *prob*, else the first output" : "output '" + config.output() + "'")
                : "'predictions': one number or one list of numbers per row";
        return new ModelDescription(id(), id(), "HTTP endpoint", task(), classes(), inputs,
                List.of(out + (config.activation() == null ? "" : ", then " + config.activation())), details);
    }

    @Override
    public Model bind(Target target, Table data) {
        List<String> columns = columns(data);
        for (String c : columns) {
            data.column(c);
        }
        TabularFeed feed = protocol == Protocol.V2 ? TabularFeed.bind(List.of(), columns.size(), config, data) : null;
        return new HttpModel(id(), url, protocol, settings, target, columns, feed, config.output(), config.activationOrNone(),
                fingerprint());
    }
}
