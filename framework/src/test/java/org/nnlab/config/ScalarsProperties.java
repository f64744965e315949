package org.nnlab.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.nnlab.config.SweepConfig.Range;
import org.nnlab.sweep.SweepPlan;
import org.nnlab.sweep.SweepPoint;

/**
 * One text, one value: what {@link Scalars} reads, through the YAML resolver, the binder, the
 * {@code sweep:} block and sweep points alike.
 */
class ScalarsProperties {
  private static final Path FILE = Path.of("/configs/scalars.yaml");
  private static final String BASE = ConfigTexts.MINIMAL;

  private final ConfigLoader loader = new ConfigLoader(ConfigLoader.BUILT_IN_RULES);

  @Property(tries = 300)
  void finiteDouble_textToValueToText_roundTrips(@ForAll double x) {
    Assume.that(Double.isFinite(x));
    String text = Scalars.yaml(x);

    double read = Scalars.number(resolved(text), "k");

    assertThat(read).isEqualTo(x);
    assertThat(Scalars.yaml(read)).isEqualTo(text);
  }

  @Property(tries = 300)
  void finiteDouble_everySpelling_readsAsTheSameValue(@ForAll("finiteDoubles") double x,
      @ForAll("doubleSpellings") int spelling) {
    String text = spell(x, spelling);
    Statistics.label("spelling").collect(text.replaceAll("[0-9]+", "9"));

    assertThat(Scalars.number(resolved(text), "k")).as(text).isEqualTo(x);
  }

  @Property(tries = 300)
  void long_everySpelling_readsBackAsTheSameValue_andPrintsAsDecimal(@ForAll long n,
      @ForAll("longSpellings") int spelling) {
    String text = switch (spelling) {
      case 0 -> Long.toString(n);
      case 1 -> n >= 0 ? "+" + n : Long.toString(n);
      case 2 -> n >= 0 ? "00" + n : "-00" + Long.toString(n).substring(1); // decimal, never octal
      case 3 -> n >= 0 ? "0x" + Long.toHexString(n).toUpperCase(Locale.ROOT) : Long.toString(n);
      default -> n >= 0 ? "0o" + Long.toOctalString(n) : Long.toString(n);
    };
    Statistics.label("spelling").collect(n >= 0 ? spelling : 0);

    long read = Scalars.longValue(resolved(text), "k");

    assertThat(read).as(text).isEqualTo(n);
    assertThat(Long.toString(read)).isEqualTo(Long.toString(n));
    assertThat(Scalars.number(resolved(text), "k")).isEqualTo((double) n);
  }

  /** The binder, the sweep block's range and a sweep point read a text to one number. */
  @Property(tries = 100)
  void sameText_sameValue_inTheBinderTheSweepBlockAndASweepPoint(@ForAll("finiteDoubles") double x,
      @ForAll("doubleSpellings") int spelling) {
    String text = spell(x, spelling);

    double bound = loader.document(BASE + "training: {learningRate: " + text + "}\n", FILE)
        .bind().training().learningRate();
    SweepPlan ranged = SweepPlan.of(loader.document(BASE
        + "sweep:\n  strategy: random\n  trials: 1\n  parameters:\n"
        + "    training.learningRate: {min: " + text + ", max: " + text + "}\n", FILE));
    SweepPlan listed = SweepPlan.of(loader.document(BASE
        + "sweep:\n  parameters:\n    training.learningRate: [" + text + "]\n", FILE));
    SweepPoint point = listed.points().get(0);

    assertThat(bound).as(text).isEqualTo(x);
    assertThat(((Range) ranged.sweep().axes().get(0)).min()).isEqualTo(x);
    assertThat(point.parameters().get("training.learningRate")).isEqualTo(x);
    assertThat(listed.configOf(listed.trials().get(0)).training().learningRate()).isEqualTo(x);
  }

  @Property(tries = 100)
  void sameIntegerText_sameValue_inTheBinderAndASweepPoint(@ForAll long n,
      @ForAll("longSpellings") int spelling) {
    String text = n < 0 || spelling == 0 ? Long.toString(n)
        : spelling == 1 ? "0" + n : spelling == 2 ? "0x" + Long.toHexString(n) : "0o" + Long.toOctalString(n);

    long bound = loader.document(BASE + "seed: " + text + "\n", FILE).bind().seed();
    SweepPlan listed = SweepPlan.of(loader.document(BASE
        + "sweep:\n  parameters:\n    training.learningRate: [0.1]\n    seed: [" + text + "]\n", FILE));

    assertThat(bound).as(text).isEqualTo(n);
    assertThat(listed.points().get(0).parameters().get("seed")).isEqualTo(n);
  }

