package org.nnlab.training;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.nnlab.config.TrainingConfig;
import org.nnlab.data.Dataset;
import org.nnlab.data.Distorter;
import org.nnlab.data.Distortion;
import org.nnlab.data.InputScaling;
import org.nnlab.data.TargetEncoding;
import org.nnlab.network.Backprop;
import org.nnlab.network.Network;
import org.nnlab.network.EngineOptions;
import org.nnlab.network.TrainingEngine;

/**
 * Per-sample stochastic gradient descent, the book's way: for each epoch, visit every training
 * sample once (in a fresh seeded order when {@code shuffle} is on), scale it, encode its target and
 * take one step. The steps run on a {@link TrainingEngine} (at double precision, {@link
 * org.nnlab.network.BlockNetwork}: the weights of {@link Network#train} to 1e-12, faster) and the
 * weights are written back into {@code network} at the end of every epoch, before the listener
 * sees it, and when training stops. {@code training.batchSize} B &gt; 1 averages B steps per update;
 * {@code training.schedule} sets each epoch's learning rate ({@link TrainingConfig#learningRate(int)});
 * {@code training.weightDecay} λ shrinks the weights by 1 − α·λ each step.
 *
 * <pre>{@code
 * TrainingOutcome out = new Trainer().train(net, data, config.training(),
 *     InputScaling.of(range), TargetEncoding.of(targets), new SplittableRandom(seed), listener);
 * }</pre>
 *
 * <p>A run can be continued for more epochs, bit-identical to training them all at once, from its
 * weights and its starting generator (the overload taking {@code epochsDone}).
 *
 * <p>A non-finite loss stops training at once with status {@code diverged}: a NaN is reported, not
 * trained through. An interrupt of the training thread stops it before the next block of samples
 * with status {@link TrainingStatus#INTERRUPTED} (the thread's interrupt flag stays set): the
 * weights are then half-trained, not a result. Stateless; one trainer may train many networks, on
 * many threads.
 */
public final class Trainer {
  private static final int PROGRESS_EVERY = 2_000;

  public TrainingOutcome train(
      Network network,
      Dataset data,
      TrainingConfig config,
      InputScaling scaling,
      TargetEncoding targets,
      RandomGenerator rng,
      TrainingListener listener) {
    return train(network, data, config, EngineOptions.DEFAULT, scaling, targets, rng, 0, listener);
  }

