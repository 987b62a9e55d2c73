package dev.failforward.rag;

import java.util.List;

/**
 * A group of failed questions close to each other in embedding space: a topic the corpus lacks or
 * serves badly. {@code representatives} are the questions nearest the centre; {@code nearestPassages}
 * the corpus passages nearest the centre; {@code cause} the most frequent cause in the group.
 */
public record FailureCluster(int id, List<String> qids, List<String> representatives, List<Hit> nearestPassages,
                             String cause, String advice) {

    public FailureCluster {
        qids = List.copyOf(qids);
        representatives = List.copyOf(representatives);
        nearestPassages = List.copyOf(nearestPassages);
    }
}
