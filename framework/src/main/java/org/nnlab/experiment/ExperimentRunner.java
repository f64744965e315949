package org.nnlab.experiment;

import com.google.inject.Inject;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.nnlab.config.ConfigWriter;
import org.nnlab.config.ExperimentConfig;
import org.nnlab.config.NetworkSize;
import org.nnlab.data.DataException;
import org.nnlab.data.Dataset;
import org.nnlab.data.DatasetLoader;
import org.nnlab.data.Datasets;
import org.nnlab.data.Distortion;
import org.nnlab.data.InputScaling;
import org.nnlab.data.TargetEncoding;
import org.nnlab.metrics.Evaluation;
import org.nnlab.metrics.MetricsOptions;
import org.nnlab.metrics.TrainingMetrics;
import org.nnlab.network.Network;
import org.nnlab.network.TrainingEngine;
import org.nnlab.rules.Finding;
import org.nnlab.rules.Phase;
import org.nnlab.rules.RuleBook;
import org.nnlab.rules.RuleContext;
import org.nnlab.training.EpochResult;
import org.nnlab.training.Trainer;
import org.nnlab.training.TrainingListener;
import org.nnlab.training.TrainingOutcome;
import org.nnlab.training.TrainingStatus;

/**
 * Runs one declared experiment end to end: check the rules that need no training, load the data,
 * draw the weights, train with the runtime rules watching every epoch, evaluate on the test part,
 * and record it all as an {@link ExperimentResult}. Writes no files; the caller decides where
 * results go.
 *
 * <pre>{@code
 * ExperimentRunner runner = injector.getInstance(ExperimentRunner.class);
 * ExperimentRun run = runner.run(config, TrainingListener.NONE);
 * double acc = run.result().accuracy();
 * }</pre>
 *
 * <p>Seeds: the weights are drawn from the first split of {@code SplittableRandom(seed)}, the
 * shuffling from the second, so the same config gives bit-identical results — also when a completed
 * run is trained on for more epochs with {@link #continueRun}. Thread-safe: runs share
 * nothing mutable, so a sweep may run many at once, each trial with a runner of its own from a
 * {@link Factory}. An interrupt stops training between two blocks of samples and the run throws
 * a {@link CancellationException}: a half-trained run has no result.
 */
public final class ExperimentRunner {
  private final DatasetLoader loader;
  private final RuleBook rules;
  private final NetworkFactory networks;
  private final Trainer trainer;
  private final MeterRegistry registry;
  private final MetricsOptions metricsOptions;
  private final Tags meterTags;

  /** A runner whose meters leave {@code registry} when each run ends. */
  public ExperimentRunner(
      DatasetLoader loader, RuleBook rules, NetworkFactory networks, Trainer trainer, MeterRegistry registry) {
    this(loader, rules, networks, trainer, registry, MetricsOptions.REMOVE_AFTER_RUN);
  }

  @Inject
  public ExperimentRunner(
      DatasetLoader loader, RuleBook rules, NetworkFactory networks, Trainer trainer, MeterRegistry registry,
      MetricsOptions metricsOptions) {
    this(loader, rules, networks, trainer, registry, metricsOptions, Tags.empty());
  }

  private ExperimentRunner(
      DatasetLoader loader, RuleBook rules, NetworkFactory networks, Trainer trainer, MeterRegistry registry,
      MetricsOptions metricsOptions, Tags meterTags) {
    this.loader = loader;
    this.rules = rules;
    this.networks = networks;
    this.trainer = trainer;
    this.registry = registry;
    this.metricsOptions = metricsOptions;
    this.meterTags = meterTags;
  }

  /**
   * Makes runners that share the injected rules, network factory, trainer and meter registry, each
   * reading data through a loader the caller gives and tagging its meters: how a sweep gets one
   * runner per trial (its datasets cached for the sweep, its meters tagged {@code run=<sweep id>, trial=<id>}).
   *
   * <pre>{@code
   * ExperimentRunner.Factory runners = injector.getInstance(ExperimentRunner.Factory.class);
   * ExperimentRunner trial = runners.create(new CachingDatasetLoader(loader), Tags.of("run", sweepId, "trial", id));
   * }</pre>
   *
   * <p>Thread-safe.
   */
  public static final class Factory {
    private final RuleBook rules;
    private final NetworkFactory networks;
    private final Trainer trainer;
    private final MeterRegistry registry;
    private final MetricsOptions metricsOptions;

    /** Runners whose meters leave {@code registry} when each run ends. */
    public Factory(RuleBook rules, NetworkFactory networks, Trainer trainer, MeterRegistry registry) {
      this(rules, networks, trainer, registry, MetricsOptions.REMOVE_AFTER_RUN);
    }

