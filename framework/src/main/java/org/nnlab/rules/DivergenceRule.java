package org.nnlab.rules;

import java.util.EnumSet;
import java.util.List;
import org.nnlab.config.Severity;

/**
 * {@code divergence}: the loss and every weight stay finite. The trainer stops at the first
 * non-finite loss; this rule reports it, so a NaN ends the run visibly rather than hidden in an
 * accuracy of 0.098.
 */
public final class DivergenceRule extends AbstractRule {
  public static final String ID = "divergence";

  public DivergenceRule() {
    super(ID, Severity.ERROR, EnumSet.of(Phase.EPOCH, Phase.FINAL),
        "the loss and every weight stay finite; a NaN ends the run and is reported");
  }

  @Override
  public List<Violation> check(RuleContext context) {
    if (context.epoch() != null && !Double.isFinite(context.epoch().loss())) {
      return List.of(Violation.of(String.format(
          "epoch %d: the loss became %s after %d samples: training diverged;"
              + " lower training.learningRate or check the inputs and init scale",
          context.epoch().epoch(), context.epoch().loss(), context.epoch().samples())));
    }
    if (context.network() != null && !context.network().isFinite()) {
      return List.of(Violation.of(
          "a weight became NaN or infinite: training diverged; lower training.learningRate"));
    }
    return List.of();
  }
}
