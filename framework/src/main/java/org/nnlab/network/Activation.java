package org.nnlab.network;

/**
 * A node's activation function, with the derivative and inverse that training and back-query need.
 *
 * <p>The derivative is expressed through the node's <em>output</em> y = f(x), because that is what
 * back-propagation has at hand: for the sigmoid, f'(x) = y·(1 − y).
 *
 * <pre>{@code
 * Activation sigmoid = Activation.sigmoid();
 * double y = sigmoid.apply(0.0);              // 0.5
 * double slope = sigmoid.derivativeAt(y);     // 0.25
 * }</pre>
 */
public interface Activation {

  /** The id used in YAML ({@code network.activation}). */
  String id();

  /** f(x). */
  double apply(double x);

  /** f'(x) written in terms of y = f(x). */
  double derivativeAt(double y);

  /** f⁻¹(y), used by back-query; y must lie strictly inside the range. */
  double inverse(double y);

  /** The infimum of the range; outputs approach but never reach it. */
  double lowerBound();

  /** The supremum of the range; outputs approach but never reach it. */
  double upperBound();

  /** The logistic sigmoid σ(x) = 1/(1 + e^−x), range (0, 1). */
  static Activation sigmoid() {
    return Sigmoid.INSTANCE;
  }

  /** Looks an activation up by its YAML id. */
  static Activation byId(String id) {
    if (Sigmoid.ID.equals(id)) {
      return Sigmoid.INSTANCE;
    }
    throw new IllegalArgumentException("unknown activation '" + id + "'; allowed: sigmoid");
  }
}
