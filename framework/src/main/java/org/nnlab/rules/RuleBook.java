package org.nnlab.rules;

import com.google.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.nnlab.config.ExperimentConfig;
import org.nnlab.config.Severity;

/**
 * The set of rules in force, applied phase by phase with each rule's effective severity (the
 * config's override, else the rule's default). Rules that are {@code off} do not run.
 *
 * <pre>{@code
 * List<Finding> found = ruleBook.check(RuleContext.ofConfig(config));
 * }</pre>
 */
public final class RuleBook {
  private final Map<String, Rule> rules;

  @Inject
  public RuleBook(Set<Rule> rules) {
    Map<String, Rule> byId = new TreeMap<>();
    for (Rule r : rules) {
      if (byId.put(r.id(), r) != null) {
        throw new IllegalArgumentException("two rules share the id '" + r.id() + "'");
      }
    }
    this.rules = byId;
  }

  /** The built-in catalogue (docs/rules.md). */
  public static RuleBook builtIn() {
    return new RuleBook(BuiltInRules.all());
  }

  /** Every rule, by id. */
  public Map<String, Rule> rules() {
    return java.util.Collections.unmodifiableMap(rules);
  }

  /** The ids of every rule, for validating a config's {@code rules:} map. */
  public Set<String> ids() {
    return rules.keySet();
  }

  /** The severity {@code rule} has under {@code context}'s config. */
  public Severity severityOf(Rule rule, RuleContext context) {
    return context.config().severityOverride(rule.id()).orElse(rule.defaultSeverity());
  }

  /** Runs every rule that looks at {@code context.phase()}; findings sorted errors first. */
  public List<Finding> check(RuleContext context) {
    List<Finding> found = new ArrayList<>();
    for (Rule rule : rules.values()) {
      if (!rule.phases().contains(context.phase())) {
        continue;
      }
      Severity severity = severityOf(rule, context);
      if (severity == Severity.OFF) {
        continue;
      }
      for (Violation v : rule.check(context)) {
        found.add(new Finding(rule.id(), severity.atMost(v.ceiling()), context.phase(), v.message()));
      }
    }
    found.sort(Comparator.comparing(Finding::severity).reversed());
    return found;
  }

  /**
   * Whether any rule in force under {@code config} looks at one of {@code phases}: when none does,
   * a check need not read the data or draw the weights.
   */
  public boolean anyRuleIn(ExperimentConfig config, java.util.Collection<Phase> phases) {
    RuleContext context = RuleContext.ofConfig(config);
    return rules.values().stream().anyMatch(r -> severityOf(r, context) != Severity.OFF
        && r.phases().stream().anyMatch(phases::contains));
  }

  /** True when any finding is an error. */
  public static boolean hasErrors(List<Finding> findings) {
    return findings.stream().anyMatch(Finding::isError);
  }
}
