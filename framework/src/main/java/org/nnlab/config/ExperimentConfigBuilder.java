package org.nnlab.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nnlab.network.Activation;
import org.nnlab.network.Backprop;
import org.nnlab.network.Initializer;
import org.nnlab.network.KernelChoice;
import org.nnlab.network.Precision;

/**
 * An {@link ExperimentConfig} built in code, with the defaults a YAML file has for every key it
 * leaves out ({@code docs/configs.md}): seed 42, inputs 0.01–1.0, targets 0.01/0.99, sigmoid,
 * {@code normal-fan-in}, learning rate 0.1, 1 epoch, shuffled, {@code exact} back-propagation,
 * batch size 1, double precision, {@code auto} kernels. The same keys give the same record and
 * the same config hash as the YAML ({@link ConfigWriter#sha256}).
 *
 * <pre>{@code
 * ExperimentConfig c = ExperimentConfig.builder()
 *     .name("quickstart").train("mnist-sample:train").test("mnist-sample:test")
 *     .layers(784, 100, 10).learningRate(0.1).epochs(3)
 *     .build();
 * }</pre>
 *
 * <p>Required: {@code name}, {@code train}, {@code test}, {@code layers}. Values are checked by
 * {@link #build()}, which reports the first refused one as a {@link ConfigException}. Not
 * thread-safe; each setter returns this builder.
 */
public final class ExperimentConfigBuilder {
  private String name;
  private long seed = ConfigBinder.DEFAULT_SEED;
  private DataSource train;
  private DataSource test;
  private InputRange inputs = InputRange.DEFAULT;
  private Targets targets = Targets.DEFAULT;
  private Augment augment = Augment.NONE;
  private Distort distort = Distort.NONE;
  private int validation;
  private List<Integer> layers;
  private Activation activation = Activation.sigmoid();
  private Initializer init = Initializer.normalFanIn();
  private Path weights;
  private Precision precision = Precision.DOUBLE;
  private KernelChoice kernels = KernelChoice.AUTO;
  private double learningRate = TrainingConfig.DEFAULT.learningRate();
  private int epochs = TrainingConfig.DEFAULT.epochs();
  private boolean shuffle = TrainingConfig.DEFAULT.shuffle();
  private Backprop backprop = TrainingConfig.DEFAULT.backprop();
  private int batchSize = TrainingConfig.DEFAULT.batchSize();
  private Schedule schedule = TrainingConfig.DEFAULT.schedule();
  private double weightDecay = TrainingConfig.DEFAULT.weightDecay();
  private final Map<String, Severity> rules = new LinkedHashMap<>();

  ExperimentConfigBuilder() {}

  /** The experiment's name (required); names its output folder. */
  public ExperimentConfigBuilder name(String name) {
    this.name = name;
    return this;
  }

  public ExperimentConfigBuilder seed(long seed) {
    this.seed = seed;
    return this;
  }

  /** The training part: a named part {@code NAME:PART}, e.g. {@code mnist-sample:train}. */
  public ExperimentConfigBuilder train(String namedPart) {
    return train(named("data.train", namedPart));
  }

  public ExperimentConfigBuilder train(DataSource source) {
    this.train = source;
    return this;
  }

  /** The test part: a named part {@code NAME:PART}, e.g. {@code mnist-sample:test}. */
  public ExperimentConfigBuilder test(String namedPart) {
    return test(named("data.test", namedPart));
  }

  public ExperimentConfigBuilder test(DataSource source) {
    this.test = source;
    return this;
  }

  public ExperimentConfigBuilder inputs(double min, double max) {
    this.inputs = new InputRange(min, max);
    return this;
  }

  public ExperimentConfigBuilder targets(double off, double on) {
    this.targets = new Targets(off, on);
    return this;
  }

  /** Extra training samples rotated by these angles in degrees ({@code data.augment.rotate}). */
  public ExperimentConfigBuilder rotate(Double... degrees) {
    this.augment = new Augment(List.of(degrees));
    return this;
  }

