package org.nnlab.inject;

import com.google.inject.Guice;
import com.google.inject.Inject;
import com.google.inject.Module;
import com.google.inject.util.Modules;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.nnlab.config.ConfigDocument;
import org.nnlab.config.ConfigException;
import org.nnlab.config.ConfigLoader;
import org.nnlab.config.ExperimentConfig;
import org.nnlab.experiment.ExperimentRun;
import org.nnlab.experiment.ExperimentRunner;
import org.nnlab.model.Model;
import org.nnlab.model.ModelFile;
import org.nnlab.rules.Finding;
import org.nnlab.rules.RuleBook;
import org.nnlab.rules.RuleException;
import org.nnlab.sweep.PointFindings;
import org.nnlab.sweep.ResultsStore;
import org.nnlab.sweep.SweepIdentity;
import org.nnlab.sweep.SweepListener;
import org.nnlab.sweep.SweepPlan;
import org.nnlab.sweep.SweepRunner;
import org.nnlab.sweep.SweepSpec;
import org.nnlab.sweep.TrialResult;
import org.nnlab.training.TrainingListener;

/**
 * The one entry point a host needs: read and check configs, run them, sweep them, query a model —
 * with the rules, data loader, network factory and meter registry of the injector it came from.
 *
 * <pre>{@code
 * Nnlab nnlab = Nnlab.create();                          // or @Inject Nnlab nnlab, beside NnlabModule
 * ExperimentConfig config = nnlab.load(Path.of("configs/quickstart.yaml"));
 * ExperimentRun run = nnlab.run(config);
 * List<TrialResult> trials = nnlab.sweep(SweepSpec.grid(config).values("training.learningRate", 0.1, 0.3),
 *     ResultsStore.inMemory(), false);
 * }</pre>
 *
 * <p>Every error a caller can cause is an {@link org.nnlab.NnlabException}: a config that does not
 * bind is a {@link ConfigException} (also when a record built in code refuses a value), a dataset
 * that cannot be read a {@code DataException}, and so on. A violated rule is a finding in the
 * result, never an exception — except that a sweep refuses to start with a point that breaks a rule
 * at {@code error} severity ({@link RuleException}, carrying the findings; {@link #checkSweep}
 * lists every point's findings instead). Thread-safe: many runs and sweeps may go at once; their
 * meters stay apart ({@link org.nnlab.metrics.TrainingMetrics}).
 *
 * <p>Reports are not written here: {@code org.nnlab.report.ReportWriter}, in the artifact
 * {@code nnlab-report} (which this one does not depend on, so a host that only trains carries no
 * templates or charts), writes report.md and report.html from a run or from the trials a sweep returns.
 */
public final class Nnlab {
  private final ConfigLoader configs;
  private final RuleBook rules;
  private final ExperimentRunner runner;
  private final SweepRunner sweeps;

  @Inject
  public Nnlab(ConfigLoader configs, RuleBook rules, ExperimentRunner runner, SweepRunner sweeps) {
    this.configs = configs;
    this.rules = rules;
    this.runner = runner;
    this.sweeps = sweeps;
  }

  /** For a host without an injector: nnlab's defaults ({@link NnlabModule}). */
  public static Nnlab create() {
    return create(new Module[0]);
  }

  /**
   * For a host without an injector: nnlab's defaults with {@code overrides} over them — its
   * {@code MeterRegistry}, {@code MetricsOptions}, rules (a {@code Multibinder<Rule>} adds to the
   * built-in ones), dataset loader.
   *
   * <pre>{@code
   * Nnlab nnlab = Nnlab.create(b -> b.bind(MeterRegistry.class).toInstance(prometheus));
   * }</pre>
   */
  public static Nnlab create(Module... overrides) {
    return Guice.createInjector(Modules.override(new NnlabModule()).with(overrides)).getInstance(Nnlab.class);
  }

  /** The loader this instance reads configs with: it knows every rule bound, the host's too. */
  public ConfigLoader configLoader() {
    return configs;
  }

  /** Reads {@code file}, with {@code overrides} ({@code "training.epochs=3"}) applied in order. */
  public ExperimentConfig load(Path file, String... overrides) {
    return configs.read(file, List.of(overrides));
  }

  /** Reads a config from YAML text; {@code name} stands for the file in messages. */
  public ExperimentConfig parse(String yaml, String name) {
    return configs.parse(yaml, name);
  }

  /**
   * A config built in code ({@code ExperimentConfig.builder()…build()}), or any other step that
   * builds records, with a value the records refuse reported as a {@link ConfigException}.
   */
  public static ExperimentConfig build(Supplier<ExperimentConfig> builder) {
    return boundary(builder);
  }

  /** The rules that need no training; the data is read only when a rule in force looks at it. */
  public List<Finding> check(ExperimentConfig config) {
    return boundary(() -> runner.check(knownRules(config), false));
  }

