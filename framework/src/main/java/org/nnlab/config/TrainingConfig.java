package org.nnlab.config;

import org.nnlab.network.Backprop;

/**
 * The {@code training:} block.
 *
 * @param learningRate α, default 0.1; its sense is the {@code learning-rate} rule's call
 * @param epochs passes over the training data, ≥ 1, default 1
 * @param shuffle whether each epoch visits the samples in a fresh seeded order, default true
 * @param backprop {@code exact} (the true gradient, default) or {@code book}
 */
public record TrainingConfig(double learningRate, int epochs, boolean shuffle, Backprop backprop) {
  public static final TrainingConfig DEFAULT = new TrainingConfig(0.1, 1, true, Backprop.EXACT);

  public TrainingConfig {
    ConfigChecks.finite("training.learningRate", learningRate);
    if (epochs < 1) {
      throw new IllegalArgumentException("training.epochs must be ≥ 1, found " + epochs);
    }
    backprop = backprop == null ? Backprop.EXACT : backprop;
  }

  public TrainingConfig withEpochs(int newEpochs) {
    return new TrainingConfig(learningRate, newEpochs, shuffle, backprop);
  }
}