    @Inject
    public Factory(
        RuleBook rules, NetworkFactory networks, Trainer trainer, MeterRegistry registry, MetricsOptions metricsOptions) {
      this.rules = rules;
      this.networks = networks;
      this.trainer = trainer;
      this.registry = registry;
      this.metricsOptions = metricsOptions;
    }

    /**
     * A runner reading data through {@code loader}, its meters carrying {@code meterTags}: the
     * {@code run} and {@code trial} tags of {@link TrainingMetrics} (a fresh run id and
     * {@code trial=none} when absent).
     */
    public ExperimentRunner create(DatasetLoader loader, Tags meterTags) {
      return new ExperimentRunner(loader, rules, networks, trainer, registry, metricsOptions, meterTags);
    }
  }

  /**
   * The rules that need no training (config, data, initial weights), plus the gradient check if
   * asked. The data is read and the weights drawn only when a rule in force looks at them.
   */
  public List<Finding> check(ExperimentConfig config, boolean gradients) {
    List<Phase> beyondConfig = gradients ? List.of(Phase.DATA, Phase.INIT, Phase.GRADIENT) : List.of(Phase.DATA, Phase.INIT);
    if (!rules.anyRuleIn(config, beyondConfig)) {
      return rules.check(RuleContext.ofConfig(config));
    }
    Prepared p = prepare(config);
    List<Finding> found = new ArrayList<>(p.findings);
    if (gradients && p.network != null) {
      found.addAll(rules.check(p.context.at(Phase.GRADIENT)));
    }
    return found;
  }

  /**
   * Checks, trains and evaluates {@code config}. Bad data throws; rule violations are findings.
   *
   * @throws CancellationException when the thread is interrupted while it trains (the flag stays
   *     set): a half-trained run has no result
   */
  public ExperimentRun run(ExperimentConfig config, TrainingListener listener) {
    return train(config, Earlier.NONE, listener);
  }

  /**
   * Trains a completed run further, to {@code config}'s epochs: the run's config with more epochs.
   * Training goes on from {@code from}'s weights, with the shuffling order replayed from the seed
   * (see {@link Trainer}), so the result equals {@link #run run(config)} from scratch bit for bit —
   * weights, every epoch's accuracy and loss, findings, accuracy. Its epochs, findings, samples
   * and training seconds cover all epochs (the earlier ones as {@code from} measured them); its
   * wall time and meters only the work done here. {@code from} is left as it was.
   *
   * <pre>{@code
   * ExperimentRun one = runner.run(config.withTraining(config.training().withEpochs(1)), NONE);
   * ExperimentRun three = runner.continueRun(one, config.withTraining(config.training().withEpochs(3)), NONE);
   * }</pre>
   *
   * @throws IllegalArgumentException when {@code from} did not complete, or {@code config} differs
   *     from its config in anything but a larger {@code training.epochs}, or its schedule gives the
   *     epochs already trained other rates ({@link TrainingConfig#sameRatesAs})
   * @throws CancellationException when the thread is interrupted while it trains
   */
  public ExperimentRun continueRun(ExperimentRun from, ExperimentConfig config, TrainingListener listener) {
    ExperimentConfig before = from.config();
    if (!from.result().completed()) {
      throw new IllegalArgumentException("only a completed run can be continued; this one " + from.result().status());
    }
    if (config.training().epochs() <= before.training().epochs()) {
      throw new IllegalArgumentException("training.epochs must exceed the run's " + before.training().epochs()
          + " to continue it, found " + config.training().epochs());
    }
    if (!before.withTraining(before.training().withEpochs(config.training().epochs())).equals(config)) {
      throw new IllegalArgumentException(
          "a run can only be continued with its own config and more training.epochs; the configs differ");
    }
    if (!config.training().sameRatesAs(before.training(), before.training().epochs())) {
      throw new IllegalArgumentException("training.schedule " + config.training().schedule().id()
          + " over the whole run sets other learning rates for the epochs already trained; train from scratch");
    }
    return train(config, Earlier.of(from), listener);
  }

  private ExperimentRun train(ExperimentConfig config, Earlier earlier, TrainingListener listener) {
    long wallStart = System.nanoTime();
    TrainingEngine.warmUpInBackground(); // the JIT works while prepare reads the data
    Prepared p = prepare(config);
    try (TrainingMetrics metrics = new TrainingMetrics(registry, config.name(), meterTags, metricsOptions)) {
      return train(config, p, metrics, earlier, listener, wallStart);
    }
  }

