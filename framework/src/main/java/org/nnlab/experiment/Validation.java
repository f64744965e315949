package org.nnlab.experiment;

/**
 * The validation split of a run with {@code data.validation}: how many training samples were held
 * out, and the accuracy on them after the last epoch. Sweeps choose by this accuracy, so the test
 * accuracy stays a figure reported, never one chosen by ({@link ExperimentResult#choiceAccuracy}).
 *
 * @param samples training samples held out (the last ones of the training part), ≥ 1
 * @param accuracy share of them labelled correctly; NaN when nothing was measured
 */
public record Validation(int samples, double accuracy) {
  public Validation {
    ResultChecks.atLeast("validation.samples", samples, 1);
    ResultChecks.share("validation.accuracy", accuracy);
  }
}
