package org.nnlab.rules;

import java.util.Objects;
import java.util.Set;
import org.nnlab.config.Severity;

/**
 * A {@link Rule} whose id, default severity, phases and description are fixed at construction, so
 * a rule class holds only its check.
 *
 * <pre>{@code
 * final class SmallHiddenLayers extends AbstractRule {
 *   SmallHiddenLayers() { super("small-hidden-layers", Severity.WARN, EnumSet.of(Phase.CONFIG), "…"); }
 *   public List<Violation> check(RuleContext c) { … }
 * }
 * }</pre>
 */
public abstract class AbstractRule implements Rule {
  private final String id;
  private final Severity defaultSeverity;
  private final Set<Phase> phases;
  private final String description;

  protected AbstractRule(String id, Severity defaultSeverity, Set<Phase> phases, String description) {
    this.id = Objects.requireNonNull(id);
    this.defaultSeverity = Objects.requireNonNull(defaultSeverity);
    this.phases = Set.copyOf(phases);
    this.description = Objects.requireNonNull(description);
  }

  @Override
  public final String id() {
    return id;
  }

  @Override
  public final Severity defaultSeverity() {
    return defaultSeverity;
  }

  @Override
  public final Set<Phase> phases() {
    return phases;
  }

  @Override
  public final String description() {
    return description;
  }

  @Override
  public String toString() {
    return id;
  }
}