  private ExperimentRun train(ExperimentConfig config, Prepared p, TrainingMetrics metrics, Earlier earlier,
      TrainingListener listener, long wallStart) {
    List<Finding> findings = new ArrayList<>(p.findings);
    InputScaling scaling = InputScaling.of(config.data().inputs());
    if (RuleBook.hasErrors(findings)) {
      findings.forEach(metrics::finding);
      return new ExperimentRun(
          result(config, p, ExperimentResult.FAILED, Double.NaN, List.of(), findings, null, metrics,
              Earlier.NONE, wallStart).withValidation(validation(config, Double.NaN)),
          p.network, p.train, p.test, null, config, metrics.runId());
    }
    earlier.restoreInto(p.network);
    findings.addAll(earlier.epochFindings());

    List<EpochStats> epochs = new ArrayList<>(earlier.epochs());
    Evaluation[] last = new Evaluation[1];
    TrainingListener watcher = new TrainingListener() {
      @Override
      public void onProgress(int epoch, long done, long total) {
        listener.onProgress(epoch, done, total);
      }

      @Override
      public boolean onEpoch(EpochResult epoch, Network network) {
        double validation = Double.NaN;
        if (p.validation != null) {
          validation = Evaluation.of(network, p.validation, scaling).accuracy();
          metrics.validation(validation);
          listener.onValidated(epoch, validation);
        }
        last[0] = Evaluation.of(network, p.test, scaling);
        double acc = last[0].accuracy();
        metrics.epoch(epoch, acc);
        epochs.add(EpochStats.of(epoch, acc, validation));
        listener.onEvaluated(epoch, acc);
        List<Finding> now = rules.check(p.context.withNetwork(network).withEpoch(epoch).at(Phase.EPOCH));
        findings.addAll(now);
        boolean goOn = listener.onEpoch(epoch, network);
        return goOn && !RuleBook.hasErrors(now);
      }
    };
    SplittableRandom shuffleRng = p.shuffleRng;
    TrainingOutcome outcome = trainer.train(
        p.network, p.train, config.training(), config.network().engine(), scaling, TargetEncoding.of(config.data().targets()),
        p.distortion, shuffleRng, earlier.epochs().size(), watcher);

    if (outcome.status() == TrainingStatus.INTERRUPTED) {
      throw new CancellationException(config.name() + ": training was interrupted in epoch "
          + (outcome.epochs().size() + earlier.epochs().size() + 1) + " after " + outcome.samplesTrained()
          + " samples; a half-trained run has no result");
    }
    String status = ExperimentResult.COMPLETED;
    if (outcome.status() == TrainingStatus.DIVERGED) {
      status = ExperimentResult.DIVERGED;
      EpochResult lastEpoch = outcome.epochs().get(outcome.epochs().size() - 1);
      findings.addAll(rules.check(p.context.withNetwork(p.network).withEpoch(lastEpoch).at(Phase.EPOCH)));
      last[0] = null;
    } else if (outcome.status() == TrainingStatus.STOPPED) {
      status = ExperimentResult.FAILED;
    }
    if (outcome.status() != TrainingStatus.DIVERGED) {
      // after a NaN every weight row looks alike; the divergence finding says all there is to say
      findings.addAll(rules.check(p.context.withNetwork(p.network).at(Phase.FINAL)));
    }
    if (status.equals(ExperimentResult.COMPLETED) && RuleBook.hasErrors(findings)) {
      status = ExperimentResult.FAILED;
    }
    findings.forEach(metrics::finding);
    double accuracy = last[0] == null ? Double.NaN : last[0].accuracy();
    Map<String, Double> rotated = last[0] == null ? Map.of()
        : RotatedAccuracy.of(p.network, p.test, scaling, config.data().augment().rotate());
    ExperimentResult result = result(
        config, p, status, accuracy, epochs, findings, last[0], metrics, earlier, wallStart)
        .withRotatedAccuracy(rotated)
        .withValidation(validation(config, last[0] == null ? Double.NaN
            : epochs.get(epochs.size() - 1).validationAccuracy()));
    return new ExperimentRun(result, p.network, p.train, p.test, last[0], config, metrics.runId());
  }

