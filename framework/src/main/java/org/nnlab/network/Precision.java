package org.nnlab.network;

/**
 * The number type the weights are trained in. {@link #DOUBLE} is the book's and the reference's;
 * {@link #FLOAT} is an opt-in that halves the bytes moved per training step, at ~1e-7 relative
 * rounding per operation instead of ~1e-16.
 */
public enum Precision {
  DOUBLE,
  FLOAT;

  /** The YAML spelling, the name in lower case. */
  public String id() {
    return Ids.of(this);
  }

  /** Parses the YAML spelling. */
  public static Precision byId(String id) {
    return Ids.byId(Precision.class, id, "precision");
  }
}
