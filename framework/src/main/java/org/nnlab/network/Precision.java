package org.nnlab.network;

import java.util.Locale;

/**
 * The number type the weights are trained in. {@link #DOUBLE} is the book's and the reference's;
 * {@link #FLOAT} is an opt-in that halves the bytes moved per training step, at ~1e-7 relative
 * rounding per operation instead of ~1e-16.
 */
public enum Precision {
  DOUBLE,
  FLOAT;

  /** The YAML spelling: {@code double} or {@code float}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses the YAML spelling. */
  public static Precision byId(String id) {
    for (Precision p : values()) {
      if (p.id().equals(id)) {
        return p;
      }
    }
    throw new IllegalArgumentException("unknown precision '" + id + "'; allowed: double, float");
  }
}
