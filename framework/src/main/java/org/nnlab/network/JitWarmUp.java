package org.nnlab.network;

import java.util.SplittableRandom;

/**
 * Gets the block engines' loops compiled by C2 before the first real epoch. Vector API code runs
 * dozens of times slower in the interpreter and C1 than once C2 has compiled it, and C2 waits for
 * call and loop counters: a cold 784-100-10 epoch took 1.4 s longer than a warm one (measured with
 * {@code nnlab bench --warmup 0}). Training a tiny network reaches the counters with the least
 * interpreted work: 1,200 blocks of a 16-16-10 network take 1.05–1.1 s, almost all of it waiting
 * for C2 (the first 250 blocks run interpreted, the last 200 in ~2 ms), where 3,000 of 40-24-10
 * took 1.6–1.7 s; the code compiled either way trains 784-100-10 at the same speed. (The first
 * few thousand samples of a real shape still run slower while C2 finishes.) Once per JVM; threads
 * that arrive meanwhile (a parallel sweep) wait for it rather than start cold. The weights it
 * touches are thrown away. {@link #startInBackground} lets a caller overlap it with work of its
 * own, such as reading the data. The float engine is warmed
 * separately, when first used ({@link #onceFloat}), so double runs never pay for it.
 *
 * <p>The library's only static mutable flags, on purpose: "compiled yet?" is a property of the
 * JVM, not of any network. (Running the warm-up from a lazy holder's class initialiser instead was
 * measured 4× slower for a whole sweep: 14.5 s against 3.3 s for configs/sweeps/learning-rate.yaml.)
 */
final class JitWarmUp {
  private static final int[] SIZES = {16, 16, 10}; // one full panel; every vector loop runs
  private static final int ROUNDS = 1_200;
  private static boolean doubleDone;
  private static boolean floatDone;
  private static boolean started;

  private JitWarmUp() {}

  /** Runs {@link #once} on a daemon thread, unless it ran or is running; returns at once. */
  static void startInBackground() {
    synchronized (JitWarmUp.class) {
      if (doubleDone || started || Kernels.BEST instanceof ScalarKernels) {
        return;
      }
      started = true;
    }
    Thread t = new Thread(JitWarmUp::once, "nnlab-jit-warm-up");
    t.setDaemon(true);
    t.start();
  }

  /** Warms {@link BlockNetwork}'s kernels, once per JVM. */
  static synchronized void once() {
    if (!doubleDone) {
      doubleDone = true;
      train(BlockNetwork.of(tinyNetwork(), Kernels.BEST, 1));
    }
  }

  /** Warms {@link FloatBlockNetwork}'s kernels, once per JVM; double runs never pay for it. */
  static synchronized void onceFloat() {
    if (!floatDone) {
      floatDone = true;
      train(FloatBlockNetwork.of(tinyNetwork(), FloatKernels.BEST, 1));
    }
  }

  private static Network tinyNetwork() {
    return Network.create(SIZES, Activation.sigmoid(), Initializer.normalFanIn(), new SplittableRandom(1));
  }

  private static void train(TrainingEngine engine) {
    int block = engine.blockSize();
    double[][] x = new double[block][SIZES[0]];
    double[][] t = new double[block][SIZES[2]];
    SplittableRandom rng = new SplittableRandom(2);
    for (int b = 0; b < block; b++) {
      for (int j = 0; j < SIZES[0]; j++) {
        x[b][j] = rng.nextDouble(0.01, 1.0);
      }
      t[b][b % SIZES[2]] = 0.99;
    }
    double[] losses = new double[block];
    for (int round = 0; round < ROUNDS; round++) {
      engine.trainBlock(x, t, block, 0.01, Backprop.EXACT, losses);
    }
  }
}
