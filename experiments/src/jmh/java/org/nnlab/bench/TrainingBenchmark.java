package org.nnlab.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.nnlab.network.Activation;
import org.nnlab.network.Backprop;
import org.nnlab.network.BlockNetwork;
import org.nnlab.network.Initializer;
import org.nnlab.network.KernelChoice;
import org.nnlab.network.Network;
import org.nnlab.network.Precision;
import org.nnlab.network.TrainingEngine;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Training steps and evaluation at the standard shapes, for both engines: the reference {@link
 * Network} and the fast {@link BlockNetwork}, at double precision (the default) and at the opt-in
 * float precision. One operation = one sample; scores are samples per second.
 * Inputs are random numbers in the scaled-pixel range [0.01, 1.0], 256 distinct samples cycled.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class TrainingBenchmark {
  private static final int SAMPLES = 256;
  private static final int BLOCK = BlockNetwork.BLOCK;

  @Param({"784-100-10", "784-200-10", "784-200-100-10"})
  public String shape;

  private Network reference;
  private TrainingEngine block;
  private TrainingEngine floatBlock;
  private BlockNetwork forward;
  private double[][] x;
  private double[][] t;
  private final double[] losses = new double[BLOCK];
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    int[] sizes = java.util.Arrays.stream(shape.split("-")).mapToInt(Integer::parseInt).toArray();
    reference = Network.create(sizes, Activation.sigmoid(), Initializer.normalFanIn(), new SplittableRandom(42));
    block = BlockNetwork.of(reference, KernelChoice.AUTO, 1);
    floatBlock = TrainingEngine.of(reference, Precision.FLOAT, 1);
    forward = BlockNetwork.of(reference, KernelChoice.AUTO, 1);
    SplittableRandom rng = new SplittableRandom(7);
    x = new double[SAMPLES][sizes[0]];
    t = new double[SAMPLES][sizes[sizes.length - 1]];
    for (int s = 0; s < SAMPLES; s++) {
      for (int j = 0; j < sizes[0]; j++) {
        x[s][j] = rng.nextDouble(0.01, 1.0);
      }
      java.util.Arrays.fill(t[s], 0.01);
      t[s][rng.nextInt(t[s].length)] = 0.99;
    }
  }

  private int nextSample() {
    next = (next + 1) & (SAMPLES - 1);
    return next;
  }

  @Benchmark
  public double trainReference() {
    int s = nextSample();
    return reference.train(x[s], t[s], 0.1, Backprop.EXACT);
  }

  @Benchmark
  @OperationsPerInvocation(BLOCK)
  public double trainBlock() {
    return nextBlock(block);
  }

  @Benchmark
  @OperationsPerInvocation(BLOCK)
  public double trainFloatBlock() {
    return nextBlock(floatBlock);
  }

  /** The next {@value #BLOCK} samples through a block engine. */
  private double nextBlock(TrainingEngine engine) {
    next = (next + BLOCK) & (SAMPLES - 1);
    double[][] xs = java.util.Arrays.copyOfRange(x, next, next + BLOCK);
    double[][] ts = java.util.Arrays.copyOfRange(t, next, next + BLOCK);
    engine.trainBlock(xs, ts, BLOCK, 0.1, Backprop.EXACT, losses);
    return losses[BLOCK - 1];
  }

  @Benchmark
  public double evaluateReference() {
    return reference.forward(x[nextSample()])[2][0];
  }

  @Benchmark
  @OperationsPerInvocation(BLOCK)
  public double evaluateBlocked() {
    next = (next + BLOCK) & (SAMPLES - 1);
    double[][] xs = java.util.Arrays.copyOfRange(x, next, next + BLOCK);
    return forward.query(xs, BLOCK)[0][0];
  }
}
