package dev.failforward.probe.text;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Synonyms from the WordNet 3 database files (Debian package {@code wordnet}: {@code index.*} and
 * {@code data.*} in {@code /usr/share/wordnet}, or the folder in {@code WNSEARCHDIR} or the system
 * property {@code failforward.wordnet}). A word's synonyms are the single-word lemmas of its
 * {@value #SENSES} most frequent senses in each part of speech — adjectives first, then adverbs,
 * verbs and nouns — in the order WordNet lists them. Only base forms are looked up.
 */
public final class WordNet {

    /** Senses per part of speech whose lemmas count as synonyms. */
    static final int SENSES = 3;

    private static final String[] PARTS = {"adj", "adv", "verb", "noun"};

    private static WordNet shared;

    private final Path folder;
    private final Map<String, Map<String, long[]>> index = new HashMap<>();
    private final Map<String, List<String>> cache = new ConcurrentHashMap<>();

    private WordNet(Path folder) {
        this.folder = folder;
        for (String part : PARTS) {
            index.put(part, readIndex(folder.resolve("index." + part)));
            if (!Files.isReadable(folder.resolve("data." + part))) {
                throw missing(folder);
            }
        }
    }

    /** The WordNet of this machine, read on first use; a clear error when its files are not there. */
    public static synchronized WordNet shared() {
        if (shared == null) {
            shared = new WordNet(folder());
        }
        return shared;
    }

    /** Reads the database in {@code folder}. */
    public static WordNet open(Path folder) {
        return new WordNet(folder);
    }

    static Path folder() {
        String given = System.getProperty("failforward.wordnet");
        if (given == null || given.isBlank()) {
            given = System.getenv("WNSEARCHDIR");
        }
        return Path.of(given == null || given.isBlank() ? "/usr/share/wordnet" : given);
    }

    private static IllegalStateException missing(Path folder) {
        return new IllegalStateException("WordNet's database files (index.adj, data.adj, ...) are not in " + folder
                + "; install them with 'apt-get install wordnet' or set WNSEARCHDIR to their folder");
    }

    private Map<String, long[]> readIndex(Path file) {
        if (!Files.isReadable(file)) {
            throw missing(folder);
        }
        Map<String, long[]> out = new HashMap<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.ISO_8859_1)) {
                if (line.startsWith(" ") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split(" ");
                // lemma pos synset_cnt p_cnt [ptr...] sense_cnt tagsense_cnt offsets...
                int synsets = Integer.parseInt(f[2]);
                int pointers = Integer.parseInt(f[3]);
                int first = 4 + pointers + 2;
                int take = Math.min(SENSES, synsets);
                long[] offsets = new long[take];
                for (int i = 0; i < take; i++) {
                    offsets[i] = Long.parseLong(f[first + i]);
                }
                out.put(f[0], offsets);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read WordNet's " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new IllegalStateException(file + " is not a WordNet index file (" + e.getMessage() + ")", e);
        }
        return out;
    }

    /** The line at {@code offset}, read in blocks (RandomAccessFile.readLine reads byte by byte). */
    private static String line(RandomAccessFile data, long offset) throws IOException {
        data.seek(offset);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] block = new byte[2048];
        while (true) {
            int n = data.read(block);
            if (n <= 0) {
                break;
            }
            int end = 0;
            while (end < n && block[end] != '\n') {
                end++;
            }
            out.write(block, 0, end);
            if (end < n) {
                break;
            }
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    /** Synonyms of {@code word} (any case), lower-case, without the word itself; empty when it has none. */
    public List<String> synonyms(String word) {
        String key = word.toLowerCase(Locale.ROOT);
        return cache.computeIfAbsent(key, this::lookUp);
    }

    private List<String> lookUp(String word) {
        Set<String> out = new LinkedHashSet<>();
        for (String part : PARTS) {
            long[] offsets = index.get(part).get(word);
            if (offsets == null) {
                continue;
            }
            try (RandomAccessFile data = new RandomAccessFile(folder.resolve("data." + part).toFile(), "r")) {
                for (long offset : offsets) {
                    String[] f = line(data, offset).split(" ");
                    // offset lex_filenum ss_type w_cnt(hex) word lex_id ...
                    int words = Integer.parseInt(f[3], 16);
                    for (int w = 0; w < words; w++) {
                        String lemma = f[4 + 2 * w].replaceAll("\\(.*\\)$", "").toLowerCase(Locale.ROOT);
                        if (lemma.chars().allMatch(Character::isLetter) && !lemma.equals(word)) {
                            out.add(lemma);
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read WordNet's data." + part + ": " + e.getMessage(), e);
            }
        }
        return List.copyOf(new ArrayList<>(out));
    }
}
