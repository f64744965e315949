package org.nnlab.sweep;

import org.nnlab.experiment.EpochStats;

/**
 * Hears a sweep's progress: for a progress bar, log lines or a live page. Called from the thread
 * that runs the sweep, except {@link #onEpoch}, which the threads that train call, several at once.
 */
public interface SweepListener {
  SweepListener NONE = new SweepListener() {};

  /** The sweep knows (or, for halving, has revised) how many trials it will run in all; {@code done} are stored. */
  default void onPlanned(int total, int done) {}

  /** A trial finished and was stored. */
  default void onTrial(TrialResult result, int done, int total) {}

  /**
   * A trial was handed to the executor, to train {@code epochs} epochs in all: it trains now, or as
   * soon as a worker is free.
   */
  default void onTrialStarted(Trial trial, int epochs) {}

  /**
   * A trial finished an epoch on {@code member} ({@code host:port} of a cluster member; empty when
   * it trained in this JVM) and was evaluated. Called on the thread that trains it, or that hears
   * of it from the cluster, while others train too: keep it cheap and thread-safe. A trial's epochs
   * come in order and before its {@link #onTrial}; a halving trial that goes on from the last rung
   * reports only its new epochs; a trial a cluster runs again reports its epochs again from 1
   * ({@link EpochListener}).
   */
  default void onEpoch(Trial trial, EpochStats epoch, String member) {}
}
