package org.nnlab.training;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.nnlab.config.TrainingConfig;
import org.nnlab.data.Dataset;
import org.nnlab.data.InputScaling;
import org.nnlab.data.TargetEncoding;
import org.nnlab.network.Network;

/**
 * Per-sample stochastic gradient descent, the book's way: for each epoch, visit every training
 * sample once (in a fresh seeded order when {@code shuffle} is on), scale it, encode its target and
 * take one {@link Network#train} step.
 *
 * <pre>{@code
 * TrainingOutcome out = new Trainer().train(net, data, config.training(),
 *     InputScaling.of(range), TargetEncoding.of(targets), new SplittableRandom(seed), listener);
 * }</pre>
 *
 * <p>A non-finite loss stops training at once with status {@code diverged}: a NaN is reported, not
 * trained through. Stateless; one trainer may train many networks, on many threads.
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
    int n = data.size();
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    double[] x = new double[data.features()];
    double[] t = new double[network.layerSizes()[network.layerSizes().length - 1]];
    List<EpochResult> epochs = new ArrayList<>();
    long trained = 0;
    double seconds = 0.0;
    long total = (long) n * config.epochs();

    for (int epoch = 1; epoch <= config.epochs(); epoch++) {
      if (config.shuffle()) {
        shuffle(order, rng);
      }
      long start = System.nanoTime();
      double lossSum = 0.0;
      for (int s = 0; s < n; s++) {
        int i = order[s];
        data.scaledInputs(i, scaling, x);
        targets.encode(data.label(i), t);
        double loss = network.train(x, t, config.learningRate(), config.backprop());
        if (!Double.isFinite(loss)) {
          double secs = (System.nanoTime() - start) / 1e9;
          epochs.add(new EpochResult(epoch, Double.NaN, secs, s));
          String where = "epoch " + epoch + ", sample " + (s + 1) + " (index " + i + ")";
          return new TrainingOutcome(
              TrainingStatus.DIVERGED, epochs, trained + s, seconds + secs, where);
        }
        lossSum += loss;
        if ((s + 1) % PROGRESS_EVERY == 0) {
          listener.onProgress(epoch, trained + s + 1, total);
        }
      }
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