  /** Random distortions of each training sample as it is fed ({@code data.distort}). */
  public ExperimentConfigBuilder distort(Distort distortion) {
    this.distort = distortion;
    return this;
  }

  /** The last {@code samples} training samples held out to choose by ({@code data.validation}); 0: none. */
  public ExperimentConfigBuilder validation(int samples) {
    this.validation = samples;
    return this;
  }

  /** Nodes per layer, inputs first (required), e.g. {@code 784, 100, 10}. */
  public ExperimentConfigBuilder layers(int... sizes) {
    List<Integer> list = new ArrayList<>();
    for (int s : sizes) {
      list.add(s);
    }
    this.layers = list;
    return this;
  }

  public ExperimentConfigBuilder activation(Activation activation) {
    this.activation = activation;
    return this;
  }

  public ExperimentConfigBuilder init(Initializer init) {
    this.init = init;
    return this;
  }

  /** A folder of NumPy weights to start from ({@code network.weights}) instead of drawing them. */
  public ExperimentConfigBuilder weights(Path folder) {
    this.weights = folder;
    return this;
  }

  public ExperimentConfigBuilder precision(Precision precision) {
    this.precision = precision;
    return this;
  }

  public ExperimentConfigBuilder kernels(KernelChoice kernels) {
    this.kernels = kernels;
    return this;
  }

  public ExperimentConfigBuilder learningRate(double learningRate) {
    this.learningRate = learningRate;
    return this;
  }

  public ExperimentConfigBuilder epochs(int epochs) {
    this.epochs = epochs;
    return this;
  }

  public ExperimentConfigBuilder shuffle(boolean shuffle) {
    this.shuffle = shuffle;
    return this;
  }

  public ExperimentConfigBuilder backprop(Backprop backprop) {
    this.backprop = backprop;
    return this;
  }

  public ExperimentConfigBuilder batchSize(int batchSize) {
    this.batchSize = batchSize;
    return this;
  }

  /** Each epoch's learning rate from {@link #learningRate}: e.g. {@code new Schedule.Cosine(0.001)}. */
  public ExperimentConfigBuilder schedule(Schedule schedule) {
    this.schedule = schedule;
    return this;
  }

  /** Weight decay λ ≥ 0 ({@code training.weightDecay}): descent on E + λ·½ΣW²; default 0, the book's. */
  public ExperimentConfigBuilder weightDecay(double weightDecay) {
    this.weightDecay = weightDecay;
    return this;
  }

  /** A rule's severity in this config ({@code rules: {ID: SEVERITY}}). */
  public ExperimentConfigBuilder rule(String id, Severity severity) {
    rules.put(id, severity);
    return this;
  }

  /**
   * The config.
   *
   * @throws ConfigException naming the key, when a required key is missing or a value is refused
   */
  public ExperimentConfig build() {
    require(name, "name");
    require(train, "data.train");
    require(test, "data.test");
    require(layers, "network.layers");
    try {
      return new ExperimentConfig(name, seed, new DataConfig(train, test, inputs, targets, augment, distort, validation),
          new NetworkConfig(layers, activation, init, weights, precision, kernels),
          new TrainingConfig(learningRate, epochs, shuffle, backprop, batchSize, schedule, weightDecay), rules);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new ConfigException("ExperimentConfig.builder(): " + e.getMessage(), e);
    }
  }

  private static void require(Object value, String key) {
    if (value == null) {
      throw new ConfigException("ExperimentConfig.builder(): " + key + " is required; set it before build()");
    }
  }

  private static DataSource named(String key, String namedPart) {
    int colon = namedPart.indexOf(':');
    if (colon <= 0 || colon == namedPart.length() - 1) {
      throw new ConfigException("ExperimentConfig.builder(): " + key + " must be NAME:PART, found '" + namedPart
          + "'; allowed: e.g. mnist-sample:train, or a DataSource for files");
    }
    return new DataSource.Named(namedPart.substring(0, colon), namedPart.substring(colon + 1));
  }
}
