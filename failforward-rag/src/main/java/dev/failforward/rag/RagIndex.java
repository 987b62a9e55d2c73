package dev.failforward.rag;

import dev.failforward.data.DataException;
import dev.failforward.failure.Fingerprints;
import dev.failforward.progress.Progress;
import dev.failforward.run.Versions;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A persistent local index of a corpus in one Lucene index: each chunk's words for BM25 and its
 * vector in an HNSW graph. When passages are cut into chunks the whole passages are indexed too, in
 * fields of their own (their own BM25 statistics and vector graph), so that the chunking rule can
 * ask how a passage would have ranked whole. Searches return passages, each scored by its best chunk.
 */
public final class RagIndex implements AutoCloseable {

    static final String CHUNK_ID = "chunk_id";
    static final String DOC = "doc";
    static final String SOURCE = "source";
    static final String TEXT = "text";
    static final String VECTOR = "vector";
    static final String WHOLE_TEXT = "whole_text";
    static final String WHOLE_VECTOR = "whole_vector";
    /** Texts embedded per call, so that progress moves and memory stays flat. */
    static final int BATCH = 256;

    private final Path dir;
    private final IndexInfo info;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final Analyzer analyzer = new EnglishAnalyzer();
    private final Map<String, Integer> chunksPerPassage;
    private final Map<String, String> sourceOf;
    private final Map<String, String> wholeText;
    /** The passage id of each Lucene document (the index is merged into one segment and never changes). */
    private final String[] passageOf;

    private RagIndex(Path dir, IndexInfo info, DirectoryReader reader) throws IOException {
        this.dir = dir;
        this.info = info;
        this.reader = reader;
        this.searcher = new IndexSearcher(reader);
        Map<String, Integer> chunks = new LinkedHashMap<>();
        Map<String, String> sources = new HashMap<>();
        Map<String, String> texts = new HashMap<>();
        StoredFields stored = reader.storedFields();
        this.passageOf = new String[reader.maxDoc()];
        for (int d = 0; d < reader.maxDoc(); d++) {
            Document doc = stored.document(d);
            String id = doc.get(DOC);
            passageOf[d] = id;
            if (doc.get(CHUNK_ID) != null) {
                chunks.merge(id, 1, Integer::sum);
            }
            if (doc.get(SOURCE) != null) {
                sources.put(id, doc.get(SOURCE));
            }
            String whole = doc.get(WHOLE_TEXT) != null ? doc.get(WHOLE_TEXT) : info.chunking().whole() ? doc.get(TEXT) : null;
            if (whole != null) {
                texts.put(id, whole);
            }
        }
        this.chunksPerPassage = Collections.unmodifiableMap(chunks);
        this.sourceOf = sources;
        this.wholeText = texts;
    }

