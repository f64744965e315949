package org.nnlab.config;

import org.nnlab.network.Backprop;

/**
 * The {@code training:} block.
 *
 * @param learningRate α, default 0.1; its sense is the {@code learning-rate} rule's call
 * @param epochs passes over the training data, 1 to {@value #MAX_EPOCHS}, default 1
 * @param shuffle whether each epoch visits the samples in a fresh seeded order, default true
 * @param backprop {@code exact} (the true gradient, default) or {@code book}
 * @param batchSize samples whose steps are averaged into one update, 1 to {@value #MAX_BATCH_SIZE}; default 1, the book's
 *     per-sample descent. With B &gt; 1 the B samples of a batch see the same weights and the update
 *     is (α/B)·Σ δ·oᵀ (the last batch of an epoch may be shorter and is averaged over its size).
 * @param schedule the learning rate of each epoch, from {@code learningRate}; default constant, the book's
 * @param weightDecay λ ≥ 0, default 0 (the book's): each step descends on E + λ·½ΣW², shrinking every
 *     weight by 1 − α·λ before adding α·δ·oᵀ (once per mini-batch); α·λ must stay below 1 at every epoch
 */
public record TrainingConfig(
    double learningRate, int epochs, boolean shuffle, Backprop backprop, int batchSize, Schedule schedule,
    double weightDecay) {
  /** The most epochs a config may ask for. */
  public static final int MAX_EPOCHS = 10_000;
  /** The largest mini-batch: each sample of a batch keeps its activations while the batch runs. */
  public static final int MAX_BATCH_SIZE = 65_536;

  public static final TrainingConfig DEFAULT = new TrainingConfig(0.1, 1, true, Backprop.EXACT, 1);

  /** A constant learning rate, the book's. */
  public TrainingConfig(double learningRate, int epochs, boolean shuffle, Backprop backprop, int batchSize) {
    this(learningRate, epochs, shuffle, backprop, batchSize, Schedule.CONSTANT);
  }

  /** No weight decay, the book's. */
  public TrainingConfig(
      double learningRate, int epochs, boolean shuffle, Backprop backprop, int batchSize, Schedule schedule) {
    this(learningRate, epochs, shuffle, backprop, batchSize, schedule, 0.0);
  }

  /** Per-sample training (batch size 1), the book's way. */
  public TrainingConfig(double learningRate, int epochs, boolean shuffle, Backprop backprop) {
    this(learningRate, epochs, shuffle, backprop, 1);
  }

  public TrainingConfig {
    ConfigChecks.finite("training.learningRate", learningRate);
    if (epochs < 1) {
      throw new IllegalArgumentException("training.epochs must be ≥ 1, found " + epochs);
    }
    if (epochs > MAX_EPOCHS) {
      throw new IllegalArgumentException("training.epochs must be at most " + MAX_EPOCHS + ", found " + epochs);
    }
    backprop = backprop == null ? Backprop.EXACT : backprop;
    if (batchSize < 1) {
      throw new IllegalArgumentException("training.batchSize must be ≥ 1, found " + batchSize);
    }
    if (batchSize > MAX_BATCH_SIZE) {
      throw new IllegalArgumentException(
          "training.batchSize must be at most " + MAX_BATCH_SIZE + ", found " + batchSize);
    }
    schedule = schedule == null ? Schedule.CONSTANT : schedule;
    if (schedule instanceof Schedule.Cosine c && c.min() > learningRate) {
      throw new IllegalArgumentException("training.schedule.cosine.min = " + c.min()
          + " must not exceed training.learningRate = " + learningRate + ": the cosine falls from α₀ to min");
    }
    ConfigChecks.finite("training.weightDecay", weightDecay);
    if (weightDecay < 0) {
      throw new IllegalArgumentException("training.weightDecay must be ≥ 0, found " + weightDecay);
    }
    for (int e = 1; e <= epochs && weightDecay > 0; e++) {
      double rate = schedule.rate(learningRate, e, epochs);
      if (rate * weightDecay >= 1) {
        throw new IllegalArgumentException("training.weightDecay = " + weightDecay + " times epoch " + e
            + "'s learning rate " + rate + " is " + rate * weightDecay
            + "; it must stay below 1 (each step multiplies the weights by 1 − α·λ)");
      }
    }
  }

  /** The learning rate of epoch {@code epoch} (1-based): the schedule's, from {@code learningRate}. */
  public double learningRate(int epoch) {
    return schedule.rate(learningRate, epoch, epochs);
  }

  /**
   * Whether epochs 1 … {@code throughEpoch} run at the same learning rates under this config and
   * {@code other}: a schedule over the whole run (cosine without a period) changes them with
   * {@code epochs}, so a shorter run of it cannot be continued into a longer one.
   */
  public boolean sameRatesAs(TrainingConfig other, int throughEpoch) {
    for (int e = 1; e <= throughEpoch; e++) {
      if (learningRate(e) != other.learningRate(e)) {
        return false;
      }
    }
    return true;
  }

  public TrainingConfig withEpochs(int newEpochs) {
    return new TrainingConfig(learningRate, newEpochs, shuffle, backprop, batchSize, schedule, weightDecay);
  }
}
