package org.nnlab.network;

/** σ(x) = 1/(1 + e^−x); σ'(x) = σ(x)·(1 − σ(x)); σ⁻¹(y) = ln(y/(1 − y)). Stateless. */
final class Sigmoid implements Activation {
  static final String ID = "sigmoid";
  static final Sigmoid INSTANCE = new Sigmoid();

  private Sigmoid() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public double apply(double x) {
    return 1.0 / (1.0 + Math.exp(-x));
  }

  @Override
  public double derivativeAt(double y) {
    return y * (1.0 - y);
  }

  @Override
  public double inverse(double y) {
    return Math.log(y / (1.0 - y));
  }

  @Override
  public double lowerBound() {
    return 0.0;
  }

  @Override
  public double upperBound() {
    return 1.0;
  }

  @Override
  public String toString() {
    return ID;
  }
}
