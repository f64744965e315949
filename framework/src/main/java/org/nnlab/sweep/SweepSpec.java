package org.nnlab.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.nnlab.config.ConfigLoader;
import org.nnlab.config.ConfigWriter;
import org.nnlab.config.ExperimentConfig;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * A sweep declared in code: a base config plus its parameter spaces, the same as a YAML config
 * with a {@code sweep:} block (see {@link org.nnlab.config.SweepConfig} for every key), with no
 * file written. Immutable: every method returns a new spec.
 *
 * <pre>{@code
 * SweepPlan plan = SweepSpec.grid(config)
 *     .values("training.learningRate", 0.1, 0.3)
 *     .values("network.layers[1]", 8, 16, 32)
 *     .plan(configLoader);                       // 6 points
 * }</pre>
 *
 * <p>The plan is built from the base config's canonical YAML ({@link ConfigWriter#toYaml}) and this
 * block, so it is checked, planned and identified ({@link SweepIdentity}) exactly as that YAML
 * would be; its messages name the key paths of the block.
 */
public final class SweepSpec {
  private final ExperimentConfig base;
  private final Map<String, Object> block;

  private SweepSpec(ExperimentConfig base, Map<String, Object> block) {
    this.base = Objects.requireNonNull(base, "base");
    this.block = block;
  }

  /** Every combination of the axes' values ({@code strategy: grid}). */
  public static SweepSpec grid(ExperimentConfig base) {
    return new SweepSpec(base, Map.of("strategy", "grid"));
  }

  /** {@code trials} points drawn from the axes ({@code strategy: random}). */
  public static SweepSpec random(ExperimentConfig base, int trials) {
    return new SweepSpec(base, Map.of("strategy", "random", "trials", trials));
  }

  /** Successive halving with epochs as the budget, up to {@code maxEpochs} ({@code strategy: halving}). */
  public static SweepSpec halving(ExperimentConfig base, int maxEpochs) {
    return new SweepSpec(base, Map.of("strategy", "halving", "maxEpochs", maxEpochs));
  }

  /** An axis of listed values at {@code keyPath}, e.g. {@code "network.layers[1]", 50, 100}. */
  public SweepSpec values(String keyPath, Object... values) {
    return withParameter(keyPath, List.of(values));
  }

  /** An axis drawn from [min, max], log-uniform when {@code log} (random and halving). */
  public SweepSpec range(String keyPath, double min, double max, boolean log) {
    Map<String, Object> range = new LinkedHashMap<>();
    range.put("min", min);
    range.put("max", max);
    range.put("log", log);
    return withParameter(keyPath, range);
  }

  /** Seeds per point (default 1). */
  public SweepSpec repeats(int repeats) {
    return with("repeats", repeats);
  }

  /** Trials at once (default: the number of cores). */
  public SweepSpec parallelism(int trials) {
    return with("parallelism", trials);
  }

  /** Which points may be chosen as best and promoted ({@code sweep.choose}; default any). */
  public SweepSpec choose(org.nnlab.config.SweepConfig.Choose choose) {
    return with("choose", choose.id());
  }

  /** The config text this spec stands for: the base config's YAML with this {@code sweep:} block. */
  public String toYaml() {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setIndent(2);
    return ConfigWriter.toYaml(base) + new Yaml(options).dump(Map.of("sweep", block));
  }

  /**
   * The plan, read by {@code loader} (which knows the rules the {@code rules:} map may name).
   *
   * @throws org.nnlab.config.ConfigException when the block or a value does not bind
   */
  public SweepPlan plan(ConfigLoader loader) {
    return SweepPlan.of(loader.document(toYaml(), base.name().toLowerCase(Locale.ROOT) + "-sweep"));
  }

  @SuppressWarnings("unchecked")
  private SweepSpec withParameter(String keyPath, Object space) {
    Map<String, Object> parameters = new LinkedHashMap<>(
        (Map<String, Object>) block.getOrDefault("parameters", Map.of()));
    parameters.put(keyPath, space instanceof List<?> l ? new ArrayList<>(l) : space);
    return with("parameters", parameters);
  }

  private SweepSpec with(String key, Object value) {
    Map<String, Object> next = new LinkedHashMap<>(block);
    next.put(key, value);
    return new SweepSpec(base, next);
  }
}
