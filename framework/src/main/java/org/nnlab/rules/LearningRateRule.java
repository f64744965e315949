package org.nnlab.rules;

import java.util.EnumSet;
import java.util.List;
import org.nnlab.config.Severity;

/** {@code learning-rate}: 0 &lt; α; a warning when α &gt; 1, where steps overshoot the minimum. */
public final class LearningRateRule extends AbstractRule {
  public static final String ID = "learning-rate";

  public LearningRateRule() {
    super(ID, Severity.ERROR, EnumSet.of(Phase.CONFIG),
        "0 < α (nothing is learned otherwise); α > 1 is warned about: steps overshoot the minimum");
  }

  @Override
  public List<Violation> check(RuleContext context) {
    double lr = context.config().training().learningRate();
    if (!(lr > 0)) {
      return List.of(Violation.of(String.format(
          "training.learningRate = %s must be > 0: a step of α·δ·Oᵀ with α ≤ 0 learns nothing or climbs the error;"
              + " the book uses 0.1", lr)));
    }
    if (lr > 1) {
      return List.of(Violation.advisory(String.format(
          "training.learningRate = %s is above 1: steps this large overshoot the minimum; the book uses 0.1–0.3",
          lr)));
    }
    return List.of();
  }
}