  /** Config rules, data, data rules, initial weights, init rules: everything before training. */
  private Prepared prepare(ExperimentConfig config) {
    // before the data and the weights take the heap: layers that cannot fit are one line, not an OOM
    NetworkSize.requireFits(config);
    RuleContext ctx = RuleContext.ofConfig(config);
    List<Finding> found = new ArrayList<>(rules.check(ctx));
    // the test set is read beside the training set; a bad training set is still reported first
    CompletableFuture<Dataset> testLoad =
        CompletableFuture.supplyAsync(() -> loader.load(config.data().test()));
    // the held-out samples (data.validation) leave before rotated copies (a view, not a copy) are made
    Datasets.Split split = Datasets.heldOut(loader.load(config.data().train()), config.data().validation());
    Dataset train = Datasets.augmented(split.training(), config.data().augment());
    Dataset test = join(testLoad);
    // a reader may give an empty set (an IDX file of 0 images): nothing to train on or measure
    for (Dataset d : List.of(train, test)) {
      if (d.size() == 0) {
        throw new DataException(d.name() + ": holds no samples; data." + (d == train ? "train" : "test")
            + " needs at least one");
      }
    }
    ctx = ctx.withData(train, test);
    SplittableRandom root = new SplittableRandom(config.seed());
    SplittableRandom initRng = root.split();
    SplittableRandom shuffleRng = root.split();
    // split last, so that the weights and the order stay those of the same run undistorted
    Distortion distortion = Distortion.of(config.data().distort(), train, root.split().nextLong());
    found.addAll(rules.check(ctx.at(Phase.DATA)));
    Network network = networks.create(config.network(), initRng);
    ctx = ctx.withNetwork(network);
    if (network.layerSizes()[0] == train.features()) {
      found.addAll(rules.check(ctx.at(Phase.INIT)));
    }
    // the starting weights are hashed now, before training changes them; the folder's path is in
    // the config, its content is what tells two such runs apart
    String weights = config.network().startingWeights().isPresent() ? Provenance.sha256(network) : null;
    // the datasets' hashes (0.1–0.4 s for Fashion-MNIST) are only for the record: worked out beside
    // the training, read when the result is made
    CompletableFuture<Map<String, String>> hashes = CompletableFuture.supplyAsync(() -> {
      Map<String, String> h = new LinkedHashMap<>();
      h.put("train", train.sha256());
      h.put("test", test.sha256());
      if (split.validation() != null) {
        h.put(Provenance.VALIDATION, split.validation().sha256());
      }
      if (weights != null) {
        h.put(Provenance.WEIGHTS, weights);
      }
      return h;
    });
    return new Prepared(ctx, found, train, test, split.validation(), network, shuffleRng, distortion, hashes);
  }

  private static ExperimentResult result(
      ExperimentConfig config, Prepared p, String status, double accuracy, List<EpochStats> epochs,
      List<Finding> findings, Evaluation evaluation, TrainingMetrics metrics, Earlier earlier, long wallStart) {
    Provenance provenance = Provenance.here(
        ConfigWriter.sha256(config), join(p.hashes), config.seed(), config.network().engine().describe());
    long samples = earlier.samples() + (long) metrics.samplesTrained();
    double seconds = earlier.seconds() + metrics.trainSeconds();
    return new ExperimentResult(
        config.name(), status, accuracy, seconds > 0 ? samples / seconds : 0.0, seconds,
        (System.nanoTime() - wallStart) / 1e9, samples, epochs, findings,
        evaluation == null ? null : evaluation.confusion(), provenance, ConfigWriter.toYaml(config),
        evaluation == null ? List.of() : Mistake.of(evaluation, p.test, Mistake.GALLERY_SIZE),
        Map.of());
  }

  /** The record of {@code data.validation}'s split, null without one. */
  private static Validation validation(ExperimentConfig config, double accuracy) {
    return config.data().hasValidation() ? new Validation(config.data().validation(), accuracy) : null;
  }

  /**
   * What a continued run takes over from the completed run it continues: the trained weights, the
   * epochs' figures and findings, and the training totals ({@link #NONE} for a run from scratch).
   */
  private record Earlier(
      Network network, List<EpochStats> epochs, List<Finding> epochFindings, long samples, double seconds) {
    static final Earlier NONE = new Earlier(null, List.of(), List.of(), 0, 0.0);

    static Earlier of(ExperimentRun run) {
      ExperimentResult r = run.result();
      // the rules before training run again on the same config and data; only the epochs' are carried
      List<Finding> epochFindings = r.findings().stream().filter(f -> f.phase() == Phase.EPOCH).toList();
      return new Earlier(run.network(), r.epochs(), epochFindings, r.samplesTrained(), r.trainSeconds());
    }

    void restoreInto(Network fresh) {
      for (int k = 0; network != null && k < network.weightLayers(); k++) {
        fresh.setWeights(k, network.weights(k));
      }
    }
  }

  /** The future's value, or what it threw (a {@link org.nnlab.data.DataException} stays one). */
  private static <T> T join(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }

  private record Prepared(
      RuleContext context, List<Finding> findings, Dataset train, Dataset test, Dataset validation,
      Network network, SplittableRandom shuffleRng, Distortion distortion, CompletableFuture<Map<String, String>> hashes) {}
}