    /**
     * Builds the index of {@code corpus} in {@code dir} (replacing an index there), embedding with
     * {@code embedder} (null: BM25 only). {@code fields} are the passage fields indexed, joined by a line break.
     */
    public static IndexInfo build(Path dir, String corpusName, List<Passage> corpus, List<String> fields, Chunking chunking,
                                  Embedder embedder, Progress progress) {
        checkFolder(dir);
        List<String> ids = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        List<String> chunkTexts = new ArrayList<>();
        List<Integer> chunkOwner = new ArrayList<>();
        int split = 0;
        MessageDigest digest = Fingerprints.sha256();
        for (int p = 0; p < corpus.size(); p++) {
            Passage passage = corpus.get(p);
            StringBuilder text = new StringBuilder();
            for (String f : fields) {
                String v = passage.field(f);
                if (v != null && !v.isBlank()) {
                    text.append(text.length() == 0 ? "" : "\n").append(v);
                }
            }
            ids.add(passage.id());
            texts.add(text.toString());
            digest.update((passage.id() + '\u0000' + text + '\u0000').getBytes(StandardCharsets.UTF_8));
            List<String> pieces = chunking.split(text.toString());
            split += pieces.size() > 1 ? 1 : 0;
            for (String piece : pieces) {
                chunkTexts.add(piece);
                chunkOwner.add(p);
            }
        }
        float[][] chunkVectors = embed(embedder, chunkTexts, "Embedding " + chunkTexts.size() + " chunks", progress);
        float[][] wholeVectors = chunking.whole() ? null : embed(embedder, texts, "Embedding " + texts.size() + " whole passages", progress);
        IndexInfo info = new IndexInfo(corpusName, Fingerprints.hex(digest.digest()).substring(0, 32),
                embedder == null ? null : embedder.id(), embedder == null ? 0 : embedder.dimensions(),
                chunking.size(), chunking.overlap(), fields, corpus.size(), chunkTexts.size(), split,
                Instant.now().toString(), Versions.failforward());
        progress.start("Writing the index", chunkTexts.size() + (chunking.whole() ? 0 : texts.size()));
        try (FSDirectory directory = FSDirectory.open(dir);
             IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new EnglishAnalyzer())
                     .setOpenMode(IndexWriterConfig.OpenMode.CREATE).setRAMBufferSizeMB(64))) {
            int[] seen = new int[corpus.size()];
            for (int c = 0; c < chunkTexts.size(); c++) {
                int p = chunkOwner.get(c);
                Document doc = new Document();
                doc.add(new StringField(CHUNK_ID, ids.get(p) + "#" + seen[p]++, Field.Store.YES));
                doc.add(new StringField(DOC, ids.get(p), Field.Store.YES));
                doc.add(new TextField(TEXT, chunkTexts.get(c), Field.Store.YES));
                if (corpus.get(p).source() != null) {
                    doc.add(new StoredField(SOURCE, corpus.get(p).source()));
                }
                if (chunkVectors != null) {
                    doc.add(new KnnFloatVectorField(VECTOR, chunkVectors[c], VectorSimilarityFunction.COSINE));
                }
                writer.addDocument(doc);
                progress.advance(1);
            }
            if (!chunking.whole()) {
                for (int p = 0; p < texts.size(); p++) {
                    Document doc = new Document();
                    doc.add(new StringField(DOC, ids.get(p), Field.Store.YES));
                    doc.add(new TextField(WHOLE_TEXT, texts.get(p), Field.Store.YES));
                    if (wholeVectors != null) {
                        doc.add(new KnnFloatVectorField(WHOLE_VECTOR, wholeVectors[p], VectorSimilarityFunction.COSINE));
                    }
                    writer.addDocument(doc);
                    progress.advance(1);
                }
            }
            writer.forceMerge(1);
            writer.commit();
            info.write(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the index in " + dir + ": " + e.getMessage(), e);
        }
        progress.finish();
        return info;
    }

    private static float[][] embed(Embedder embedder, List<String> texts, String stage, Progress progress) {
        if (embedder == null) {
            return null;
        }
        progress.start(stage, texts.size());
        float[][] out = new float[texts.size()][];
        for (int from = 0; from < texts.size(); from += BATCH) {
            int to = Math.min(texts.size(), from + BATCH);
            int[] reported = {0};
            float[][] part = embedder.embed(texts.subList(from, to), done -> {
                synchronized (reported) {
                    if (done > reported[0]) {
                        progress.advance(done - reported[0]);
                        reported[0] = done;
                    }
                }
            });
            if (part.length != to - from) {
                throw new IllegalStateException(embedder.id() + " gave " + part.length + " vectors for " + (to - from) + " texts");
            }
            System.arraycopy(part, 0, out, from, part.length);
            synchronized (reported) {
                progress.advance(to - from - reported[0]);
                reported[0] = to - from;
            }
        }
        progress.finish();
        return out;
    }

    /** An index folder may be new, empty, or hold an index to replace; never someone's other files. */
    private static void checkFolder(Path dir) {
        try {
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                throw new IllegalArgumentException("--index " + dir + " is a file; expected a folder");
            }
            if (Files.isDirectory(dir) && !Files.exists(dir.resolve(IndexInfo.FILE))) {
                try (Stream<Path> inside = Files.list(dir)) {
                    if (inside.findAny().isPresent()) {
                        throw new IllegalArgumentException("--index " + dir + " holds other files; choose an empty or new folder");
                    }
                }
            }
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the index folder " + dir + ": " + e.getMessage(), e);
        }
    }

    public static RagIndex open(Path dir) {
        IndexInfo info = IndexInfo.read(dir);
        try {
            return new RagIndex(dir, info, DirectoryReader.open(FSDirectory.open(dir)));
        } catch (IOException e) {
            throw new DataException(dir + ": cannot open the Lucene index: " + e.getMessage());
        }
    }

    public IndexInfo info() {
        return info;
    }

    public Path folder() {
        return dir;
    }

    public boolean contains(String passageId) {
        return chunksPerPassage.containsKey(passageId);
    }

    /** How many chunks the passage was cut into (0 when it is not in the index). */
    public int chunks(String passageId) {
        return chunksPerPassage.getOrDefault(passageId, 0);
    }

    public String source(String passageId) {
        return sourceOf.get(passageId);
    }

    /** The passage's indexed text, whole. */
    public String text(String passageId) {
        return wholeText.get(passageId);
    }

    public Set<String> passageIds() {
        return chunksPerPassage.keySet();
    }

    /** Passages by BM25 of their best chunk, best first, at most {@code depth}. */
    public List<Hit> bm25(String question, int depth) {
        return search(words(TEXT, question), depth, false);
    }

    /** Passages by the cosine similarity of their nearest chunk to the question's vector, best first. */
    public List<Hit> vector(float[] question, int depth) {
        requireVectors();
        return search(new KnnFloatVectorQuery(VECTOR, question, depth * maxChunks()), depth, true);
    }

    /** BM25 over whole passages (a chunked index only). */
    public List<Hit> wholeBm25(String question, int depth) {
        return search(words(WHOLE_TEXT, question), depth, false);
    }

    /** Vector search over whole passages (a chunked index only). */
    public List<Hit> wholeVector(float[] question, int depth) {
        requireVectors();
        return search(new KnnFloatVectorQuery(WHOLE_VECTOR, question, depth), depth, true);
    }

    /**
     * The other passages with a chunk whose vector has cosine similarity {@code min} or more with one of
     * this passage's chunks (empty for a passage not in the index).
     */
    public Set<String> nearDuplicates(String passageId, double min) {
        requireVectors();
        Set<String> out = new HashSet<>();
        try {
            for (LeafReaderContext leaf : reader.leaves()) {
                FloatVectorValues values = leaf.reader().getFloatVectorValues(VECTOR);
                if (values == null) {
                    continue;
                }
                for (int d = values.nextDoc(); d != FloatVectorValues.NO_MORE_DOCS; d = values.nextDoc()) {
                    if (!passageId.equals(passageOf[leaf.docBase + d])) {
                        continue;
                    }
                    for (Hit h : vector(values.vectorValue().clone(), 20)) {
                        if (h.score() >= min && !h.id().equals(passageId)) {
                            out.add(h.id());
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the vectors in " + dir + ": " + e.getMessage(), e);
        }
        return out;
    }

    private void requireVectors() {
        if (!info.hasVectors()) {
            throw new IllegalArgumentException(dir + " was indexed without vectors; use --mode bm25 or re-index with an --embedder");
        }
    }

    private int maxChunks() {
        return info.chunking().whole() ? 1 : Math.min(8, info.chunks() / Math.max(1, info.passages()) + 2);
    }

    private Query words(String field, String text) {
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        int terms = 0;
        try (TokenStream tokens = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken() && terms < IndexSearcher.getMaxClauseCount()) {
                q.add(new TermQuery(new Term(field, term.toString())), BooleanClause.Occur.SHOULD);
                terms++;
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms == 0 ? null : q.build();
    }

    /** Chunk hits merged into passages: a passage's score is its best chunk's. Cosine scores are turned back from Lucene's (1 + cos) / 2. */
    private List<Hit> search(Query query, int depth, boolean cosine) {
        if (query == null) {
            return List.of();
        }
        try {
            int wanted = depth * maxChunks();
            ScoreDoc[] found = searcher.search(query, wanted).scoreDocs;
            Map<String, Double> best = new LinkedHashMap<>();
            for (ScoreDoc sd : found) {
                String id = passageOf[sd.doc];
                double score = cosine ? 2.0 * sd.score - 1.0 : sd.score;
                best.putIfAbsent(id, score);
                if (best.size() == depth) {
                    break;
                }
            }
            List<Hit> out = new ArrayList<>(best.size());
            best.forEach((id, s) -> out.add(new Hit(id, s)));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot search the index in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Reciprocal-rank fusion: each passage scores the sum of 1 / (60 + rank) over the rankings it is in. */
    public static List<Hit> fuse(List<Hit> a, List<Hit> b, int depth) {
        Map<String, Double> score = new LinkedHashMap<>();
        for (List<Hit> ranking : List.of(a, b)) {
            for (int r = 0; r < ranking.size(); r++) {
                score.merge(ranking.get(r).id(), 1.0 / (60 + r + 1), Double::sum);
            }
        }
        return score.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(depth).map(e -> new Hit(e.getKey(), e.getValue())).toList();
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
