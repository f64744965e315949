package org.nnlab.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class ImportanceTest {

  @Test
  void of_twoValuesTwoTrialsEach_isTheBetweenShareComputedByHand() {
    // means 0.2 and 0.6 around 0.4: between 4·0.04 = 0.16; total 0.09+0.01+0.01+0.09 = 0.2; η² = 0.8
    List<Importance.Sample> s = List.of(sample(1, 5, 0.1), sample(1, 6, 0.3), sample(2, 5, 0.5), sample(2, 6, 0.7));
    List<Importance.Share> shares = Importance.of(axes(s), s);
    assertThat(shares.get(0).key()).isEqualTo("a");
    assertThat(shares.get(0).eta2()).isCloseTo(0.8, within(1e-12));
    // b: means 0.3 and 0.5: between 4·0.01 = 0.04, η² = 0.2
    assertThat(shares.get(1).eta2()).isCloseTo(0.2, within(1e-12));
  }

  @Test
  void of_leavesOutTrialsWithoutAnAccuracy() {
    List<Importance.Sample> s = List.of(sample(1, 5, 0.1), sample(2, 5, 0.5), sample(3, 5, Double.NaN));
    assertThat(Importance.of(axes(s), s).get(0).eta2()).isCloseTo(1.0, within(1e-12));
  }

  @Property
  void eta2_liesBetweenZeroAndOne(@ForAll @Size(min = 2, max = 40) List<@IntRange(min = 0, max = 30) Integer> a,
      @ForAll @DoubleRange(min = 0, max = 1) double noise) {
    List<Importance.Sample> s = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      s.add(sample(a.get(i), i % 3, (a.get(i) * 7 + i * noise) % 1));
    }
    for (Importance.Share sh : Importance.of(axes(s), s)) {
      assertThat(sh.eta2()).isBetween(0.0, 1.0);
    }
  }

  @Property
  void eta2_isOne_whenAccuracyDependsOnlyOnTheParameter(
      @ForAll @Size(min = 2, max = 40) List<@IntRange(min = 0, max = 6) Integer> a) {
    List<Importance.Sample> s = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      s.add(sample(a.get(i), i, a.get(i) / 10.0));
    }
    double eta2 = Importance.of(axes(s), s).stream().filter(x -> x.key().equals("a")).findFirst().orElseThrow().eta2();
    // one distinct value: no variance to explain
    assertThat(eta2).isCloseTo(a.stream().distinct().count() > 1 ? 1.0 : 0.0, within(1e-9));
  }

  @Property
  void eta2_isZero_whenEveryValueHasTheSameMean(@ForAll @IntRange(min = 1, max = 8) int values) {
    List<Importance.Sample> s = new ArrayList<>();
    for (int v = 0; v < values; v++) {
      s.add(sample(v, 0, 0.2));
      s.add(sample(v, 1, 0.8));
    }
    assertThat(Importance.of(axes(s), s).stream().filter(x -> x.key().equals("a")).findFirst().orElseThrow().eta2())
        .isCloseTo(0.0, within(1e-12));
  }

  private static Importance.Sample sample(int a, int b, double acc) {
    return new Importance.Sample(Map.of("a", (long) a, "b", (long) b), acc);
  }

  private static List<SweepAxis> axes(List<Importance.Sample> s) {
    return List.of(SweepAxis.of("a", s.stream().map(x -> x.parameters().get("a")).toList()),
        SweepAxis.of("b", s.stream().map(x -> x.parameters().get("b")).toList()));
  }
}
