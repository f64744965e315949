package org.nnlab.rules;

import java.util.EnumSet;
import java.util.List;
import org.nnlab.config.Schedule;
import org.nnlab.config.Severity;
import org.nnlab.config.TrainingConfig;

/**
 * {@code learning-rate}: 0 &lt; α; a warning when the rate of any epoch (under {@code
 * training.schedule}) is above 1, where steps overshoot the minimum, or below {@value #TINY}, where a
 * step α·δ·oᵀ (δ·o ~ 5e-3) is about one float32 ulp of a weight of 0.05 and rounds away.
 */
public final class LearningRateRule extends AbstractRule {
  public static final String ID = "learning-rate";
  /** Below this rate an epoch's steps change float32 weights by about an ulp: nothing is learned. */
  public static final double TINY = 1e-6;

  public LearningRateRule() {
    super(ID, Severity.ERROR, EnumSet.of(Phase.CONFIG),
        "0 < α (nothing is learned otherwise); an epoch's α > 1 (steps overshoot the minimum) or α < 1e-6"
            + " (steps round away) is warned about, at every epoch of the schedule");
  }

  @Override
  public List<Violation> check(RuleContext context) {
    TrainingConfig t = context.config().training();
    double lr = t.learningRate();
    if (!(lr > 0)) {
      return List.of(Violation.of(String.format(
          "training.learningRate = %s must be > 0: a step of α·δ·Oᵀ with α ≤ 0 learns nothing or climbs the error;"
              + " the book uses 0.1", lr)));
    }
    boolean scheduled = !(t.schedule() instanceof Schedule.Constant);
    String which = scheduled ? " (training.schedule " + t.schedule().id() + ")" : "";
    for (int e = 1; e <= t.epochs(); e++) {
      double rate = t.learningRate(e);
      String at = scheduled ? "epoch " + e + "'s learning rate" + which : "training.learningRate";
      if (rate > 1) {
        return List.of(Violation.advisory(String.format(
            "%s = %s is above 1: steps this large overshoot the minimum; the book uses 0.1–0.3", at, rate)));
      }
      if (rate < TINY) {
        return List.of(Violation.advisory(String.format(
            "%s = %.3g is below %s: its steps (α·δ·oᵀ, δ·o ~ 5e-3) are about an ulp of a float32 weight of 0.05"
                + " and round away; a gentler decay or fewer epochs", at, rate, TINY)));
      }
    }
    return List.of();
  }
}
