package org.nnlab.experiment;

import org.nnlab.training.EpochResult;

/**
 * One epoch as reported: test accuracy measured after it, mean training loss, training time and
 * throughput.
 */
public record EpochStats(int epoch, double accuracy, double loss, double seconds, double samplesPerSecond) {
  public EpochStats {
    ResultChecks.atLeast("epoch", epoch, 1);
    ResultChecks.share("accuracy", accuracy);
    ResultChecks.nonNegative("seconds", seconds);
    ResultChecks.nonNegative("samplesPerSecond", samplesPerSecond);
    // loss: a diverged epoch's is NaN or infinite, written null; a real one is ≥ 0
    if (loss < 0) {
      throw new IllegalArgumentException("loss must be ≥ 0 (or null), found " + loss);
    }
  }

  /** What {@code epoch} did, with the test accuracy measured after it. */
  public static EpochStats of(EpochResult epoch, double accuracy) {
    return new EpochStats(epoch.epoch(), accuracy, epoch.loss(), epoch.seconds(), epoch.samplesPerSecond());
  }
}
