package org.nnlab.training;

import org.nnlab.network.Network;

/**
 * Hears what the {@link Trainer} does: progress for a progress bar, and each finished epoch, where
 * the caller may evaluate, probe the network, and decide whether training goes on.
 */
public interface TrainingListener {
  TrainingListener NONE = new TrainingListener() {};

  /** Called every few thousand samples and at the end of each epoch. */
  default void onProgress(int epoch, long samplesDone, long samplesTotal) {}

  /**
   * Called after each epoch once the epoch's test accuracy is known, before {@link #onEpoch}: by
   * {@code ExperimentRunner}, which evaluates every epoch (the {@link Trainer} alone never calls it).
   * For live views; keep it cheap, it runs on the training thread.
   */
  default void onEvaluated(EpochResult epoch, double testAccuracy) {}

  /**
   * Called after each epoch, before {@link #onEvaluated}, with the accuracy on the training samples
   * held out by {@code data.validation}: by {@code ExperimentRunner}, for runs that hold some out.
   */
  default void onValidated(EpochResult epoch, double validationAccuracy) {}

  /**
   * Called after each epoch with the network as trained so far.
   *
   * @return false to stop training (the outcome's status is then {@link TrainingStatus#STOPPED})
   */
  default boolean onEpoch(EpochResult epoch, Network network) {
    return true;
  }
}
