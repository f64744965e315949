package org.nnlab.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.experiment.ExperimentRun;
import org.nnlab.experiment.ExperimentRunner;
import org.nnlab.experiment.NetworkFactory;
import org.nnlab.metrics.MetricsOptions;
import org.nnlab.metrics.TrainingMetrics;
import org.nnlab.rules.RuleBook;
import org.nnlab.training.Trainer;
import org.nnlab.training.TrainingListener;

/**
 * A host's registry holds one series per run and per trial, whatever ran before or beside it: two
 * runs of one name, a sweep after a run, two sweeps at once — read back from a
 * {@link SimpleMeterRegistry} and from a Prometheus registry's {@code scrape()}, with no warning
 * from Micrometer.
 */
class HostMetricsTest {
  private static final Pattern ACCURACY =
      Pattern.compile("^nnlab_eval_accuracy\\{experiment=\"tiny\",run=\"(\\w+)\",trial=\"((?:[^\"\\\\]|\\\\.)*)\"} (\\S+)$",
          Pattern.MULTILINE);

  private final List<LogRecord> warnings = new ArrayList<>();
  private final Handler handler = new Handler() {
    @Override
    public void publish(LogRecord r) {
      if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
        warnings.add(r);
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  @BeforeEach
  void listen() {
    Logger.getLogger("io.micrometer").addHandler(handler);
  }

  @AfterEach
  void stopListening() {
    Logger.getLogger("io.micrometer").removeHandler(handler);
  }

  @Test
  void twoRunsOfOneName_thenASweep_eachHaveTheirOwnSeries_inPrometheus() throws Exception {
    PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    ExperimentRunner.Factory runners = runners(prometheus, MetricsOptions.KEEP);
    ExperimentRunner runner = runners.create(new SweepFixtures.CountingLoader(), Tags.empty());
    SweepPlan plan = SweepFixtures.plan("sweep:\n  parameters:\n    training.learningRate: [0.1, 0.3, 0.6]\n");
    ExperimentRun first = runner.run(plan.base(), TrainingListener.NONE);
    ExperimentRun second = runner.run(plan.base().withTraining(plan.base().training().withEpochs(2)), TrainingListener.NONE);
    List<TrialResult> trials = sweep(plan, prometheus);

    Map<String, Double> expected = new TreeMap<>();
    expected.put(first.runId() + "/none", first.result().accuracy());
    expected.put(second.runId() + "/none", second.result().accuracy());
    String sweepRun = sweepRunOf(prometheus.scrape(), expected.keySet());
    trials.forEach(t -> expected.put(sweepRun + "/" + t.trial(), t.result().accuracy()));
    assertThat(first.runId()).isNotEqualTo(second.runId());
    assertThat(first.result().accuracy()).isNotEqualTo(second.result().accuracy());
    assertThat(accuracies(prometheus.scrape())).isEqualTo(expected).hasSize(5);
    assertThat(prometheus.scrape()).contains("nnlab_train_samples_total{experiment=\"tiny\",run=\"" + second.runId()
        + "\",trial=\"none\"} " + (double) second.result().samplesTrained());
    assertThat(warnings).isEmpty();
  }

  @Test
  void twoSweepsAtOnce_keepEveryTrialApart_inBothRegistries(@TempDir Path dir) throws Exception {
    PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    SimpleMeterRegistry simple = new SimpleMeterRegistry();
    io.micrometer.core.instrument.composite.CompositeMeterRegistry both =
        new io.micrometer.core.instrument.composite.CompositeMeterRegistry();
    both.add(prometheus);
    both.add(simple);
    SweepPlan plan = SweepFixtures.plan("sweep:\n  parameters:\n    training.learningRate: [0.1, 0.3]\n");
    CompletableFuture<List<TrialResult>> a = CompletableFuture.supplyAsync(() -> sweep(plan, both));
    CompletableFuture<List<TrialResult>> b = CompletableFuture.supplyAsync(() -> sweep(plan, both));
    List<TrialResult> all = new ArrayList<>(a.join());
    all.addAll(b.join());

    Map<String, Double> scraped = accuracies(prometheus.scrape());
    assertThat(scraped).hasSize(4);
    assertThat(scraped.keySet().stream().map(k -> k.substring(0, k.indexOf('/'))).distinct()).hasSize(2);
    assertThat(scraped.values()).containsExactlyInAnyOrderElementsOf(all.stream().map(t -> t.result().accuracy()).toList());
    for (TrialResult t : all) {
      assertThat(simple.get(TrainingMetrics.ACCURACY).tag(TrainingMetrics.TRIAL, t.trial()).gauges())
          .hasSize(2).allSatisfy(g -> assertThat(g.value()).isEqualTo(t.result().accuracy()));
    }
    assertThat(warnings).isEmpty();
  }

  @Test
  void byDefault_aRunsMetersLeaveTheHostsRegistry_whenItEnds() {
    PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    ExperimentRunner runner = new ExperimentRunner(new SweepFixtures.CountingLoader(), RuleBook.builtIn(),
        NetworkFactory.fromConfig(), new Trainer(), prometheus);
    SweepPlan plan = SweepFixtures.plan("sweep:\n  parameters:\n    training.learningRate: [0.1]\n");
    double[] during = {Double.NaN};
    ExperimentRun run = runner.run(plan.base(), new TrainingListener() {
      @Override
      public boolean onEpoch(org.nnlab.training.EpochResult epoch, org.nnlab.network.Network network) {
        during[0] = accuracies(prometheus.scrape()).values().iterator().next();
        return true;
      }
    });
    assertThat(during[0]).isEqualTo(run.result().accuracy());
    assertThat(prometheus.getMeters()).isEmpty();
    assertThat(prometheus.scrape()).doesNotContain("nnlab_");
  }

  private static List<TrialResult> sweep(SweepPlan plan, MeterRegistry registry) {
    try {
      Path dir = java.nio.file.Files.createTempDirectory("host-metrics");
      try (ResultsStore store = ResultsStore.open(dir.resolve(ResultsStore.FILE))) {
        return new SweepRunner(new SweepFixtures.CountingLoader(), runners(registry, MetricsOptions.KEEP))
            .run(plan, store, 2, SweepListener.NONE);
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static ExperimentRunner.Factory runners(MeterRegistry registry, MetricsOptions options) {
    return new ExperimentRunner.Factory(RuleBook.builtIn(), NetworkFactory.fromConfig(), new Trainer(), registry, options);
  }

  /** "run/trial" → accuracy, for every series of {@code nnlab_eval_accuracy} in a scrape. */
  private static Map<String, Double> accuracies(String scrape) {
    Map<String, Double> found = new TreeMap<>();
    Matcher m = ACCURACY.matcher(scrape);
    while (m.find()) {
      String trial = m.group(2).replace("\\\"", "\"").replace("\\\\", "\\");
      assertThat(found.put(m.group(1) + "/" + trial, Double.parseDouble(m.group(3)))).isNull();
    }
    return found;
  }

  private static String sweepRunOf(String scrape, java.util.Set<String> runs) {
    return accuracies(scrape).keySet().stream().filter(k -> !runs.contains(k))
        .map(k -> k.substring(0, k.indexOf('/'))).distinct().reduce((x, y) -> {
          throw new AssertionError("two sweep run ids " + x + ", " + y);
        }).orElseThrow();
  }
}
