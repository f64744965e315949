package org.nnlab.rules;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.nnlab.config.Severity;
import org.nnlab.config.Targets;
import org.nnlab.network.Activation;

/**
 * {@code target-range}: targets lie strictly inside the output activation's range, off below on.
 * The sigmoid never reaches 0 or 1, so chasing them grows weights without bound.
 */
public final class TargetRangeRule extends AbstractRule {
  public static final String ID = "target-range";

  public TargetRangeRule() {
    super(ID, Severity.ERROR, EnumSet.of(Phase.CONFIG),
        "targets lie strictly inside the activation's range (0.01/0.99 for the sigmoid), which it never reaches");
  }

  @Override
  public List<Violation> check(RuleContext context) {
    return checkTargets(context.config().data().targets(), context.config().network().activation());
  }

  /**
   * What is wrong with targets {@code t} for activation {@code f} by this rule, whatever holds them:
   * a config, or a model file's header (checked when it is loaded).
   */
  public static List<Violation> checkTargets(Targets t, Activation f) {
    List<Violation> found = new ArrayList<>();
    inside("off", t.off(), f, found);
    inside("on", t.on(), f, found);
    if (!(t.off() < t.on())) {
      found.add(Violation.of(String.format(
          "data.targets: off %s must be below on %s, or the label's node is trained down", t.off(), t.on())));
    }
    return found;
  }

  private static void inside(String key, double v, Activation f, List<Violation> found) {
    if (!(v > f.lowerBound() && v < f.upperBound())) {
      found.add(Violation.of(String.format(
          "data.targets.%s = %s is not strictly inside the %s's range (%s, %s): it is never reached,"
              + " so chasing it grows weights without bound; use %s",
          key, v, f.id(), f.lowerBound(), f.upperBound(), key.equals("on") ? "0.99" : "0.01")));
    }
  }
}
