package org.nnlab.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nnlab.io.Sha256;
import org.nnlab.network.Initializer;
import org.nnlab.network.Initializers;
import org.nnlab.network.KernelChoice;
import org.nnlab.network.Precision;

/**
 * Writes an {@link ExperimentConfig} as canonical YAML: block style, every value explicit, keys in
 * the documented order, paths absolute. {@link ConfigLoader} reads it back to an equal record.
 *
 * <p>Use it to record the exact config of a run beside its report, and {@link #sha256} as the
 * config's provenance hash: equal configs give equal text, so equal hashes.
 *
 * <pre>{@code
 * Files.writeString(out.resolve("config.yaml"), ConfigWriter.toYaml(config));
 * String hash = ConfigWriter.sha256(config);   // "sha256:3f2a…"
 * }</pre>
 *
 * <p>Only the built-in initializers can be written; another one is an IllegalArgumentException.
 */
public final class ConfigWriter {
  private ConfigWriter() {}

  /** The canonical YAML text of {@code config}. */
  public static String toYaml(ExperimentConfig config) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("name", config.name());
    root.put("seed", config.seed());
    root.put("data", data(config.data()));
    root.put("network", network(config.network()));
    var t = config.training();
    Map<String, Object> training = ordered(
        "learningRate", t.learningRate(), "epochs", t.epochs(),
        "shuffle", t.shuffle(), "backprop", t.backprop().id());
    if (t.batchSize() != 1) {
      // written only when opted in, so the canonical text (and hash) of a book config is unchanged
      training.put("batchSize", t.batchSize());
    }
    if (!(t.schedule() instanceof Schedule.Constant)) {
      training.put("schedule", schedule(t.schedule())); // likewise only when opted in
    }
    if (t.weightDecay() != 0) {
      training.put("weightDecay", t.weightDecay()); // likewise
    }
    root.put("training", training);
    Map<String, Object> rules = new LinkedHashMap<>();
    config.rules().forEach((id, severity) -> rules.put(id, severity.id()));
    root.put("rules", rules);
    return YamlSyntax.dumper().dump(root);
  }

  /** {@code "sha256:<hex>"} of {@link #toYaml}'s UTF-8 bytes. */
  public static String sha256(ExperimentConfig config) {
    return Sha256.of(toYaml(config));
  }

  private static Map<String, Object> schedule(Schedule schedule) {
    Map<String, Object> params;
    if (schedule instanceof Schedule.Step st) {
      params = ordered("every", st.every(), "factor", st.factor());
    } else if (schedule instanceof Schedule.Exponential ex) {
      params = ordered("gamma", ex.gamma());
    } else if (schedule instanceof Schedule.Cosine c) {
      params = ordered("min", c.min());
      if (c.period() > 0) {
        params.put("period", c.period());
        params.put("growth", c.growth());
      }
    } else {
      throw new AssertionError("Schedule is sealed: " + schedule);
    }
    return ordered(schedule.id(), params);
  }

  private static Map<String, Object> data(DataConfig d) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("train", source(d.train()));
    data.put("test", source(d.test()));
    data.put("inputs", ordered("min", d.inputs().min(), "max", d.inputs().max()));
    data.put("targets", ordered("off", d.targets().off(), "on", d.targets().on()));
    data.put("augment", ordered("rotate", new ArrayList<>(d.augment().rotate())));
    Distort x = d.distort();
    if (!x.isNone()) { // opt-in only, as training.batchSize
      Map<String, Object> distort = ordered("shift", x.shift(), "rotate", x.rotate(), "scale", x.scale());
      if (x.elastic() != null) {
        distort.put("elastic", ordered("alpha", x.elastic().alpha(), "sigma", x.elastic().sigma()));
      }
      distort.put("flip", x.flip());
      data.put("distort", distort);
    }
    if (d.hasValidation()) {
      data.put("validation", d.validation()); // opt-in only: configs without it keep their hash
    }
    return data;
  }

  private static Object source(DataSource source) {
    if (source instanceof DataSource.Named n) {
      return n.name() + ":" + n.part();
    } else if (source instanceof DataSource.Idx idx) {
      return ordered("format", "idx", "images", idx.images().toString(), "labels", idx.labels().toString());
    } else if (source instanceof DataSource.Csv csv) {
      return ordered("format", "csv", "file", csv.file().toString());
    } else if (source instanceof DataSource.Images images) {
      return ordered("format", "images", "dir", images.dir().toString());
    }
    throw new AssertionError("DataSource is sealed: " + source);
  }

  private static Map<String, Object> network(NetworkConfig n) {
    Map<String, Object> network = ordered("layers", new ArrayList<>(n.layers()),
        "activation", n.activation().id(), "init", init(n.init()));
    // written only when set, so configs without it keep their canonical text and hash
    n.startingWeights().ifPresent(dir -> network.put("weights", dir.toString()));
    if (n.precision() != Precision.DOUBLE) {
      network.put("precision", n.precision().id()); // opt-in only, as training.batchSize
    }
    if (n.kernels() != KernelChoice.AUTO) {
      network.put("kernels", n.kernels().id());
    }
    return network;
  }

  private static Object init(Initializer init) {
    if (init instanceof Initializers.NormalFanIn || init instanceof Initializers.UniformFanIn) {
      return init.id();
    } else if (init instanceof Initializers.Normal normal) {
      return ordered("normal", ordered("sigma", normal.sigma()));
    } else if (init instanceof Initializers.Constant constant) {
      return ordered("constant", constant.value());
    }
    throw new IllegalArgumentException("network.init cannot be written as YAML, found " + init.id());
  }

  /** A map of the given key, value pairs, in order. */
  private static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
