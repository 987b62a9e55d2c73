package dev.failforward.scan;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class PermutationTest {

    @Test
    void drawsTheOrderCollectionsShuffleDraws() {
        for (int n : new int[] {0, 1, 2, 7, 1000, 54_321}) {
            for (long seed : new long[] {1, 42, -7}) {
                List<Integer> list = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    list.add(i * 3);
                }
                Collections.shuffle(list, new Random(seed));
                int[] values = new int[n];
                for (int i = 0; i < n; i++) {
                    values[i] = i * 3;
                }
                assertThat(Permutation.shuffle(values, new Random(seed))).containsExactly(list.stream().mapToInt(Integer::intValue).toArray());
                assertThat(Permutation.shuffled(n, new Random(seed))).containsExactly(list.stream().mapToInt(v -> v / 3).toArray());
            }
        }
    }
}
