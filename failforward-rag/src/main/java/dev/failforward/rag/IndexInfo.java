package dev.failforward.rag;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.failforward.data.DataException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What an index was built from and how, kept as {@code failforward-index.json} beside the Lucene
 * files: the embedder (questions must be embedded by the same one), the chunking, the indexed fields,
 * counts, and the corpus fingerprint for provenance.
 */
public record IndexInfo(String corpus, String corpusFingerprint, String embedder, int dimensions, int chunkSize,
                        int chunkOverlap, List<String> fields, int passages, int chunks, int splitPassages,
                        String created, String failforwardVersion) {

    public static final String FILE = "failforward-index.json";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public IndexInfo {
        fields = List.copyOf(fields);
    }

    public Chunking chunking() {
        return new Chunking(chunkSize, chunkOverlap);
    }

    public boolean hasVectors() {
        return embedder != null;
    }

    void write(Path dir) throws IOException {
        Files.writeString(dir.resolve(FILE), MAPPER.writeValueAsString(this));
    }

    static IndexInfo read(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new DataException(dir + ": not a FailForward index (no " + FILE + "); build one with 'failforward rag index'");
        }
        try {
            return MAPPER.readValue(file.toFile(), IndexInfo.class);
        } catch (IOException e) {
            if (e instanceof com.fasterxml.jackson.core.JsonProcessingException j) {
                throw new DataException(file + ": " + j.getOriginalMessage());
            }
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
