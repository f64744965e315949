package org.nnlab.training;

import java.util.Locale;

/** How training ended. */
public enum TrainingStatus {
  /** Every epoch ran. */
  COMPLETED,
  /** The loss or a weight became NaN or infinite; training stopped at once. */
  DIVERGED,
  /** A listener stopped it, e.g. a rule with severity {@code error} fired between epochs. */
  STOPPED,
  /**
   * The training thread was interrupted (a sweep cancelling its trials, a host shutting down);
   * training stopped between two blocks of samples and its weights are no result.
   */
  INTERRUPTED;

  /** The lowercase word used in {@code results.json}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
