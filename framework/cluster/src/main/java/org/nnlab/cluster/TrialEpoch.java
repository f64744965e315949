package org.nnlab.cluster;

import java.io.Serializable;
import java.util.Objects;
import org.nnlab.experiment.EpochStats;

/**
 * One epoch of a trial as a member reports it to its coordinator while the trial trains, on the
 * coordinator's epoch topic ({@link EpochFeed}): the trial, the member, and the epoch's figures.
 * Data only, like {@link TrialJob}: strings and numbers, sent by Java serialization, numbers
 * exact to the bit.
 *
 * @param member {@code host:port} of the member that trained the epoch
 * @param validationAccuracy on the held-out training samples ({@code data.validation}); NaN for none
 */
record TrialEpoch(String trialId, String member, int epoch, double accuracy, double loss, double seconds,
    double samplesPerSecond, double validationAccuracy) implements Serializable {
  private static final long serialVersionUID = 2L; // 2: validationAccuracy added

  TrialEpoch {
    Objects.requireNonNull(trialId, "trialId");
    Objects.requireNonNull(member, "member");
  }

  static TrialEpoch of(String trialId, String member, EpochStats e) {
    return new TrialEpoch(trialId, member, e.epoch(), e.accuracy(), e.loss(), e.seconds(), e.samplesPerSecond(),
        e.validationAccuracy());
  }

  /** The epoch's figures, as a trial in this JVM reports them. */
  EpochStats stats() {
    return new EpochStats(epoch, accuracy, loss, seconds, samplesPerSecond, validationAccuracy);
  }
}
