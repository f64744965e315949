package org.nnlab.report;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.nnlab.experiment.EpochStats;
import org.nnlab.sweep.TrialResult;

/**
 * One row of a sweep page's trials table: a trial that is queued, running or finished, with its
 * figures so far. A finished sweep's rows come from its results ({@link #of}); a live sweep's from
 * what its trials reported while they trained.
 *
 * @param order 1-based position in the order trials finished (or started, while they run)
 * @param status {@code queued}, {@code running}, or a finished result's status
 * @param epochsPlanned the epochs the trial will train in all; 0 when unknown
 * @param accuracy the latest test accuracy: after the last epoch so far, or the result's; NaN for none
 * @param member the cluster member that trained it; empty when it trained in this process
 */
public record TrialRow(
    String id, int order, Map<String, Object> parameters, int repeat, long seed, String status, int epochsPlanned,
    double accuracy, double samplesPerSecond, String member, List<EpochStats> epochs) {
  public static final String QUEUED = "queued";
  public static final String RUNNING = "running";

  public TrialRow {
    Objects.requireNonNull(id, "id");
    parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
    member = member == null ? "" : member;
    epochs = List.copyOf(epochs);
  }

  /** The row of a finished trial, {@code order}-th to finish. */
  public static TrialRow of(TrialResult t, int order) {
    var r = t.result();
    return new TrialRow(t.trial(), order, t.parameters(), t.repeat(), t.seed(), r.status(), r.epochs().size(),
        r.accuracy(), r.samplesPerSecond(), r.provenance().member(), r.epochs());
  }

  /** Whether it is still to train or training. */
  public boolean unfinished() {
    return status.equals(QUEUED) || status.equals(RUNNING);
  }
}
