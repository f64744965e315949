package org.nnlab.config;

import java.util.Objects;

/**
 * The {@code data:} block: training and test sources, input scaling, target values, augmentation,
 * distortion.
 *
 * @param train the training part (required)
 * @param test the held-out part accuracy is measured on (required)
 * @param inputs the interval pixels are scaled into; default 0.01–1.0
 * @param targets off/on target values; default 0.01 / 0.99
 * @param augment extra training samples; default none
 * @param distort random distortions of each training sample as it is fed; default none
 */
public record DataConfig(
    DataSource train, DataSource test, InputRange inputs, Targets targets, Augment augment, Distort distort) {
  public DataConfig(DataSource train, DataSource test, InputRange inputs, Targets targets, Augment augment) {
    this(train, test, inputs, targets, augment, null);
  }

  public DataConfig {
    Objects.requireNonNull(train, "data.train");
    Objects.requireNonNull(test, "data.test");
    inputs = inputs == null ? InputRange.DEFAULT : inputs;
    targets = targets == null ? Targets.DEFAULT : targets;
    augment = augment == null ? Augment.NONE : augment;
    distort = distort == null ? Distort.NONE : distort;
  }

  public DataConfig withDistort(Distort newDistort) {
    return new DataConfig(train, test, inputs, targets, augment, newDistort);
  }
}
