package org.nnlab.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.nnlab.config.Distort;
import org.nnlab.rules.RuleBook;

/** {@code data.distort} keys are sweep parameters like any other, checked before anything trains. */
class DistortSweepTest {

  @Test
  void distortKeys_sweep_eachTrialCarryingItsDistortion() {
    SweepPlan plan = SweepFixtures.plan("""
        sweep:
          parameters:
            data.distort.rotate: [0, 10]
            data.distort.elastic.alpha: [8]
        """);
    plan.validate(RuleBook.builtIn());
    assertThat(plan.trials()).hasSize(2);
    assertThat(plan.configOf(plan.trials().get(0)).data().distort()).isEqualTo(Distort.NONE.withElastic(8, 4));
    assertThat(plan.configOf(plan.trials().get(1)).data().distort())
        .isEqualTo(Distort.NONE.withRotate(10).withElastic(8, 4));
  }

  @Test
  void aRefusedDistortValue_isAnOffendingPoint() {
    SweepPlan plan = SweepFixtures.plan("sweep:\n  parameters:\n    data.distort.shift: [1, -1]\n");
    assertThatThrownBy(() -> plan.validate(RuleBook.builtIn()))
        .hasMessageStartingWith("the sweep is invalid, 1 offending point(s):")
        .hasMessageContaining("point {data.distort.shift=-1}: ")
        .hasMessageContaining("data.distort.shift must be ≥ 0 pixels, found -1.0");
  }
}
