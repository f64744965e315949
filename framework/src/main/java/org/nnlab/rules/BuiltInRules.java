package org.nnlab.rules;

import java.util.Set;

/** The catalogue of DESIGN.md, one instance of each rule. */
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
