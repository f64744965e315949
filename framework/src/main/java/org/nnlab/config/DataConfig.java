package org.nnlab.config;

import java.util.Objects;

/**
 * The {@code data:} block: training and test sources, input scaling, target values, augmentation,
 * distortion, and the validation split.
 *
 * @param train the training part (required)
 * @param test the held-out part accuracy is measured on (required)
 * @param inputs the interval pixels are scaled into; default 0.01–1.0
 * @param targets off/on target values; default 0.01 / 0.99
 * @param augment extra training samples; default none
 * @param distort random distortions of each training sample as it is fed; default none
 * @param validation training samples held out to choose by ({@code data.validation}): the last
 *     {@code validation} samples of the training part, before augmentation; 0, the default, holds
 *     none out
 */
public record DataConfig(
    DataSource train, DataSource test, InputRange inputs, Targets targets, Augment augment, Distort distort,
    int validation) {
  public DataConfig(DataSource train, DataSource test, InputRange inputs, Targets targets, Augment augment) {
    this(train, test, inputs, targets, augment, null);
  }

  /** Without a validation split. */
  public DataConfig(
      DataSource train, DataSource test, InputRange inputs, Targets targets, Augment augment, Distort distort) {
    this(train, test, inputs, targets, augment, distort, 0);
  }

  public DataConfig {
    Objects.requireNonNull(train, "data.train");
    Objects.requireNonNull(test, "data.test");
    inputs = inputs == null ? InputRange.DEFAULT : inputs;
    targets = targets == null ? Targets.DEFAULT : targets;
    augment = augment == null ? Augment.NONE : augment;
    distort = distort == null ? Distort.NONE : distort;
    if (validation < 0) {
      throw new IllegalArgumentException("data.validation must be ≥ 1 training samples to hold out (or absent), found "
          + validation);
    }
  }

  public DataConfig withDistort(Distort newDistort) {
    return new DataConfig(train, test, inputs, targets, augment, newDistort, validation);
  }

  /** This block holding out the last {@code samples} training samples; 0 for none. */
  public DataConfig withValidation(int samples) {
    return new DataConfig(train, test, inputs, targets, augment, distort, samples);
  }

  /** Whether training samples are held out to choose by. */
  public boolean hasValidation() {
    return validation > 0;
  }
}