  /**
   * As above, training on the engine {@code options} ask for (precision, kernels; the network's
   * weights stay double), and able to continue a run: {@code network} holds the weights after its
   * first {@code epochsDone} epochs (0 for a new run) by this config, data and options, and
   * {@code rng} is the generator the run started with, in its starting state. The shuffles of those epochs are replayed on it first
   * (n − 1 draws each, nothing trained), so epochs {@code epochsDone + 1} … {@code config.epochs()}
   * visit the samples in the order, and end with the weights, of a run from epoch 1 — bit for bit,
   * since every engine ends an epoch with no pending step. The outcome and the progress cover the
   * epochs trained here; the listener sees their true numbers. Each training sample is warped by
   * {@code distortion} as it is fed (its draws depend on the epoch and the sample alone, so a
   * continued run draws what a run from scratch draws); {@link Distortion#NONE} costs nothing.
   *
   * @throws IllegalArgumentException when {@code epochsDone} is negative or not below {@code config.epochs()}
   */
  public TrainingOutcome train(
      Network network,
      Dataset data,
      TrainingConfig config,
      EngineOptions options,
      InputScaling scaling,
      TargetEncoding targets,
      Distortion distortion,
      RandomGenerator rng,
      int epochsDone,
      TrainingListener listener) {
    if (epochsDone < 0 || epochsDone >= config.epochs()) {
      throw new IllegalArgumentException("epochsDone must lie in [0, training.epochs = " + config.epochs()
          + "), found " + epochsDone);
    }
    TrainingEngine engine = TrainingEngine.of(network, options, config.batchSize(), config.weightDecay());
    int n = data.size();
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    int block = engine.blockSize();
    double[][] x = new double[block][data.features()];
    double[][] t = new double[block][network.layerSizes()[network.layerSizes().length - 1]];
    double[] losses = new double[block];
    Distorter warp = distortion.isNone() ? null : distortion.distorter(scaling); // this call's buffers
    List<EpochResult> epochs = new ArrayList<>();
    long trained = 0;
    double seconds = 0.0;
    long total = (long) n * (config.epochs() - epochsDone);
    for (int epoch = 1; epoch <= epochsDone && config.shuffle(); epoch++) {
      shuffle(order, rng);
    }

    for (int epoch = epochsDone + 1; epoch <= config.epochs(); epoch++) {
      if (config.shuffle()) {
        shuffle(order, rng);
      }
      double rate = config.learningRate(epoch);
      long start = System.nanoTime();
      double lossSum = 0.0;
      for (int s0 = 0; s0 < n; s0 += block) {
        if (Thread.currentThread().isInterrupted()) {
          // asked to stop (a sweep cancelling its trials): no result, and the flag stays set
          engine.copyTo(network);
          return new TrainingOutcome(TrainingStatus.INTERRUPTED, epochs, trained + s0,
              seconds + (System.nanoTime() - start) / 1e9, "");
        }
        int count = Math.min(block, n - s0);
        int done = step(engine, data, order, s0, count, scaling, targets, rate, config.backprop(), x, t, losses,
            warp, epoch);
        for (int b = 0; b < done; b++) {
          int s = s0 + b;
          if (!Double.isFinite(losses[b])) {
            engine.copyTo(network);
            double secs = (System.nanoTime() - start) / 1e9;
            epochs.add(new EpochResult(epoch, Double.NaN, secs, s));
            String where = "epoch " + epoch + ", sample " + (s + 1) + " (index " + order[s] + ")";
            return new TrainingOutcome(
                TrainingStatus.DIVERGED, epochs, trained + s, seconds + secs, where);
          }
          lossSum += losses[b];
          if ((s + 1) % PROGRESS_EVERY == 0) {
            listener.onProgress(epoch, trained + s + 1, total);
          }
        }
      }
      engine.copyTo(network); // the epoch's last (mini-batch) step lands before anyone looks
      double secs = (System.nanoTime() - start) / 1e9;
      trained += n;
      seconds += secs;
      listener.onProgress(epoch, trained, total);
      EpochResult result = new EpochResult(epoch, lossSum / n, secs, n);
      epochs.add(result);
      if (!listener.onEpoch(result, network)) {
        return new TrainingOutcome(TrainingStatus.STOPPED, epochs, trained, seconds, "");
      }
    }
    return new TrainingOutcome(TrainingStatus.COMPLETED, epochs, trained, seconds, "");
  }

  /** As above, without distortion: the book's training. */
  public TrainingOutcome train(Network network, Dataset data, TrainingConfig config, EngineOptions options,
      InputScaling scaling, TargetEncoding targets, RandomGenerator rng, int epochsDone, TrainingListener listener) {
    return train(network, data, config, options, scaling, targets, Distortion.NONE, rng, epochsDone, listener);
  }

  /**
   * Scales (and distorts, when {@code warp} is set) and encodes samples {@code order[s0 .. s0+count)}
   * into x and t and trains them as one block. A method of its own, called thousands of times an
   * epoch, so the JIT compiles it whole once per JVM: inside {@code train}, which each run enters once, it would run interpreted at
   * every run's start until an on-stack replacement is compiled, and again after each
   * deoptimisation of that replacement (seen at the end of a sweep's trials).
   */
  private static int step(TrainingEngine engine, Dataset data, int[] order, int s0, int count,
      InputScaling scaling, TargetEncoding targets, double rate, Backprop rule, double[][] x, double[][] t,
      double[] losses, Distorter warp, int epoch) {
    for (int b = 0; b < count; b++) {
      data.scaledInputs(order[s0 + b], scaling, x[b]);
      targets.encode(data.label(order[s0 + b]), t[b]);
    }
    if (warp != null) {
      for (int b = 0; b < count; b++) {
        warp.apply(x[b], epoch, order[s0 + b]);
      }
    }
    return engine.trainBlock(x, t, count, rate, rule, losses);
  }

  /** Fisher–Yates, driven by the run's generator so the order is reproducible. */
  private static void shuffle(int[] a, RandomGenerator rng) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int tmp = a[i];
      a[i] = a[j];
      a[j] = tmp;
    }
  }
}
