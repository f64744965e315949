package org.nnlab.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;

class SweepAxisProperties {

  @Property
  void bins_coverEveryValue_inOrder_betweenTwoAndTen(
      @ForAll @Size(min = 11, max = 300) List<@DoubleRange(min = 0.001, max = 1000) @net.jqwik.api.constraints.Scale(4) Double> values) {
    SweepAxis axis = SweepAxis.of("x", values);
    if (axis.discrete()) {
      assertThat(axis.values()).hasSizeLessThanOrEqualTo(SweepAxis.MAX_BINS);
      return;
    }
    assertThat(axis.bins()).isBetween(2, SweepAxis.MAX_BINS);
    assertThat(axis.binLabels()).hasSize(axis.bins());
    List<Double> sorted = values.stream().sorted().toList();
    int last = 0;
    for (double v : sorted) {
      int b = axis.bin(v);
      assertThat(b).isBetween(last, axis.bins() - 1);
      last = b;
    }
  }

  @Property
  void equalCountBins_holdAtMostTwiceTheirShare_whenValuesAreDistinct(
      @ForAll @Size(min = 20, max = 200) java.util.Set<@DoubleRange(min = 0, max = 1) Double> distinct) {
    List<Double> values = List.copyOf(distinct);
    SweepAxis axis = SweepAxis.of("x", values);
    int[] count = new int[axis.bins()];
    values.forEach(v -> count[axis.bin(v)]++);
    for (int c : count) {
      assertThat(c).isPositive().isLessThanOrEqualTo(2 * (int) Math.ceil(values.size() / (double) axis.bins()));
    }
  }

  @Property
  void log_exactlyWhenPositiveAndSpanningMoreThanADecade(
      @ForAll @DoubleRange(min = 0.001, max = 100) @net.jqwik.api.constraints.Scale(4) double lo,
      @ForAll @DoubleRange(min = 0.001, max = 100) @net.jqwik.api.constraints.Scale(4) double hi) {
    SweepAxis axis = SweepAxis.of("x", List.of(lo, hi));
    assertThat(axis.log()).isEqualTo(Math.max(lo, hi) / Math.min(lo, hi) > 10);
  }
}
