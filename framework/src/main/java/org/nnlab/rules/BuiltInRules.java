package org.nnlab.rules;

import java.util.Set;

/** The built-in rules of docs/rules.md, one instance of each. */
public final class BuiltInRules {
  private BuiltInRules() {}

  /** A fresh instance of every built-in rule. */
  public static Set<Rule> all() {
    return Set.of(
        new InputRangeRule(),
        new TargetRangeRule(),
        new InitScaleRule(),
        new SymmetryRule(),
        new LearningRateRule(),
        new LayerShapeRule(),
        new SaturationRule(),
        new DivergenceRule(),
        new GradientRule());
  }
}
