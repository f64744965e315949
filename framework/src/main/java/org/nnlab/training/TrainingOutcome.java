package org.nnlab.training;

import java.util.List;

/**
 * The result of {@link Trainer#train}: how it ended, per-epoch figures and totals.
 *
 * @param divergedAt for {@link TrainingStatus#DIVERGED}: where the first non-finite loss appeared
 *     ("epoch 2, sample 1234 (index 987)"), else empty
 */
public record TrainingOutcome(
    TrainingStatus status, List<EpochResult> epochs, long samplesTrained, double seconds,
    String divergedAt) {
  public TrainingOutcome {
    epochs = List.copyOf(epochs);
    divergedAt = divergedAt == null ? "" : divergedAt;
  }

  /** Samples per second over all epochs. */
  public double samplesPerSecond() {
    return seconds > 0 ? samplesTrained / seconds : 0.0;
  }
}
