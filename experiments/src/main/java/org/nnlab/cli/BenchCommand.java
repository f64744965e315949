package org.nnlab.cli;

import com.google.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.nnlab.config.ConfigException;
import org.nnlab.config.DataSource;
import org.nnlab.config.NetworkConfig;
import org.nnlab.config.NetworkSize;
import org.nnlab.config.TrainingConfig;
import org.nnlab.data.DataException;
import org.nnlab.data.Dataset;
import org.nnlab.data.DatasetLoader;
import org.nnlab.data.InputScaling;
import org.nnlab.data.TargetEncoding;
import org.nnlab.metrics.Evaluation;
import org.nnlab.network.Activation;
import org.nnlab.network.Backprop;
import org.nnlab.network.EngineOptions;
import org.nnlab.network.Initializer;
import org.nnlab.network.KernelChoice;
import org.nnlab.network.Network;
import org.nnlab.network.Precision;
import org.nnlab.network.TrainingEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code nnlab bench}: trains one epoch (in file order, no shuffling, the book's scaling and
 * targets) and prints training samples per second, evaluation time on the test part and the peak
 * heap. Uses {@code fashion-mnist} when it is on disk, else the bundled {@code mnist-sample}. The
 * timed pass follows a warm-up on a throwaway copy of the network, so the JIT has compiled the loops.
 * Lines are {@code key: value}, for people and for {@code experiments/bench/compare.sh}.
 */
@Command(name = "bench", description = "Time one training epoch and the evaluation; print samples/s and peak heap.")
final class BenchCommand implements Callable<Integer> {
  private static final String FASHION = "fashion-mnist";
  private static final String FALLBACK = "mnist-sample";

  @Option(names = "--data", paramLabel = "NAME", description = "named dataset (default: fashion-mnist, else mnist-sample)")
  String data;

  @Option(names = "--layers", split = ",", paramLabel = "N,N,…", description = "nodes per layer (default: 784,100,10)")
  int[] layers = {784, 100, 10};

  @Option(names = "--samples", paramLabel = "N", description = "train on the first N samples only (default: all)")
  int samples = Integer.MAX_VALUE;

  @Option(names = "--warmup", paramLabel = "N", description = "untimed warm-up samples (default: ${DEFAULT-VALUE})")
  int warmup = 5_000;

  @Option(names = "--backprop", description = "exact or book (default: exact)")
  String backprop = "exact";

  @Option(names = "--precision", description = "double or float (default: double)")
  String precision = "double";

  @Option(names = "--kernels", description = "auto, vector or scalar (default: auto, as network.kernels)")
  String kernels = "auto";

  @Option(names = "--batch-size", paramLabel = "B", description = "mini-batch size (default: 1, per sample)")
  int batchSize = 1;

  @Option(names = "--learning-rate", description = "α (default: ${DEFAULT-VALUE})")
  double learningRate = 0.1;

  @Option(names = "--reference", description = "train with the plain reference Network instead of the fast engine")
  boolean reference;

  @Option(names = "--seed", description = "seed of the initial weights (default: ${DEFAULT-VALUE})")
  long seed = 42;

  @Option(names = "--dump-weights", paramLabel = "DIR",
      description = "write the initial weights and those after --dump-after samples (little-endian float64, row-major)")
  Path dumpDir;

  @Option(names = "--dump-after", paramLabel = "N", description = "samples before the second dump (default: ${DEFAULT-VALUE})")
  int dumpAfter = 1_000;

  @Option(names = "--cpu-limits", description = "also measure this core's peak vector FMA rate and triad bandwidth")
  boolean cpuLimits;

  @Spec CommandSpec spec;

  private final DatasetLoader loader;

