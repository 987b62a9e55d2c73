package dev.failforward.model.builtin;

import dev.failforward.model.Model;
import dev.failforward.model.text.TextEmbeddingModel;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectStreamException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Version 1 of the model file: a header line, then the Java serialisation of the model. Read only
 * to convert old files, behind the strictest filter that still reads them: the classes a model is
 * made of and nothing else, at most {@value #MAX_DEPTH} levels deep, hash collections (whose
 * hashing a crafted file can make exponential) at most {@value #MAX_HASH_DEPTH} levels deep, and
 * limits on references, bytes and array lengths. Built-in models of this version measured 15
 * levels, hash collections at 9, 6,500 references.
 */
final class LegacyModelFiles {

    static final String HEADER = "FAILFORWARD-MODEL 1";
    static final int MAX_DEPTH = 40;
    static final int MAX_HASH_DEPTH = 14;

    private static final ObjectInputFilter LIMITS = ObjectInputFilter.Config.createFilter(
            "maxdepth=" + MAX_DEPTH + ";maxrefs=1000000;maxbytes=1073741824;maxarray=268435456");
    private static final Set<String> HASHED = Set.of("java.util.HashSet", "java.util.LinkedHashSet", "java.util.HashMap",
            "java.util.LinkedHashMap", "java.util.Hashtable");
    private static final Set<String> JAVA = Set.of("java.lang.Double", "java.lang.Float", "java.lang.Integer",
            "java.lang.Long", "java.lang.Boolean", "java.lang.Number", "java.lang.Enum", "java.lang.String",
            "java.lang.Object", "java.time.OffsetDateTime", "java.time.Ser", "java.util.ArrayList", "java.util.CollSer",
            "java.util.Collections$EmptyMap", "java.util.Collections$EmptyList", "java.util.Collections$EmptySet",
            "java.util.Collections$UnmodifiableCollection", "java.util.Collections$UnmodifiableList",
            "java.util.Collections$UnmodifiableMap", "java.util.Collections$UnmodifiableRandomAccessList",
            "java.util.Collections$UnmodifiableSet", "java.util.ImmutableCollections$List12",
            "java.util.ImmutableCollections$ListN", "java.util.Map$Entry", "java.util.TreeMap", "java.util.HashSet",
            "java.util.LinkedHashSet", "java.util.HashMap", "java.util.LinkedHashMap");

    static final ObjectInputFilter FILTER = info -> {
        if (LIMITS.checkInput(info) == ObjectInputFilter.Status.REJECTED) {
            return ObjectInputFilter.Status.REJECTED;
        }
        Class<?> c = info.serialClass();
        if (c == null) {
            return ObjectInputFilter.Status.UNDECIDED;
        }
        while (c.isArray()) {
            c = c.getComponentType();
        }
        if (c.isPrimitive()) {
            return ObjectInputFilter.Status.ALLOWED;
        }
        String name = c.getName();
        if (HASHED.contains(name) && info.depth() > MAX_HASH_DEPTH) {
            return ObjectInputFilter.Status.REJECTED;
        }
        if (!allowed(name)) {
            return ObjectInputFilter.Status.REJECTED;
        }
        if (name.startsWith("org.tribuo.common.xgboost.")) {
            // A boosted model reads its booster through XGBoost's library: loaded here, when the file
            // holds one, so a file refused earlier never waits for it.
            dev.failforward.model.xgboost.XGBoostNative.load();
        }
        return ObjectInputFilter.Status.ALLOWED;
    };

    private LegacyModelFiles() {
    }

    private static boolean allowed(String name) {
        return JAVA.contains(name) || name.startsWith("org.tribuo.")
                || name.startsWith("com.oracle.labs.mlrg.olcut.provenance.")
                || name.startsWith("com.oracle.labs.mlrg.olcut.util.Mutable")
                || name.startsWith("dev.failforward.model.builtin.")
                || name.equals("dev.failforward.model.Task")
                || name.equals("dev.failforward.model.text.TextEmbeddingModel")
                || name.equals("dev.failforward.model.text.LogisticWeights");
    }

    /** The model in {@code serialized} (what follows the header line); refused with the file's name and how to re-create it. */
    static Model read(Path file, byte[] serialized) {
        Object model;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(serialized))) {
            in.setObjectInputFilter(FILTER);
            model = in.readObject();
        } catch (InvalidClassException e) {
            throw refused(file, String.valueOf(e.getMessage()).contains("REJECTED")
                    ? "it holds objects a model is not made of, or nests them too deeply" : e.getMessage(), e);
        } catch (ClassNotFoundException e) {
            throw refused(file, "a class of another FailForward version: " + e.getMessage(), e);
        } catch (EOFException e) {
            throw refused(file, "damaged: it ends too early", e);
        } catch (ObjectStreamException | ClassCastException | IllegalArgumentException e) {
            throw refused(file, "damaged: " + e.getMessage(), e);
        } catch (IOException e) {
            throw refused(file, e.getMessage(), e);
        }
        if (model instanceof TribuoModel t) {
            return TribuoModel.restore(t.id(), t.target(), withInfinityBounds(t.encoder()), t.tribuoModel(), t.scale(),
                    t.concurrent(), t.fingerprint());
        }
        if (model instanceof TextEmbeddingModel text) {
            return text;
        }
        throw new IllegalArgumentException(file + ": not a FailForward model file (it holds a " + model.getClass().getName() + ")");
    }

    /** Version 1 had no infinity bounds; Java fills the missing fields with 0, which would read every infinity as 0. */
    private static FeatureEncoder withInfinityBounds(FeatureEncoder encoder) {
        List<ColumnEncoder> columns = new ArrayList<>();
        for (ColumnEncoder c : encoder.columns()) {
            columns.add(c instanceof NumericEncoder n && n.low() == 0 && n.high() == 0
                    ? new NumericEncoder(n.column(), n.center(), n.scale(), n.impute(), n.fill(), n.indicator()) : c);
        }
        return new FeatureEncoder(encoder.style(), columns);
    }

    private static IllegalArgumentException refused(Path file, String why, Throwable cause) {
        return new IllegalArgumentException(file + ": an old (version 1) FailForward model file that cannot be read safely ("
                + why + "); re-create it by running the scan again with the same --data, --model and --seed", cause);
    }
}
