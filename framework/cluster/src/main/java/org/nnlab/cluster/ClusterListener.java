package org.nnlab.cluster;

import org.nnlab.experiment.EpochStats;

/**
 * Hears a cluster's events, for log lines: members joining and leaving, and — on a worker — each
 * epoch of a trial it trains and each trial it trained or refused. Called from Hazelcast's threads; implementations must be thread-safe.
 */
public interface ClusterListener {
  ClusterListener NONE = new ClusterListener() {};

  /** {@code member} ({@code host:port}) joined; the cluster now has {@code members}. */
  default void onMemberJoined(String member, int members) {}

  /** {@code member} left, gracefully or not; the cluster now has {@code members}. */
  default void onMemberLeft(String member, int members) {}

  /**
   * A worker finished and evaluated an epoch of trial {@code trialId}, and has sent it to the
   * trial's coordinator. Called on the thread that trains: the trial goes on once it returns.
   */
  default void onEpoch(String trialId, EpochStats epoch) {}

  /**
   * A worker finished a trial: trained it ({@code problem} null, {@code status} as in results.jsonl)
   * or did not ({@code problem} says why).
   */
  default void onTrial(String trialId, String status, double seconds, String problem) {}
}
