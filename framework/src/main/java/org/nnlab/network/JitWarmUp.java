package org.nnlab.network;

import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Gets the block engines' loops compiled by C2 before the first real epoch. Vector API code runs
 * dozens of times slower in the interpreter and C1 than once C2 has compiled it, and C2 waits for
 * call and loop counters: a cold 784-100-10 epoch took 1.4 s longer than a warm one (measured with
 * {@code nnlab bench --warmup 0}). Training tiny networks reaches the counters with the least
 * interpreted work: blocks of a 16-16-16 and a 21-13-11-10 network, until they run at compiled
 * speed, take 1.1–1.6 s beside a command's start-up, almost all of it waiting for C2. Both
 * shapes are needed: C2 compiles only the branches it has seen taken, so a real shape that takes
 * a tail loop the warm-up never took (100 hidden nodes are 12 vectors of 8 and a tail of 4; 16
 * are two whole vectors) throws the compiled kernels away at its first block and runs its first
 * epoch while they are compiled again (0.8–1.3 s instead of 0.35 s for Fashion-MNIST at
 * 784-100-10; -XX:+LogCompilation shows "unstable_if" traps in the tails of {@code dot} and
 * {@code axpy}). Once per JVM; threads
 * that arrive meanwhile (a parallel sweep) wait for it rather than start cold. The weights it
 * touches are thrown away. {@link #startInBackground} lets a caller overlap it with work of its
 * own, such as reading the data. The float engine is warmed
 * separately, when first used ({@link #once(FloatKernels)}), so double runs never pay for it.
 *
 * <p>The library's only static mutable flags, on purpose: "compiled yet?" is a property of the
 * JVM, not of any network. (Running the warm-up from a lazy holder's class initialiser instead was
 * measured 4× slower for a whole sweep: 14.5 s against 3.3 s for configs/sweeps/learning-rate.yaml.)
 */
final class JitWarmUp {
  /** Sizes that are whole vectors of 2, 4 or 8 lanes: every tail loop is skipped. */
  private static final int[] NO_TAILS = {16, 16, 16};
  /** Sizes with a remainder for any vector width, and a second hidden layer: every tail loop runs. */
  private static final int[] TAILS = {21, 13, 11, 10};
  /**
   * A cycle (4 blocks of each network) takes 90–130 µs once C2 has compiled every kernel, 250–450
   * µs while one of them still runs in C1, 5 ms and more before: the warm-up ends after 25
   * cycles in a row under 200 µs (1.1–1.6 s here), or after 3 s whatever the speed.
   */
  private static final long FAST_CYCLE_NANOS = 200_000;
  private static final int FAST_CYCLES = 25;
  private static final long MAX_NANOS = 3_000_000_000L;
  private static boolean doubleDone;
  private static boolean floatDone;
  private static boolean started;

  private JitWarmUp() {}

  /** Warms the double vector kernels on a daemon thread, unless done or under way; returns at once. */
  static void startInBackground() {
    synchronized (JitWarmUp.class) {
      if (doubleDone || started || !KernelChoice.vectorModulePresent()) { // plain loops need no warm-up
        return;
      }
      started = true;
    }
    Thread t = new Thread(() -> once(Kernels.of(KernelChoice.AUTO)), "nnlab-jit-warm-up");
    t.setDaemon(true);
    t.start();
  }

  /** Warms {@link BlockNetwork}'s kernels when {@code kernels} are the vector ones, once per JVM. */
  static synchronized void once(Kernels kernels) {
    if (!doubleDone && kernels.vectorBits() > 0) {
      doubleDone = true;
      train(n -> BlockNetwork.of(n, KernelChoice.VECTOR, 1));
    }
  }

  /** Warms {@link FloatBlockNetwork}'s vector kernels, once per JVM; double runs never pay for it. */
  static synchronized void once(FloatKernels kernels) {
    if (!floatDone && kernels.vectorBits() > 0) {
      floatDone = true;
      train(n -> FloatBlockNetwork.of(n, KernelChoice.VECTOR, 1));
    }
  }

  /**
   * Trains {@link #NO_TAILS} and {@link #TAILS} in turn, every fourth block of the latter cut short
   * as an epoch's last block can be, until the blocks run at compiled speed: each branch a real
   * shape takes has been taken, both ways, before C2 compiles the loops. (A fixed number of
   * rounds often ended before C2 had compiled the update kernel, and the first epoch then ran it
   * in C1.)
   */
  private static void train(Function<Network, TrainingEngine> engineOf) {
    Drill plain = new Drill(engineOf, NO_TAILS);
    Drill tails = new Drill(engineOf, TAILS);
    long start = System.nanoTime();
    int fast = 0;
    for (int cycle = 0; fast < FAST_CYCLES && System.nanoTime() - start < MAX_NANOS; cycle++) {
      long t0 = System.nanoTime();
      for (int round = 0; round < 4; round++) {
        plain.step(plain.x.length);
        tails.step(round == 3 ? tails.x.length - 3 : tails.x.length);
      }
      fast = System.nanoTime() - t0 < FAST_CYCLE_NANOS ? fast + 1 : 0;
    }
  }

  /** One tiny network on its engine, with a block of random inputs and one-hot targets. */
  private static final class Drill {
    final TrainingEngine engine;
    final double[][] x;
    final double[][] t;
    final double[] losses;

    Drill(Function<Network, TrainingEngine> engineOf, int[] sizes) {
      SplittableRandom rng = new SplittableRandom(sizes.length);
      engine = engineOf.apply(Network.create(sizes, Activation.sigmoid(), Initializer.normalFanIn(), rng));
      int block = engine.blockSize();
      x = new double[block][sizes[0]];
      t = new double[block][sizes[sizes.length - 1]];
      for (int b = 0; b < block; b++) {
        for (int j = 0; j < sizes[0]; j++) {
          x[b][j] = rng.nextDouble(0.01, 1.0);
        }
        t[b][b % t[b].length] = 0.99;
      }
      losses = new double[block];
    }

    void step(int count) {
      engine.trainBlock(x, t, count, 0.01, Backprop.EXACT, losses);
    }
  }
}
