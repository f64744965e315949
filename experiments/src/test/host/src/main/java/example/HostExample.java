package example;

import com.google.inject.multibindings.Multibinder;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.nnlab.config.ExperimentConfig;
import org.nnlab.config.Severity;
import org.nnlab.experiment.ExperimentRun;
import org.nnlab.inject.Nnlab;
import org.nnlab.metrics.MetricsOptions;
import org.nnlab.report.ReportWriter;
import org.nnlab.rules.AbstractRule;
import org.nnlab.rules.Phase;
import org.nnlab.rules.Rule;
import org.nnlab.rules.RuleContext;
import org.nnlab.rules.Violation;
import org.nnlab.sweep.ResultsStore;
import org.nnlab.sweep.SweepSpec;
import org.nnlab.sweep.TrialResult;

/**
 * A host program: a config built in code, a rule of its own, a run, a 6-point sweep with its HTML
 * report, Prometheus.
 */
public final class HostExample {

  /** The host's rule: hidden layers of at most 12 nodes (a warning, so it shows as a finding). */
  public static final class SmallHiddenLayers extends AbstractRule {
    public SmallHiddenLayers() {
      super("small-hidden-layers", Severity.WARN, EnumSet.of(Phase.CONFIG), "hidden layers have at most 12 nodes");
    }

    @Override
    public List<Violation> check(RuleContext c) {
      List<Integer> layers = c.config().network().layers();
      return layers.subList(1, layers.size() - 1).stream().anyMatch(n -> n > 12)
          ? List.of(Violation.of("a hidden layer has more than 12 nodes")) : List.of();
    }
  }

  public static void main(String[] args) throws Exception {
    PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Nnlab nnlab = Nnlab.create(
        b -> b.bind(MeterRegistry.class).toInstance(prometheus),
        b -> b.bind(MetricsOptions.class).toInstance(MetricsOptions.KEEP), // scrape after the runs end
        b -> Multibinder.newSetBinder(b, Rule.class).addBinding().to(SmallHiddenLayers.class));

    ExperimentConfig config = ExperimentConfig.builder()
        .name("host-run").train("mnist-sample:train").test("mnist-sample:test")
        .layers(784, 16, 10).learningRate(0.2).epochs(1)
        .build();
    ExperimentRun run = nnlab.run(config);
    System.out.println("run " + run.runId() + " none " + run.result().accuracy() + " " + run.result().findings());

    SweepSpec sweep = SweepSpec.grid(config.withName("host-sweep"))
        .values("training.learningRate", 0.1, 0.3, 0.6)
        .values("network.layers[1]", 8, 16);
    try (ResultsStore store = ResultsStore.inMemory()) {
      List<TrialResult> trials = nnlab.sweep(sweep, store, false);
      for (TrialResult t : trials) {
        System.out.println("trial " + t.trial() + " " + t.result().accuracy());
      }
      Path reports = Path.of("runs", "host-sweep");
      new ReportWriter().writeSweep(trials, reports); // nnlab-report: report.md, report.html, trials.csv
      System.out.println("report " + reports.resolve(ReportWriter.REPORT_HTML));
    }
    System.out.print(prometheus.scrape());
  }
}
