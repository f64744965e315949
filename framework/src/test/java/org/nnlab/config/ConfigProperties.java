package org.nnlab.config;

import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.nnlab.network.Activation;
import org.nnlab.network.Backprop;
import org.nnlab.network.Initializer;

class ConfigProperties {
  private static final Path FILE = Path.of("/configs/generated.yaml");

  private final ConfigLoader loader = new ConfigLoader(ConfigLoader.BUILT_IN_RULES);

  @Property(tries = 300)
  void load_ofToYaml_equalsTheConfig(@ForAll("configs") ExperimentConfig config) {
    Statistics.label("train").collect(config.data().train().getClass().getSimpleName());
    Statistics.label("init").collect(config.network().init().getClass().getSimpleName());

    ExperimentConfig back = loader.document(ConfigWriter.toYaml(config), FILE).bind();

    if (!back.equals(config)) {
      throw new AssertionError("read back " + back + "\nfrom\n" + ConfigWriter.toYaml(config));
    }
  }

  /** Any ASCII edit of a valid file either loads or is a ConfigException: never another exception. */
  @Property(tries = 500)
  void load_ofMutatedText_failsOnlyWithConfigException(
      @ForAll("edits") List<int[]> edits, @ForAll("configs") ExperimentConfig config) {
    StringBuilder text = new StringBuilder(ConfigWriter.toYaml(config));
    for (int[] edit : edits) {
      int at = edit[1] % (text.length() + 1);
      char c = (char) edit[2];
      switch (edit[0]) {
        case 0 -> text.insert(at, c);
        case 1 -> text.setCharAt(Math.min(at, text.length() - 1), c);
        default -> text.deleteCharAt(Math.min(at, text.length() - 1));
      }
    }
    try {
      loader.document(text.toString(), FILE).bind();
      Statistics.collect("loads");
    } catch (ConfigException e) {
      Statistics.collect("ConfigException");
    }
  }

  @Provide
  Arbitrary<List<int[]>> edits() {
    Arbitrary<Character> ascii = Arbitraries.oneOf(
        Arbitraries.chars().range(' ', '~'), Arbitraries.of('\n', '\t', ':', '-', '[', '{', '&', '*', '!'));
    Arbitrary<int[]> edit = Combinators.combine(
        Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 10_000), ascii)
        .as((op, at, c) -> new int[] {op, at, c});
    return edit.list().ofMinSize(1).ofMaxSize(4);
  }

  @Provide
  Arbitrary<ExperimentConfig> configs() {
    // names follow FolderName: no leading '.'
    Arbitrary<String> names = Combinators.combine(Arbitraries.chars().with("abcXYZ019_-"),
        Arbitraries.strings().withChars("abcXYZ019._-").ofMaxLength(9)).as((head, tail) -> head + tail);
    Arbitrary<DataConfig> data = Combinators.combine(sources(), sources(),
        finite().tuple2().map(t -> new InputRange(t.get1(), t.get2())),
        finite().tuple2().map(t -> new Targets(t.get1(), t.get2())),
        Arbitraries.doubles().between(-180, 180).list().ofMaxSize(3).map(Augment::new))
        .as(DataConfig::new);
    Arbitrary<NetworkConfig> network = Combinators.combine(
        Arbitraries.integers().between(1, 8).list().ofMinSize(2).ofMaxSize(4), initializers())
        .as((layers, init) -> new NetworkConfig(layers, Activation.sigmoid(), init));
    Arbitrary<TrainingConfig> training = Combinators.combine(
        finite(), Arbitraries.integers().between(1, 1000), Arbitraries.of(true, false),
        Arbitraries.of(Backprop.class))
        .as(TrainingConfig::new);
    var rules = Arbitraries.maps(Arbitraries.of(ConfigLoader.BUILT_IN_RULES), Arbitraries.of(Severity.class))
        .ofMaxSize(4);
    return Combinators.combine(names, Arbitraries.longs(), data, network, training, rules)
        .as(ExperimentConfig::new);
  }

  private static Arbitrary<Double> finite() {
    return Arbitraries.oneOf(Arbitraries.doubles(), Arbitraries.doubles().between(-2, 2).ofScale(3));
  }

  private static Arbitrary<Initializer> initializers() {
    return Arbitraries.oneOf(
        Arbitraries.just(Initializer.normalFanIn()),
        Arbitraries.just(Initializer.uniformFanIn()),
        Arbitraries.doubles().between(1e-6, 10).ofScale(8).map(Initializer::normal),
        finite().map(Initializer::constant));
  }

  private static Arbitrary<DataSource> sources() {
    Arbitrary<String> word = Arbitraries.strings().withChars("abz09._-").ofMinLength(1).ofMaxLength(8);
    Arbitrary<Path> path = Arbitraries.strings().withChars("abz09_-").ofMinLength(1).ofMaxLength(6)
        .list().ofMinSize(1).ofMaxSize(3)
        .map(parts -> Path.of("/", parts.toArray(String[]::new)));
    return Arbitraries.oneOf(
        Combinators.combine(word, word).as(DataSource.Named::new),
        Combinators.combine(path, path).as(DataSource.Idx::new),
        path.map(DataSource.Csv::new),
        path.map(DataSource.Images::new));
  }
}
