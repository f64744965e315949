package org.nnlab.training;

import java.util.Locale;

/** How training ended. */
public enum TrainingStatus {
  /** Every epoch ran. */
  COMPLETED,
  /** The loss or a weight became NaN or infinite; training stopped at once. */
  DIVERGED,
  /** A listener stopped it, e.g. a rule with severity {@code error} fired between epochs. */
  STOPPED;

  /** The lowercase word used in {@code results.json}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
