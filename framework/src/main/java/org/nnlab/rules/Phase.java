package org.nnlab.rules;

/**
 * When a rule can look: before any data is read, once data is loaded, once weights are drawn,
 * between epochs, after training, or on demand ({@code nnlab check --gradients}).
 */
public enum Phase {
  CONFIG,
  DATA,
  INIT,
  EPOCH,
  FINAL,
  GRADIENT;

  /** The phases {@code nnlab check} runs: everything that needs no training. */
  public boolean beforeTraining() {
    return this == CONFIG || this == DATA || this == INIT;
  }
}
