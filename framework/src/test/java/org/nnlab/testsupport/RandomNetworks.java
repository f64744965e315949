package org.nnlab.testsupport;

import java.util.SplittableRandom;
import org.nnlab.network.Activation;
import org.nnlab.network.Initializer;
import org.nnlab.network.Network;

/** Tiny random networks and samples for property tests, all drawn from one seed. */
public final class RandomNetworks {
  private RandomNetworks() {}

  /** A network of the given shape with N(0, 1/√n) weights drawn from {@code seed}. */
  public static Network network(int[] sizes, long seed) {
    return Network.create(sizes, Activation.sigmoid(), Initializer.normalFanIn(), new SplittableRandom(seed));
  }

  /** Inputs in [0.01, 1.0], like scaled pixels. */
  public static double[] inputs(int n, long seed) {
    SplittableRandom rng = new SplittableRandom(seed ^ 0x5DEECE66DL);
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = rng.nextDouble(0.01, 1.0);
    }
    return x;
  }

  /** Targets in [0.01, 0.99]. */
  public static double[] targets(int n, long seed) {
    SplittableRandom rng = new SplittableRandom(seed ^ 0xB5AD4ECEDA1CE2A9L);
    double[] t = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = rng.nextDouble(0.01, 0.99);
    }
    return t;
  }
}
