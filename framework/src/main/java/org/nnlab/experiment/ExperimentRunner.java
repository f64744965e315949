package org.nnlab.experiment;

import com.google.inject.Inject;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.nnlab.config.ConfigWriter;
import org.nnlab.config.ExperimentConfig;
import org.nnlab.data.Dataset;
import org.nnlab.data.DatasetLoader;
import org.nnlab.data.Datasets;
import org.nnlab.data.InputScaling;
import org.nnlab.data.TargetEncoding;
import org.nnlab.metrics.Evaluation;
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
 * shuffling from the second, so the same config gives bit-identical results. Thread-safe: runs share
 * nothing mutable, so a sweep may run many at once.
 */
public final class ExperimentRunner {
  private final DatasetLoader loader;
  private final RuleBook rules;
  private final NetworkFactory networks;
  private final Trainer trainer;
  private final MeterRegistry registry;
  private final Tags meterTags;

  @Inject
  public ExperimentRunner(
      DatasetLoader loader, RuleBook rules, NetworkFactory networks, Trainer trainer, MeterRegistry registry) {
    this(loader, rules, networks, trainer, registry, Tags.empty());
  }

  /** A runner whose meters carry {@code meterTags} besides {@code experiment=<name>}. */
  public ExperimentRunner(
      DatasetLoader loader, RuleBook rules, NetworkFactory networks, Trainer trainer, MeterRegistry registry,
      Tags meterTags) {
    this.loader = loader;
    this.rules = rules;
    this.networks = networks;
    this.trainer = trainer;
    this.registry = registry;
    this.meterTags = meterTags;
  }

  /** The rules that need no training (config, data, initial weights), plus the gradient check if asked. */
  public List<Finding> check(ExperimentConfig config, boolean gradients) {
    Prepared p = prepare(config);
    List<Finding> found = new ArrayList<>(p.findings);
    if (gradients && p.network != null) {
      found.addAll(rules.check(p.context.at(Phase.GRADIENT)));
    }
    return found;
  }

  /** Checks, trains and evaluates {@code config}. Bad data throws; rule violations are findings. */
  public ExperimentRun run(ExperimentConfig config, TrainingListener listener) {
    long wallStart = System.nanoTime();
    TrainingEngine.warmUpInBackground(); // the JIT works while prepare reads the data
    Prepared p = prepare(config);
    TrainingMetrics metrics = new TrainingMetrics(registry, config.name(), meterTags);
    List<Finding> findings = new ArrayList<>(p.findings);
    InputScaling scaling = InputScaling.of(config.data().inputs());
    if (RuleBook.hasErrors(findings)) {
      findings.forEach(metrics::finding);
      return new ExperimentRun(
          result(config, p, ExperimentResult.FAILED, Double.NaN, List.of(), findings, null, metrics, wallStart),
          p.network, p.train, p.test, null, config);
    }

    List<EpochStats> epochs = new ArrayList<>();
    Evaluation[] last = new Evaluation[1];
    TrainingListener watcher = new TrainingListener() {
      @Override
      public void onProgress(int epoch, long done, long total) {
        listener.onProgress(epoch, done, total);
      }

      @Override
      public boolean onEpoch(EpochResult epoch, Network network) {
        last[0] = Evaluation.of(network, p.test, scaling);
        double acc = last[0].accuracy();
        metrics.epoch(epoch, acc);
        epochs.add(new EpochStats(epoch.epoch(), acc, epoch.loss(), epoch.seconds(), epoch.samplesPerSecond()));
        List<Finding> now = rules.check(p.context.withNetwork(network).withEpoch(epoch).at(Phase.EPOCH));
        findings.addAll(now);
        boolean goOn = listener.onEpoch(epoch, network);
        return goOn && !RuleBook.hasErrors(now);
      }
    };
    SplittableRandom shuffleRng = p.shuffleRng;
    TrainingOutcome outcome = trainer.train(
        p.network, p.train, config.training(), config.network().precision(), scaling, TargetEncoding.of(config.data().targets()),
        shuffleRng, watcher);

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
    ExperimentResult result = result(config, p, status, accuracy, epochs, findings, last[0], metrics, wallStart)
        .withRotatedAccuracy(rotated);
    return new ExperimentRun(result, p.network, p.train, p.test, last[0], config);
  }

  /** Config rules, data, data rules, initial weights, init rules: everything before training. */
  private Prepared prepare(ExperimentConfig config) {
    RuleContext ctx = RuleContext.ofConfig(config);
    List<Finding> found = new ArrayList<>(rules.check(ctx));
    // rotated copies (data.augment) are a view over the loaded images, not a copy
    Dataset train = Datasets.augmented(loader.load(config.data().train()), config.data().augment());
    Dataset test = loader.load(config.data().test());
    ctx = ctx.withData(train, test);
    found.addAll(rules.check(ctx.at(Phase.DATA)));
    SplittableRandom root = new SplittableRandom(config.seed());
    SplittableRandom initRng = root.split();
    SplittableRandom shuffleRng = root.split();
    Network network = networks.create(config.network(), initRng);
    ctx = ctx.withNetwork(network);
    if (network.layerSizes()[0] == train.features()) {
      found.addAll(rules.check(ctx.at(Phase.INIT)));
    }
    return new Prepared(ctx, found, train, test, network, shuffleRng);
  }

  private static ExperimentResult result(
      ExperimentConfig config, Prepared p, String status, double accuracy, List<EpochStats> epochs,
      List<Finding> findings, Evaluation evaluation, TrainingMetrics metrics, long wallStart) {
    Map<String, String> hashes = new LinkedHashMap<>();
    hashes.put("train", p.train.sha256());
    hashes.put("test", p.test.sha256());
    Provenance provenance = Provenance.here(ConfigWriter.sha256(config), hashes, config.seed());
    return new ExperimentResult(
        config.name(), status, accuracy, metrics.samplesPerSecond(), metrics.trainSeconds(),
        (System.nanoTime() - wallStart) / 1e9, (long) metrics.samplesTrained(), epochs, findings,
        evaluation == null ? null : evaluation.confusion(), provenance, ConfigWriter.toYaml(config),
        evaluation == null ? List.of() : Mistake.of(evaluation, p.test, Mistake.GALLERY_SIZE),
        Map.of());
  }

  private record Prepared(
      RuleContext context, List<Finding> findings, Dataset train, Dataset test, Network network,
      SplittableRandom shuffleRng) {}
}
