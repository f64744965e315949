package org.nnlab.training;

/**
 * What one epoch of training did.
 *
 * @param epoch 1-based
 * @param loss mean E = ½Σ(t − o)² over the epoch's samples, each taken before its own update
 * @param seconds wall time of the epoch's training (evaluation excluded)
 * @param samples samples trained in the epoch
 */
public record EpochResult(int epoch, double loss, double seconds, long samples) {
  /** Samples trained per second of wall time. */
  public double samplesPerSecond() {
    return seconds > 0 ? samples / seconds : 0.0;
  }
}
