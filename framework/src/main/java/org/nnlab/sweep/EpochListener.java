package org.nnlab.sweep;

import org.nnlab.experiment.EpochStats;

/**
 * Hears one trial's epochs as they end, wherever the trial trains: what a {@link TrialExecutor}
 * tells the sweep for its live views ({@link SweepListener#onEpoch}).
 *
 * <pre>{@code
 * executor.submit(task, (epoch, member) -> page.epoch(task.trialId(), epoch, member));
 * }</pre>
 *
 * <p>Called on whatever thread learns of the epoch — the one that trains it in this JVM, a
 * cluster client's event thread — while other trials report too: keep it cheap and thread-safe.
 * A trial that a cluster trains again (its executions are at-least-once) reports its epochs again
 * from 1, perhaps from another member.
 */
@FunctionalInterface
public interface EpochListener {
  EpochListener NONE = (epoch, member) -> {};

  /**
   * The trial finished and evaluated {@code epoch} on {@code member} ({@code host:port} of a
   * cluster member; empty when it trained in this JVM).
   */
  void onEpoch(EpochStats epoch, String member);
}