  /** A value that is not a number is refused at its own line and column, in one line. */
  @Property(tries = 300)
  void nonNumber_isRefused_withOneLineAtItsPosition(@ForAll("nonNumbers") String text) {
    String config = BASE + "training:\n  learningRate: " + text + "\n";
    String rangeLine = "    training.learningRate: {max: 1, min: ";
    String range = BASE + "sweep:\n  strategy: random\n  trials: 1\n  parameters:\n" + rangeLine + text + "}\n";

    assertThatThrownBy(() -> loader.document(config, FILE).bind())
        .isInstanceOf(ConfigException.class)
        .satisfies(e -> assertOneLine(e.getMessage(), FILE + ":4:17: training.learningRate "));
    assertThatThrownBy(() -> SweepPlan.of(loader.document(range, FILE)))
        .isInstanceOf(ConfigException.class)
        .satisfies(e -> assertOneLine(e.getMessage(),
            FILE + ":7:" + (rangeLine.length() + 1) + ": sweep.parameters.training.learningRate.min "));
  }

  private static void assertOneLine(String message, String prefix) {
    Statistics.label("refusal").collect(message.replaceFirst(".*? (must|is) ", "$1 ").replaceFirst(", found.*", ""));
    assertThat(message).startsWith(prefix).doesNotContain("\n").contains(", found ");
  }

  /** The scalar {@code text} resolves to, as the config reader builds it. */
  private static ConfigNode resolved(String text) {
    return YamlSyntax.parse(text, "k", Path.of("/"), true);
  }

  private static String spell(double x, int spelling) {
    String plain = Double.toString(x);
    return switch (spelling) {
      case 0 -> plain;
      case 1 -> plain.toLowerCase(Locale.ROOT);
      case 2 -> String.format(Locale.ROOT, "%.17e", x);
      case 3 -> plain.startsWith("-") ? plain : "+" + plain;
      default -> plain.replaceFirst("^(-?)0\\.", "$1."); // .5 for 0.5
    };
  }

  @Provide
  Arbitrary<Double> finiteDoubles() {
    return Arbitraries.oneOf(
        Arbitraries.doubles().filter(Double::isFinite),
        Arbitraries.doubles().between(-1, 1),
        Arbitraries.of(0.0, -0.0, 1e-3, 0.1, Double.MAX_VALUE, Double.MIN_VALUE, -Double.MIN_NORMAL));
  }

  @Provide
  Arbitrary<Integer> doubleSpellings() {
    return Arbitraries.integers().between(0, 4);
  }

  @Provide
  Arbitrary<Integer> longSpellings() {
    return Arbitraries.integers().between(0, 4);
  }

  /**
   * Texts that are not numbers: a number spoiled by a suffix no YAML 1.2 number has, a word, or a
   * spelling other schemas read as a number (YAML 1.1's {@code 1_000}, Java's {@code Infinity}).
   */
  @Provide
  Arbitrary<String> nonNumbers() {
    Arbitrary<String> numbers = Arbitraries.of("1", "-2", "0.5", ".5", "1e-3", "0x1F", "0o17", "+3.", "010");
    Arbitrary<String> suffixes = Arbitraries.of("_", "_000", "%", "..", "g", "/2", " m", "e+", "kg");
    Arbitrary<String> spoiled = Combinators.combine(numbers, suffixes).as(String::concat);
    Arbitrary<String> words = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8)
        .map(w -> "x" + w);
    Arbitrary<String> others = Arbitraries.of("1_000", "0.000_1", "Infinity", "NaN", "inf", "-inf", ".InF",
        "0X1F", "0O17", "0b101", "0o8", "0xG", "1e", ".", "e3", "yes", "off", "null", "~", "true", "'1'",
        "\"0.5\"", "[1]", "{a: 1}", ".inf", "-.inf", ".nan", "1e999", "-1e400");
    return Arbitraries.oneOf(spoiled, words, others);
  }

  @Property(tries = 20)
  void infAndNan_areRefusedWhereverAFiniteValueIsNeeded(
      @ForAll("infinities") String text, @ForAll("finiteKeys") List<String> where) {
    String key = where.get(0);
    String yaml = where.get(1).replace("V", text);

    assertThatThrownBy(() -> loader.document(yaml, FILE).bind())
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(FILE + ":")
        .hasMessageContaining(" " + key + " must be a finite number, found " + text
            + "; allowed: finite numbers such as 0.1, -2 or 1e-3")
        .hasMessageNotContaining("\n");
  }

  @Provide
  Arbitrary<String> infinities() {
    return Arbitraries.of(".inf", "-.inf", "+.inf", ".Inf", "-.INF", ".nan", ".NaN", ".NAN");
  }

  @Provide
  Arbitrary<List<String>> finiteKeys() {
    String data = "data: {train: 'a:b', test: 'a:c'}\n";
    String network = "network: {layers: [2, 2]}\n";
    return Arbitraries.of(
        List.of("training.learningRate", data + network + "training: {learningRate: V}\n"),
        List.of("data.inputs.min", "data: {train: 'a:b', test: 'a:c', inputs: {min: V}}\n" + network),
        List.of("data.targets.on", "data: {train: 'a:b', test: 'a:c', targets: {on: V}}\n" + network),
        List.of("data.augment.rotate[0]", "data: {train: 'a:b', test: 'a:c', augment: {rotate: [V]}}\n" + network),
        List.of("network.init.constant", data + "network: {layers: [2, 2], init: {constant: V}}\n"),
        List.of("network.init.normal.sigma", data + "network: {layers: [2, 2], init: {normal: {sigma: V}}}\n"));
  }
}
