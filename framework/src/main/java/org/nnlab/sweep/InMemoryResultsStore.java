package org.nnlab.sweep;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nnlab.output.OutputException;

/**
 * A {@link ResultsStore} in memory ({@link ResultsStore#inMemory()}): for a host that keeps the
 * results itself, or a sweep that need not survive the process. Each trial counts once (the first
 * stored wins), like the durable store. Thread-safe.
 */
final class InMemoryResultsStore implements ResultsStore {
  private final Map<String, TrialResult> results = new LinkedHashMap<>();
  private SweepIdentity claimedBy; // guarded by this
  private boolean closed; // guarded by this

  @Override
  public synchronized List<TrialResult> results() {
    return List.copyOf(results.values());
  }

  @Override
  public synchronized Set<String> trialIds() {
    return Set.copyOf(results.keySet());
  }

  @Override
  public List<String> notes() {
    return List.of();
  }

  @Override
  public synchronized void append(TrialResult r) {
    if (closed) {
      throw new IllegalStateException("the in-memory results store is closed: trial " + r.trial()
          + " comes after the sweep ended");
    }
    results.putIfAbsent(r.trial(), r);
  }

  @Override
  public synchronized void claim(SweepIdentity sweep, boolean resume) {
    if (!results.isEmpty() && !claimedBy.configHash().equals(sweep.configHash())) {
      throw new OutputException("this results store holds the trials of another sweep ('" + claimedBy.name()
          + "', " + results.size() + " trial(s)); use a new store for '" + sweep.name() + "'");
    }
    if (!results.isEmpty() && !resume) {
      throw new OutputException("this results store already holds " + results.size() + " trial(s) of '"
          + sweep.name() + "': claim it with resume = true to continue that sweep, or use a new store");
    }
    claimedBy = sweep;
  }

  @Override
  public synchronized void close() {
    closed = true;
  }
}
