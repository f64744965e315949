package org.nnlab.network;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * The built-in {@link Initializer}s, as records so that configs holding them compare by value.
 * Reach them through the factory methods of {@link Initializer}.
 */
public final class Initializers {
  private Initializers() {}

  /** See {@link Initializer}. */
  public record NormalFanIn() implements Initializer {
    @Override
    public String id() {
      return "normal-fan-in";
    }

    @Override
    public void initialize(double[] weights, int rows, int cols, RandomGenerator rng) {
      double sigma = targetStd(cols);
      for (int i = 0; i < weights.length; i++) {
        weights[i] = sigma * rng.nextGaussian();
      }
    }

    @Override
    public double targetStd(int fanIn) {
      return 1.0 / Math.sqrt(fanIn);
    }
  }

  /** See {@link Initializer}. */
  public record UniformFanIn() implements Initializer {
    @Override
    public String id() {
      return "uniform-fan-in";
    }

    @Override
    public void initialize(double[] weights, int rows, int cols, RandomGenerator rng) {
      double a = 1.0 / Math.sqrt(cols);
      for (int i = 0; i < weights.length; i++) {
        weights[i] = rng.nextDouble(-a, a);
      }
    }

    /** U(−a, a) has σ = a/√3. */
    @Override
    public double targetStd(int fanIn) {
      return 1.0 / Math.sqrt(3.0 * fanIn);
    }
  }

  /** See {@link Initializer}. */
  public record Normal(double sigma) implements Initializer {
    public Normal {
      if (!(sigma > 0) || !Double.isFinite(sigma)) {
        throw new IllegalArgumentException("normal sigma must be > 0, found " + sigma);
      }
    }

    @Override
    public String id() {
      return "normal(sigma=" + sigma + ")";
    }

    @Override
    public void initialize(double[] weights, int rows, int cols, RandomGenerator rng) {
      for (int i = 0; i < weights.length; i++) {
        weights[i] = sigma * rng.nextGaussian();
      }
    }

    @Override
    public double targetStd(int fanIn) {
      return sigma;
    }
  }

  /** See {@link Initializer}. */
  public record Constant(double value) implements Initializer {
    public Constant {
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException("constant must be finite, found " + value);
      }
    }

    @Override
    public String id() {
      return "constant(" + value + ")";
    }

    @Override
    public void initialize(double[] weights, int rows, int cols, RandomGenerator rng) {
      Arrays.fill(weights, value);
    }

    @Override
    public double targetStd(int fanIn) {
      return 0.0;
    }
  }
}
