package org.nnlab.rules;

import java.util.List;
import java.util.Set;
import org.nnlab.config.Severity;

/**
 * One of the conditions that make a network like the book's learn, checked against an experiment.
 * A violated rule is a {@link Finding} in the report, not an exception, so every violation is listed.
 *
 * <p>Host programs add their own through Guice:
 * <pre>{@code
 * Multibinder.newSetBinder(binder(), Rule.class).addBinding().to(MyRule.class);
 * }</pre>
 */
public interface Rule {

  /** Stable kebab-case id, used in YAML ({@code rules:}), reports and metric tags. */
  String id();

  /** Severity unless the config's {@code rules:} map says otherwise. */
  Severity defaultSeverity();

  /** The phases in which {@link #check} has something to look at. */
  Set<Phase> phases();

  /** One sentence: what the rule holds and why; shown in reports and {@code nnlab check}. */
  String description();

  /** Looks at {@code context} (in one of {@link #phases()}) and lists what is wrong; empty if nothing. */
  List<Violation> check(RuleContext context);
}
