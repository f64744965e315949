package org.nnlab.data;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.nnlab.config.InputRange;

class InputScalingProperties {
  private final InputScaling book = InputScaling.of(InputRange.DEFAULT);

  @Property
  void everyByte_mapsIntoOneHundredthToOne(@ForAll @IntRange(min = 0, max = 255) int pixel) {
    double x = book.apply(pixel);
    assertThat(x).isBetween(0.01, 1.0);
    assertThat(x).isCloseTo(pixel / 255.0 * 0.99 + 0.01, org.assertj.core.data.Offset.offset(1e-15));
  }

  @Property
  void scaling_isMonotone_andInvertible(@ForAll @IntRange(min = 0, max = 254) int pixel) {
    assertThat(book.apply(pixel + 1)).isGreaterThan(book.apply(pixel));
    assertThat(book.pixelOf(book.apply(pixel))).isEqualTo(pixel);
  }

  @Test
  void ends_areExactlyTheBooksValues() {
    assertThat(book.apply(0)).isEqualTo(0.01);
    assertThat(book.apply(255)).isEqualTo(1.0);
  }
}