  @Inject
  BenchCommand(DatasetLoader loader) {
    this.loader = loader;
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Backprop rule = parse(() -> Backprop.byId(backprop));
    EngineOptions engine = parse(() -> new EngineOptions(Precision.byId(precision), KernelChoice.byId(kernels)));
    String described = parse(() -> engine.describe().summary());
    if (batchSize < 1 || batchSize > TrainingConfig.MAX_BATCH_SIZE || samples < 1 || warmup < 0) {
      throw new UserInputException("--batch-size must lie in 1.." + TrainingConfig.MAX_BATCH_SIZE
          + ", --samples be ≥ 1, --warmup ≥ 0");
    }
    // the layers are checked as a config's are, and against this JVM's heap, before anything is read
    NetworkConfig shape = parse(() -> new NetworkConfig(Arrays.stream(layers).boxed().toList(), null, null));
    try {
      NetworkSize.requireFits(shape, batchSize);
    } catch (ConfigException e) {
      throw new UserInputException("--layers: " + e.getMessage());
    }
    String name = data != null ? data : FASHION;
    Dataset train;
    Dataset test;
    try {
      train = loader.load(new DataSource.Named(name, "train"));
      test = loader.load(new DataSource.Named(name, "test"));
    } catch (DataException e) {
      if (data != null) {
        throw e;
      }
      out.println("note: " + FASHION + " is not on this machine (" + e.getMessage() + "); using " + FALLBACK);
      name = FALLBACK;
      train = loader.load(new DataSource.Named(name, "train"));
      test = loader.load(new DataSource.Named(name, "test"));
    }
    InputScaling scaling = new InputScaling(0.01, 1.0);
    TargetEncoding targets = new TargetEncoding(0.01, 0.99);
    Network network = Network.create(layers, Activation.sigmoid(), Initializer.normalFanIn(), new SplittableRandom(seed));
    int n = Math.min(samples, train.size());
    out.printf("data: %s (%d training samples used, %d test)%n", name, n, test.size());
    out.printf("network: %s, %s, %s, batch size %d, %s%n", join(layers), rule.id(), engine.precision().id(), batchSize,
        reference ? "reference Network" : described);
    if (dumpDir != null) {
      dump(network, dumpDir.resolve("init"));
    }

    Network warm = network.copy();
    trainPass(warm, train, Math.min(warmup, train.size()), scaling, targets, rule, engine, null);
    java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpuStart = threads.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    double lossSum = trainPass(network, train, n, scaling, targets, rule, engine, dumpDir);
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
    out.printf("train_samples: %d%n", n);
    out.printf("train_seconds: %.4f%n", seconds);
    out.printf("train_samples_per_s: %.1f%n", n / seconds);
    // the same per second of this thread's CPU time: steadier than wall time on a shared machine
    out.printf("train_samples_per_cpu_s: %.1f%n", n / cpuSeconds);
    out.printf("train_mean_loss: %.6f%n", lossSum / n);

    long evalStart = System.nanoTime();
    Evaluation first = Evaluation.of(network, test, scaling);
    double evalFirst = (System.nanoTime() - evalStart) / 1e9;
    evalStart = System.nanoTime();
    Evaluation again = Evaluation.of(network, test, scaling);
    double evalWarm = (System.nanoTime() - evalStart) / 1e9;
    out.printf("eval_samples: %d%n", again.size());
    out.printf("eval_seconds_first: %.4f%n", evalFirst);
    out.printf("eval_seconds: %.4f%n", evalWarm);
    out.printf("accuracy: %.4f%n", first.accuracy());
    out.printf("peak_heap_mb: %.1f%n", peakHeapBytes() / 1e6);
    out.printf("max_heap_mb: %.1f%n", Runtime.getRuntime().maxMemory() / 1e6);
    if (cpuLimits) {
      if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
        throw new UserInputException("--cpu-limits needs java --add-modules jdk.incubator.vector (./nnlab passes it)");
      }
      CpuLimits.print(out);
    }
    return Main.OK;
  }

  /** One in-order pass over the first n samples; returns the summed loss. */
  private double trainPass(Network network, Dataset train, int n, InputScaling scaling, TargetEncoding targets,
      Backprop rule, EngineOptions options, Path dumpTo) throws IOException {
    TrainingEngine engine = reference ? null : TrainingEngine.of(network, options, batchSize);
    int block = engine == null ? 1 : engine.blockSize();
    double[][] x = new double[block][train.features()];
    double[][] t = new double[block][layers[layers.length - 1]];
    double[] losses = new double[block];
    double lossSum = 0.0;
    int start = 0;
    while (start < n) {
      // a block never straddles the dump point, so the dump sees exactly dumpAfter steps
      int count = Math.min(block, n - start);
      if (dumpTo != null && start < dumpAfter && start + count > dumpAfter) {
        count = dumpAfter - start;
      }
      for (int b = 0; b < count; b++) {
        train.scaledInputs(start + b, scaling, x[b]);
        targets.encode(train.label(start + b), t[b]);
      }
      if (engine == null) {
        for (int b = 0; b < count; b++) {
          losses[b] = network.train(x[b], t[b], learningRate, rule);
        }
      } else {
        engine.trainBlock(x, t, count, learningRate, rule, losses);
      }
      for (int b = 0; b < count; b++) {
        lossSum += losses[b];
      }
      if (dumpTo != null && start + count == dumpAfter) {
        if (engine != null) {
          engine.copyTo(network);
        }
        dump(network, dumpTo.resolve("after"));
      }
      start += count;
    }
    if (engine != null) {
      engine.copyTo(network);
    }
    return lossSum;
  }

  /** {@code prefix-K.f64} per weight matrix: little-endian float64, row-major. */
  private static void dump(Network network, Path prefix) throws IOException {
    Files.createDirectories(prefix.getParent());
    for (int k = 0; k < network.weightLayers(); k++) {
      double[] w = network.weights(k);
      ByteBuffer buf = ByteBuffer.allocate(w.length * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
      buf.asDoubleBuffer().put(w);
      Files.write(Path.of(prefix + "-" + k + ".f64"), buf.array());
    }
  }

  /** The sum of every heap pool's peak usage since the JVM started. */
  static long peakHeapBytes() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak;
  }

  private static String join(int[] sizes) {
    return String.join("-", Arrays.stream(sizes).mapToObj(Integer::toString).toArray(String[]::new));
  }

  private static <T> T parse(java.util.function.Supplier<T> p) {
    try {
      return p.get();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new UserInputException(e.getMessage());
    }
  }
}
