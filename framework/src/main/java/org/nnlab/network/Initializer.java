package org.nnlab.network;

import java.util.random.RandomGenerator;

/**
 * Draws a weight matrix's starting values. n, the number of incoming links of a node, is the
 * matrix's column count.
 *
 * <pre>{@code
 * Initializer init = Initializer.normalFanIn();      // N(0, σ = 1/√n), the book's choice
 * init.initialize(w, rows, cols, new SplittableRandom(42));
 * }</pre>
 *
 * <p>Implementations are stateless; all randomness comes from the generator passed in, so the same
 * seed gives bit-identical weights.
 */
public interface Initializer {

  /** The YAML spelling, e.g. {@code normal-fan-in}, {@code normal(sigma=0.05)}. */
  String id();

  /** Fills {@code weights} (rows × cols, row-major) with starting values. */
  void initialize(double[] weights, int rows, int cols, RandomGenerator rng);

  /** The standard deviation this initializer aims at for a node with {@code fanIn} inputs. */
  double targetStd(int fanIn);

  /** N(0, σ = 1/√n): the default, and the book's. */
  static Initializer normalFanIn() {
    return new Initializers.NormalFanIn();
  }

  /** U(−1/√n, +1/√n): the book's first, simpler suggestion. */
  static Initializer uniformFanIn() {
    return new Initializers.UniformFanIn();
  }

  /** N(0, σ) with a fixed σ for every layer. */
  static Initializer normal(double sigma) {
    return new Initializers.Normal(sigma);
  }

  /** Every weight the same value: allowed so that the symmetry rule can be seen to fire. */
  static Initializer constant(double value) {
    return new Initializers.Constant(value);
  }
}