  /** As {@link #check(ExperimentConfig)}, plus the gradient check against finite differences. */
  public List<Finding> checkWithGradients(ExperimentConfig config) {
    return boundary(() -> runner.check(knownRules(config), true));
  }

  /** Checks, trains and evaluates {@code config}; rule violations are findings in the result. */
  public ExperimentRun run(ExperimentConfig config) {
    return run(config, TrainingListener.NONE);
  }

  /** As {@link #run(ExperimentConfig)}, telling {@code listener} about progress and epochs. */
  public ExperimentRun run(ExperimentConfig config, TrainingListener listener) {
    return boundary(() -> runner.run(knownRules(config), listener));
  }

  /**
   * The plan of a sweep config file ({@code sweep:} block), checked point by point.
   *
   * @throws RuleException when a point breaks a rule at {@code error} severity, with each such
   *     point's findings ({@link #checkSweep(Path, String...)} lists them without throwing)
   */
  public SweepPlan plan(Path file, String... overrides) {
    SweepPlan plan = unchecked(file, overrides);
    plan.validate(rules);
    return plan;
  }

  /**
   * The plan of a sweep declared in code, checked point by point.
   *
   * @throws RuleException when a point breaks a rule at {@code error} severity, with each such
   *     point's findings ({@link #checkSweep(SweepSpec)} lists them without throwing)
   */
  public SweepPlan plan(SweepSpec spec) {
    SweepPlan plan = unchecked(spec);
    plan.validate(rules);
    return plan;
  }

  /**
   * What the config rules find at each point of {@code spec}'s sweep, warnings too, before
   * anything trains: a point with {@link PointFindings#errors()} would make {@link #sweep} refuse.
   *
   * @return one entry per point, in plan order
   * @throws ConfigException when a point's values do not bind
   */
  public List<PointFindings> checkSweep(SweepSpec spec) {
    return unchecked(spec).check(rules);
  }

  /** As {@link #checkSweep(SweepSpec)}, for a sweep config file with {@code overrides} applied. */
  public List<PointFindings> checkSweep(Path file, String... overrides) {
    return unchecked(file, overrides).check(rules);
  }

  private SweepPlan unchecked(Path file, String... overrides) {
    return SweepPlan.of(configs.document(file).withOverrides(List.of(overrides)));
  }

  private SweepPlan unchecked(SweepSpec spec) {
    return boundary(() -> spec.plan(configs));
  }

  /**
   * Runs {@code spec}'s sweep into {@code store}: see {@link #sweep(SweepPlan, ResultsStore, boolean)}.
   *
   * @throws RuleException before anything trains, when a point breaks a rule at {@code error} severity
   */
  public List<TrialResult> sweep(SweepSpec spec, ResultsStore store, boolean resume) throws IOException {
    return sweep(plan(spec), store, resume);
  }

  /**
   * Runs the plan's trials on {@code sweep.parallelism} threads (default: the cores), storing each
   * as it finishes. A store that holds trials is refused unless {@code resume}, and then only when
   * they are this sweep's ({@link SweepIdentity}); resuming runs only the trials it lacks.
   *
   * @return every trial of the sweep, in plan order
   * @throws org.nnlab.output.OutputException when the store holds another sweep's trials, or
   *     trials and {@code resume} is false
   */
  public List<TrialResult> sweep(SweepPlan plan, ResultsStore store, boolean resume) throws IOException {
    return sweep(plan, store, resume, SweepListener.NONE);
  }

  /** As {@link #sweep(SweepPlan, ResultsStore, boolean)}, telling {@code listener} about each trial. */
  public List<TrialResult> sweep(SweepPlan plan, ResultsStore store, boolean resume, SweepListener listener)
      throws IOException {
    store.claim(SweepIdentity.of(plan), resume);
    int threads = plan.sweep().parallelism().orElse(SweepRunner.defaultParallelism());
    return sweeps.run(plan, store, threads, listener);
  }

  /** The model a run trained, to query in memory. */
  public static Model model(ExperimentRun run) {
    return Model.of(run);
  }

  /** A model file ({@code model.nnlab}) read back. */
  public static Model model(Path file) {
    return ModelFile.load(file);
  }

  /** A config built in code names rules no loader has checked: each must be bound here. */
  private ExperimentConfig knownRules(ExperimentConfig config) {
    for (String id : config.rules().keySet()) {
      if (!rules.ids().contains(id)) {
        throw new ConfigException("rules." + id + " is not a known rule; allowed: " + String.join(", ", rules.ids()));
      }
    }
    return config;
  }

  /** Records refuse a caller's bad value with {@link IllegalArgumentException}; here it becomes a config error. */
  private static <T> T boundary(Supplier<T> step) {
    try {
      return step.get();
    } catch (IllegalArgumentException e) {
      throw new ConfigException("the config is invalid: " + e.getMessage(), e);
    }
  }
}
