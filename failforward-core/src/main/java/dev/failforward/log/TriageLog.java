package dev.failforward.log;

import dev.failforward.failure.TriageEvent;

import java.util.List;

/** Triage: people's decisions on failures, kept per fingerprint with their history. */
public interface TriageLog {

    /** Records a triage decision; earlier ones are kept. */
    void triage(TriageEvent event);

    /** Every triage decision on this fingerprint, oldest first. */
    List<TriageEvent> triageHistory(String fingerprint);
}
