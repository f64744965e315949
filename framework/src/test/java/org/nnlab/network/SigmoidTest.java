package org.nnlab.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SigmoidTest {
  private final Activation sigmoid = Activation.sigmoid();

  @Test
  void apply_atZero_isOneHalf() {
    assertThat(sigmoid.apply(0)).isEqualTo(0.5);
  }

  @Test
  void derivative_atZero_isOneQuarter() {
    assertThat(sigmoid.derivativeAt(sigmoid.apply(0))).isEqualTo(0.25);
  }

  @Test
  void inverse_undoesApply() {
    for (double x : new double[] {-5, -0.3, 0, 1.7, 6}) {
      assertThat(sigmoid.inverse(sigmoid.apply(x))).isCloseTo(x, within(1e-9));
    }
  }

  @Test
  void range_isOpenZeroOne_andNeverReached() {
    assertThat(sigmoid.apply(-30)).isGreaterThan(0);
    assertThat(sigmoid.apply(30)).isLessThan(1.0 + 1e-15);
    assertThat(sigmoid.lowerBound()).isZero();
    assertThat(sigmoid.upperBound()).isEqualTo(1.0);
  }
}
