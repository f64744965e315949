package org.nnlab.cli;

import com.google.inject.Inject;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.nnlab.config.ConfigDocument;
import org.nnlab.config.ExperimentConfig;
import org.nnlab.experiment.ExperimentRunner;
import org.nnlab.rules.Finding;
import org.nnlab.rules.RuleBook;
import org.nnlab.sweep.SweepPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code nnlab check CONFIG}: every rule that can run before training; exit 1 on an error. */
@Command(name = "check", description = "Check every rule that can run before training.")
final class CheckCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;

  @Option(names = "--gradients", description = "also compare back-propagation with finite differences")
  boolean gradients;

  @Spec CommandSpec spec;

  private final ExperimentRunner runner;
  private final RuleBook rules;

  @Inject
  CheckCommand(ExperimentRunner runner, RuleBook rules) {
    this.runner = runner;
    this.rules = rules;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    ConfigDocument doc = options.document(rules.ids());
    if (doc.hasSweep()) {
      // every point must bind and pass the config rules; the base is then checked in full below
      SweepPlan plan = SweepPlan.of(doc);
      plan.validate(rules);
      out.printf("sweep: %d point(s), %d trial(s), every point passes the config rules%n",
          plan.points().size(), plan.size());
    }
    ExperimentConfig config = doc.bind();
    if (gradients) { // checked on the engine that trains: say which
      RunCommand.printEngine(config.name(), config.network().engine(), out, spec.commandLine().getErr());
    }
    List<Finding> found = runner.check(config, gradients);
    for (Finding f : found) {
      out.println(f);
    }
    long errors = found.stream().filter(Finding::isError).count();
    out.printf("%s: %d error(s), %d warning(s)%n", options.config, errors, found.size() - errors);
    return errors > 0 ? Main.RULE_ERROR : Main.OK;
  }
}
