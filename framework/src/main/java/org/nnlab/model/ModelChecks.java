package org.nnlab.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.nnlab.config.ConfigException;
import org.nnlab.config.ConfigLoader;
import org.nnlab.config.ExperimentConfig;
import org.nnlab.config.InputRange;
import org.nnlab.config.NetworkConfig;
import org.nnlab.config.Severity;
import org.nnlab.config.Targets;
import org.nnlab.network.Activation;
import org.nnlab.rules.InputRangeRule;
import org.nnlab.rules.Rule;
import org.nnlab.rules.TargetRangeRule;
import org.nnlab.rules.Violation;

/**
 * The checks a network read from a file passes before it is used, the same a fresh config gets:
 * its layers make a valid {@link NetworkConfig}, its input scaling and targets pass the
 * {@code input-range} and {@code target-range} rules at the severities of the config that trained
 * it (the defaults when there is none, as for NumPy weights), that config binds as a fresh one would
 * and agrees with the header, and every weight is finite.
 *
 * <pre>{@code
 * ModelChecks.settings(file, layers, activation, inputs, targets, configYaml);
 * ModelChecks.finite(file + ": W2", w, cols);
 * }</pre>
 *
 * <p>Every failure is a {@link ModelException} naming the file and the field. Stateless.
 */
final class ModelChecks {
  private ModelChecks() {}

  /**
   * Checks what a model declares besides its weights.
   *
   * @param config the canonical YAML of the run that trained it, or empty
   */
  static void settings(String name, int[] layers, Activation activation, InputRange inputs, Targets targets,
      String config) {
    List<Integer> sizes = Arrays.stream(layers).boxed().toList();
    try {
      new NetworkConfig(sizes, activation, null);
    } catch (IllegalArgumentException e) {
      throw new ModelException(name + ": " + e.getMessage(), e);
    }
    ExperimentConfig trained = null;
    if (config != null && !config.isBlank()) {
      try {
        trained = ConfigLoader.bindWritten(config, name + " (its config)");
      } catch (ConfigException e) {
        throw new ModelException(e.getMessage(), e);
      }
      agree(name, "layers", sizes, trained.network().layers());
      agree(name, "activation", activation.id(), trained.network().activation().id());
      agree(name, "inputs", text(inputs), text(trained.data().inputs()));
      agree(name, "targets", text(targets), text(trained.data().targets()));
    }
    List<Violation> found = new ArrayList<>();
    refused(new InputRangeRule(), InputRangeRule.checkRange(inputs), trained, found);
    refused(new TargetRangeRule(), TargetRangeRule.checkTargets(targets, activation), trained, found);
    if (!found.isEmpty()) {
      throw new ModelException(name + ": " + found.get(0).message());
    }
  }

  /** Every value of {@code w} (row-major, {@code cols} wide) is finite; {@code what} names it. */
  static void finite(String what, double[] w, int cols) {
    for (int i = 0; i < w.length; i++) {
      if (!Double.isFinite(w[i])) {
        throw new ModelException(String.format(Locale.ROOT,
            "%s holds %s at row %d, column %d; weights must be finite numbers", what, w[i], i / cols, i % cols));
      }
    }
  }

  /** Adds the violations that would stop a run: severity error, as the config sets it or by default. */
  private static void refused(Rule rule, List<Violation> violations, ExperimentConfig trained,
      List<Violation> found) {
    Severity severity = trained == null ? rule.defaultSeverity()
        : trained.severityOverride(rule.id()).orElse(rule.defaultSeverity());
    for (Violation v : violations) {
      if (severity.atMost(v.ceiling()) == Severity.ERROR) {
        found.add(v);
      }
    }
  }

  private static String text(InputRange r) {
    return "{min: " + r.min() + ", max: " + r.max() + "}";
  }

  private static String text(Targets t) {
    return "{off: " + t.off() + ", on: " + t.on() + "}";
  }

  private static void agree(String name, String field, Object header, Object config) {
    if (!header.equals(config)) {
      throw new ModelException(name + ": the header's " + field + " " + header
          + " differ from its config's " + config + "; the file was changed after it was written");
    }
  }
}
