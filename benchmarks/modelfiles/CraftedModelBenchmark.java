import dev.failforward.model.builtin.ModelFiles;

import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * How long ModelFiles.load takes to refuse a crafted old-format model file: about 6 KB of nested
 * hash sets whose reading, without the filter, would hash 2^100 times. Prints the time to refuse
 * a file that is not a model at all (the classes that read model files load then), then the
 * crafted file's size and its first, best and worst refusal, in milliseconds.
 */
public final class CraftedModelBenchmark {

    public static void main(String[] args) throws Exception {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        Path file = Files.createTempFile("crafted", ".model");
        try {
            Path other = Files.writeString(Files.createTempFile("other", ".model"), "hello\n");
            long cold = System.nanoTime();
            try {
                ModelFiles.load(other);
            } catch (IllegalArgumentException expected) {
                System.out.printf("a text file refused, classes loading: %.1f ms%n", (System.nanoTime() - cold) / 1e6);
            } finally {
                Files.deleteIfExists(other);
            }
            write(file);
            double best = Double.MAX_VALUE;
            double worst = 0;
            double first = 0;
            for (int i = 0; i < repeats; i++) {
                long start = System.nanoTime();
                try {
                    ModelFiles.load(file);
                    throw new IllegalStateException("the crafted file was read");
                } catch (IllegalArgumentException refused) {
                    double ms = (System.nanoTime() - start) / 1e6;
                    if (i == 0) {
                        first = ms;
                        System.out.println("refused with: " + refused.getMessage());
                    }
                    best = Math.min(best, ms);
                    worst = Math.max(worst, ms);
                }
            }
            System.out.printf("crafted model file of %,d bytes refused %d times: first %.1f ms, best %.2f ms, worst %.2f ms%n",
                    Files.size(file), repeats, first, best, worst);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Version 1 of the format: a header line, then Java serialisation of the nested sets. */
    private static void write(Path file) throws Exception {
        Set<Object> root = new HashSet<>();
        Set<Object> s1 = root;
        Set<Object> s2 = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            Set<Object> t1 = new HashSet<>();
            Set<Object> t2 = new HashSet<>();
            t1.add("x");
            s1.add(t1);
            s1.add(t2);
            s2.add(t1);
            s2.add(t2);
            s1 = t1;
            s2 = t2;
        }
        try (OutputStream raw = Files.newOutputStream(file)) {
            raw.write("FAILFORWARD-MODEL 1\n".getBytes(StandardCharsets.US_ASCII));
            ObjectOutputStream out = new ObjectOutputStream(raw);
            out.writeObject(root);
            out.flush();
        }
    }
}
