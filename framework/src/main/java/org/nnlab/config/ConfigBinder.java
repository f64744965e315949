package org.nnlab.config;

import static org.nnlab.config.Scalars.bool;
import static org.nnlab.config.Scalars.fail;
import static org.nnlab.config.Scalars.intValue;
import static org.nnlab.config.Scalars.longValue;
import static org.nnlab.config.Scalars.number;
import static org.nnlab.config.Scalars.string;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nnlab.config.ConfigNode.Kind;
import org.nnlab.config.ConfigNode.Mapping;
import org.nnlab.config.ConfigNode.Scalar;
import org.nnlab.config.ConfigNode.Sequence;
import org.nnlab.io.Printable;
import org.nnlab.network.Activation;
import org.nnlab.network.Backprop;
import org.nnlab.network.Initializer;
import org.nnlab.network.KernelChoice;
import org.nnlab.network.Precision;

/**
 * Binds a merged config tree to an {@link ExperimentConfig}, walking with the key path so that
 * every error names the key, its position, what was found and what is allowed.
 */
final class ConfigBinder {
  static final long DEFAULT_SEED = 42;

  private static final List<String> ROOT_KEYS =
      List.of("name", "seed", "data", "network", "training", "rules", "sweep");
  private static final List<String> DATA_KEYS =
      List.of("train", "test", "inputs", "targets", "augment", "distort", "validation");
  private static final List<String> NETWORK_KEYS = List.of("layers", "activation", "init", "weights", "precision", "kernels");
  private static final List<String> TRAINING_KEYS =
      List.of("learningRate", "epochs", "shuffle", "backprop", "batchSize", "schedule", "weightDecay");
  private static final List<String> SCHEDULES = List.of("constant", "step", "exponential", "cosine");
  private static final String SCHEDULE_FORMS = "constant, {step: {every: N, factor: F}}, "
      + "{exponential: {gamma: G}}, {cosine: {min: M}}, {cosine: {min: M, period: P, growth: G}}";
  private static final Map<String, List<String>> SOURCE_KEYS =
      Map.of(
          "idx", List.of("format", "images", "labels"),
          "csv", List.of("format", "file"),
          "images", List.of("format", "dir"));
  private static final List<String> FORMATS = List.of("idx", "csv", "images");
  private static final List<String> INIT_NAMES =
      List.of("normal-fan-in", "uniform-fan-in", "normal", "constant");
  private static final Pattern LEADING_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_.\\[\\]-]*(?=[ :])");
  private static final Pattern NAMED_SOURCE = Pattern.compile("([A-Za-z0-9._-]+):([A-Za-z0-9._-]+)");

  private final Set<String> knownRuleIds;
  private final String defaultName;
  private Mapping root = new Mapping(List.of(), new Position("", Path.of(""), 0, 0)); // the tree being bound

  ConfigBinder(Set<String> knownRuleIds, String defaultName) {
    this.knownRuleIds = knownRuleIds;
    this.defaultName = defaultName;
  }

  ExperimentConfig bind(Mapping root) {
    this.root = root;
    checkKeys(root, "", ROOT_KEYS);
    Optional<ConfigNode> nameNode = root.get("name");
    String name = nameNode.map(n -> string(n, "name")).orElse(defaultName);
    long seed = root.get("seed").map(n -> longValue(n, "seed")).orElse(DEFAULT_SEED);
    DataConfig data = data(required(root, "data", ""));
    NetworkConfig network = network(required(root, "network", ""));
    TrainingConfig training = root.get("training").map(this::training).orElse(null);
    Map<String, Severity> rules = root.get("rules").map(this::rules).orElse(Map.of());
    return build(
        nameNode.orElse(root),
        "name",
        () -> new ExperimentConfig(name, seed, data, network, training, rules));
  }

  // ---- blocks

  private DataConfig data(ConfigNode node) {
    Mapping m = mapping(node, "data");
    checkKeys(m, "data", DATA_KEYS);
    DataSource train = source(required(m, "train", "data"), "data.train");
    DataSource test = source(required(m, "test", "data"), "data.test");
    InputRange inputs = m.get("inputs").map(this::inputs).orElse(null);
    Targets targets = m.get("targets").map(this::targets).orElse(null);
    Augment augment = m.get("augment").map(this::augment).orElse(null);
    Distort distort = m.get("distort").map(this::distort).orElse(null);
    Optional<ConfigNode> validationNode = m.get("validation");
    int validation = validationNode.map(n -> intValue(n, "data.validation")).orElse(0);
    if (validation < 1 && validationNode.isPresent()) {
      throw fail(validationNode.get(), "data.validation", "must be ≥ 1",
          "a number of training samples to hold out, below the training part's size");
    }
    return new DataConfig(train, test, inputs, targets, augment, distort, validation);
  }

  private DataSource source(ConfigNode node, String path) {
    if (node instanceof Scalar s && s.kind() != Kind.NULL) {
      var matcher = NAMED_SOURCE.matcher(s.value());
      if (!matcher.matches()) {
        throw fail(node, path, "must be NAME:PART or a map with format: idx, csv or images",
            "NAME:PART (e.g. mnist-sample:train), {format: idx, images: P, labels: P}, "
                + "{format: csv, file: P}, {format: images, dir: P}");
      }
      return new DataSource.Named(matcher.group(1), matcher.group(2));
    }
    Mapping m = mapping(node, path);
    ConfigNode formatNode = required(m, "format", path);
    String format = string(formatNode, path + ".format");
    if (!FORMATS.contains(format)) {
      throw fail(formatNode, path + ".format", "is not a known format" + Suggestions.didYouMean(format, FORMATS),
          String.join(", ", FORMATS));
    }
    checkKeys(m, path, SOURCE_KEYS.get(format));
    return build(node, path, () -> switch (format) {
      case "idx" -> new DataSource.Idx(
          path(required(m, "images", path), path + ".images"),
          path(required(m, "labels", path), path + ".labels"));
      case "csv" -> new DataSource.Csv(path(required(m, "file", path), path + ".file"));
      default -> new DataSource.Images(path(required(m, "dir", path), path + ".dir"));
    });
  }

  private Path path(ConfigNode node, String path) {
    String text = string(node, path);
    return build(node, path, () -> node.position().folder().resolve(text).normalize());
  }

  private InputRange inputs(ConfigNode node) {
    return pair(node, "data.inputs", "min", "max", InputRange.DEFAULT.min(), InputRange.DEFAULT.max(),
        InputRange::new);
  }

  private Targets targets(ConfigNode node) {
    return pair(node, "data.targets", "off", "on", Targets.DEFAULT.off(), Targets.DEFAULT.on(),
        Targets::new);
  }

  /** A map of two optional numbers, each defaulting on its own. */
  private <T> T pair(ConfigNode node, String path, String first, String second,
      double firstDefault, double secondDefault, BiFunction<Double, Double, T> constructor) {
    Mapping m = mapping(node, path);
    checkKeys(m, path, List.of(first, second));
    double a = m.get(first).map(n -> number(n, path + "." + first)).orElse(firstDefault);
    double b = m.get(second).map(n -> number(n, path + "." + second)).orElse(secondDefault);
    return build(node, path, () -> constructor.apply(a, b));
  }

  private Augment augment(ConfigNode node) {
    Mapping m = mapping(node, "data.augment");
    checkKeys(m, "data.augment", List.of("rotate"));
    List<Double> rotate = new ArrayList<>();
    m.get("rotate").ifPresent(r -> {
      List<ConfigNode> items = list(r, "data.augment.rotate");
      for (int i = 0; i < items.size(); i++) {
        rotate.add(number(items.get(i), "data.augment.rotate[" + i + "]"));
      }
    });
    return build(node, "data.augment", () -> new Augment(rotate));
  }

  private Distort distort(ConfigNode node) {
    String path = "data.distort";
    if (node instanceof Scalar s && s.kind() != Kind.NULL) {
      // `none` switches off a base config's distortions (a child's map would be merged into them)
      if (s.value().equals("none")) {
        return Distort.NONE;
      }
      throw fail(node, path, "must be a map or none", "none, or {shift, rotate, scale, elastic, flip}");
    }
    Mapping m = mapping(node, path);
    checkKeys(m, path, List.of("shift", "rotate", "scale", "elastic", "flip"));
    double shift = m.get("shift").map(n -> number(n, path + ".shift")).orElse(0.0);
    double rotate = m.get("rotate").map(n -> number(n, path + ".rotate")).orElse(0.0);
    double scale = m.get("scale").map(n -> number(n, path + ".scale")).orElse(0.0);
    Distort.Elastic elastic = m.get("elastic").map(n -> pair(n, path + ".elastic", "alpha", "sigma",
        Distort.Elastic.DEFAULT_ALPHA, Distort.Elastic.DEFAULT_SIGMA, Distort.Elastic::new)).orElse(null);
    boolean flip = m.get("flip").map(n -> bool(n, path + ".flip")).orElse(false);
    return build(node, path, () -> new Distort(shift, rotate, scale, elastic, flip));
  }

  private NetworkConfig network(ConfigNode node) {
    Mapping m = mapping(node, "network");
    checkKeys(m, "network", NETWORK_KEYS);
    ConfigNode layersNode = required(m, "layers", "network");
    List<ConfigNode> items = list(layersNode, "network.layers");
    List<Integer> layers = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      layers.add(intValue(items.get(i), "network.layers[" + i + "]"));
    }
    Activation activation = m.get("activation")
        .map(n -> build(n, "network.activation", () -> Activation.byId(string(n, "network.activation"))))
        .orElse(null);
    Initializer init = m.get("init").map(this::init).orElse(null);
    Path weights = m.get("weights").map(n -> path(n, "network.weights")).orElse(null);
    Precision precision = m.get("precision")
        .map(n -> build(n, "network.precision", () -> Precision.byId(string(n, "network.precision"))))
        .orElse(null);
    KernelChoice kernels = m.get("kernels")
        .map(n -> build(n, "network.kernels", () -> KernelChoice.byId(string(n, "network.kernels"))))
        .orElse(null);
    return build(layersNode, "network.layers",
        () -> new NetworkConfig(layers, activation, init, weights, precision, kernels));
  }

  private Initializer init(ConfigNode node) {
    String path = "network.init";
    if (node instanceof Scalar s && s.kind() != Kind.NULL) {
      return switch (s.value()) {
        case "normal-fan-in" -> Initializer.normalFanIn();
        case "uniform-fan-in" -> Initializer.uniformFanIn();
        default -> throw fail(node, path, "is not a known initializer"
            + Suggestions.didYouMean(s.value(), INIT_NAMES),
            "normal-fan-in, uniform-fan-in, {normal: {sigma: S}}, {constant: C}");
      };
    }
    Mapping m = mapping(node, path);
    if (m.entries().size() != 1) {
      throw fail(node, path, "must have exactly one key",
          "normal-fan-in, uniform-fan-in, {normal: {sigma: S}}, {constant: C}");
    }
    checkKeys(m, path, List.of("normal", "constant"));
    ConfigNode.Entry e = m.entries().get(0);
    if (e.key().equals("constant")) {
      double value = number(e.value(), path + ".constant");
      return build(e.value(), path + ".constant", () -> Initializer.constant(value));
    }
    Mapping normal = mapping(e.value(), path + ".normal");
    checkKeys(normal, path + ".normal", List.of("sigma"));
    ConfigNode sigmaNode = required(normal, "sigma", path + ".normal");
    double sigma = number(sigmaNode, path + ".normal.sigma");
    return build(sigmaNode, path + ".normal.sigma", () -> Initializer.normal(sigma));
  }

  private TrainingConfig training(ConfigNode node) {
    Mapping m = mapping(node, "training");
    checkKeys(m, "training", TRAINING_KEYS);
    TrainingConfig d = TrainingConfig.DEFAULT;
    double learningRate = m.get("learningRate").map(n -> number(n, "training.learningRate")).orElse(d.learningRate());
    Optional<ConfigNode> epochsNode = m.get("epochs");
    int epochs = epochsNode.map(n -> intValue(n, "training.epochs")).orElse(d.epochs());
    boolean shuffle = m.get("shuffle").map(n -> bool(n, "training.shuffle")).orElse(d.shuffle());
    Backprop backprop = m.get("backprop")
        .map(n -> build(n, "training.backprop", () -> Backprop.byId(string(n, "training.backprop"))))
        .orElse(d.backprop());
    Optional<ConfigNode> batchNode = m.get("batchSize");
    int batchSize = batchNode.map(n -> intValue(n, "training.batchSize")).orElse(d.batchSize());
    if (batchSize < 1) {
      throw fail(batchNode.orElseThrow(), "training.batchSize", "must be ≥ 1",
          "1 (per-sample, the book's way) or a larger mini-batch");
    }
    Schedule schedule = m.get("schedule").map(this::schedule).orElse(Schedule.CONSTANT);
    double weightDecay = m.get("weightDecay").map(n -> number(n, "training.weightDecay")).orElse(d.weightDecay());
    return build(epochsNode.orElse(node), "training",
        () -> new TrainingConfig(learningRate, epochs, shuffle, backprop, batchSize, schedule, weightDecay));
  }

  private Schedule schedule(ConfigNode node) {
    String path = "training.schedule";
    if (node instanceof Scalar s && s.kind() != Kind.NULL) {
      if (s.value().equals("constant")) {
        return Schedule.CONSTANT;
      }
      throw fail(node, path, "is not a known schedule" + Suggestions.didYouMean(s.value(), SCHEDULES),
          SCHEDULE_FORMS);
    }
    Mapping m = mapping(node, path);
    if (m.entries().size() != 1) {
      throw fail(node, path, "must have exactly one key", SCHEDULE_FORMS);
    }
    checkKeys(m, path, SCHEDULES.subList(1, SCHEDULES.size()));
    ConfigNode.Entry e = m.entries().get(0);
    String kind = path + "." + e.key();
    Mapping p = mapping(e.value(), kind);
    return switch (e.key()) {
      case "step" -> {
        checkKeys(p, kind, List.of("every", "factor"));
        int every = intValue(required(p, "every", kind), kind + ".every");
        double factor = number(required(p, "factor", kind), kind + ".factor");
        yield build(e.value(), kind, () -> new Schedule.Step(every, factor));
      }
      case "exponential" -> {
        checkKeys(p, kind, List.of("gamma"));
        double gamma = number(required(p, "gamma", kind), kind + ".gamma");
        yield build(e.value(), kind, () -> new Schedule.Exponential(gamma));
      }
      default -> {
        checkKeys(p, kind, List.of("min", "period", "growth"));
        double min = p.get("min").map(n -> number(n, kind + ".min")).orElse(0.0);
        int period = p.get("period").map(n -> intValue(n, kind + ".period")).orElse(0);
        int growth = p.get("growth").map(n -> intValue(n, kind + ".growth")).orElse(1);
        if (p.get("period").isPresent() && period < 1) {
          throw fail(p.get("period").get(), kind + ".period", "must be ≥ 1 epoch",
              "the epochs of the first cycle; leave it out for one cycle over the whole run");
        }
        yield build(e.value(), kind, () -> new Schedule.Cosine(min, period, growth));
      }
    };
  }

  private Map<String, Severity> rules(ConfigNode node) {
    Mapping m = mapping(node, "rules");
    checkKeys(m, "rules", List.copyOf(knownRuleIds));
    Map<String, Severity> rules = new LinkedHashMap<>();
    for (ConfigNode.Entry e : m.entries()) {
      String path = "rules." + e.key();
      String id = string(e.value(), path);
      rules.put(e.key(), build(e.value(), path, () -> Severity.byId(id)));
    }
    return rules;
  }

  // ---- shapes and scalars

  private void checkKeys(Mapping m, String path, List<String> allowed) {
    for (ConfigNode.Entry e : m.entries()) {
      if (!allowed.contains(e.key())) {
        String keyPath = path.isEmpty() ? e.key() : path + "." + e.key();
        throw new ConfigException(e.keyPosition() + ": " + keyPath + " is not a known key"
            + Suggestions.didYouMean(e.key(), allowed) + "; allowed: " + String.join(", ", allowed));
      }
    }
  }

  private static ConfigNode required(Mapping m, String key, String path) {
    String keyPath = path.isEmpty() ? key : path + "." + key;
    return m.get(key).orElseThrow(() -> new ConfigException(
        m.position() + ": " + keyPath + " is required but missing"));
  }

  private static Mapping mapping(ConfigNode node, String path) {
    if (node instanceof Mapping m) {
      return m;
    }
    throw fail(node, path, "must be a map", null);
  }

  private static List<ConfigNode> list(ConfigNode node, String path) {
    if (node instanceof Sequence s) {
      return s.items();
    }
    throw fail(node, path, "must be a list", null);
  }

  /**
   * Runs a record constructor, giving its IllegalArgumentException a position: that of the key the
   * message starts with when the tree has it (so a {@code --set network.layers[1]=0} is blamed on
   * the {@code --set}, not on the file's list), else {@code at}'s, with {@code path} leading.
   */
  private <T> T build(ConfigNode at, String path, Supplier<T> constructor) {
    try {
      return constructor.get();
    } catch (IllegalArgumentException e) {
      // records quote the values they refuse: no control byte of them may reach a terminal
      String message = e.getMessage() == null ? "is not allowed" : Printable.message(e.getMessage());
      Matcher key = LEADING_KEY.matcher(message);
      Optional<ConfigNode> keyed = key.lookingAt() ? nodeAt(key.group()) : Optional.empty();
      throw new ConfigException(keyed.orElse(at).position() + ": "
          + (keyed.isPresent() || message.startsWith(path) ? message : path + ": " + message), e);
    }
  }

  /** The node at {@code keyPath} ({@code network.layers[1]}) in the tree being bound. */
  private Optional<ConfigNode> nodeAt(String keyPath) {
    KeyPath path = KeyPath.parse(keyPath);
    ConfigNode node = root;
    for (Object segment : path == null ? List.of() : path.segments()) {
      if (segment instanceof Integer i && node instanceof Sequence s && i < s.items().size()) {
        node = s.items().get(i);
      } else if (segment instanceof String k && node instanceof Mapping m && m.get(k).isPresent()) {
        node = m.get(k).get();
      } else {
        return Optional.empty();
      }
    }
    return path == null ? Optional.empty() : Optional.of(node);
  }
}
