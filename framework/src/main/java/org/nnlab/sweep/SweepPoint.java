package org.nnlab.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.nnlab.config.ConfigNode;
import org.nnlab.config.ConfigNode.Mapping;
import org.nnlab.config.ConfigNode.Scalar;
import org.nnlab.config.ConfigNode.Sequence;
import org.nnlab.experiment.ResultsJson;

/**
 * One point of a sweep: a value for each swept config key, each value a positioned node so that an
 * error in it points at the sweep's line. Immutable.
 *
 * <pre>{@code
 * SweepPoint p = SweepPoint.EMPTY.with("training.learningRate", node);
 * p.parameters();   // {training.learningRate=0.1}, plain values for JSON
 * }</pre>
 */
public final class SweepPoint {
  public static final SweepPoint EMPTY = new SweepPoint(new LinkedHashMap<>());

  private final LinkedHashMap<String, ConfigNode> values;

  private SweepPoint(LinkedHashMap<String, ConfigNode> values) {
    this.values = values;
  }

  /** A copy with {@code key} set to {@code value} (appended, or replaced in place). */
  public SweepPoint with(String key, ConfigNode value) {
    LinkedHashMap<String, ConfigNode> copy = new LinkedHashMap<>(values);
    copy.put(key, value);
    return new SweepPoint(copy);
  }

  /** A copy without {@code key} (this point when it has none). */
  public SweepPoint without(String key) {
    LinkedHashMap<String, ConfigNode> copy = new LinkedHashMap<>(values);
    copy.remove(key);
    return new SweepPoint(copy);
  }

  /** The swept keys and their nodes, in axis order. */
  public Map<String, ConfigNode> nodes() {
    return java.util.Collections.unmodifiableMap(values);
  }

  /** The swept keys and their values as plain Java values (Long, Double, Boolean, String, List, Map). */
  public Map<String, Object> parameters() {
    Map<String, Object> plain = new LinkedHashMap<>();
    values.forEach((k, v) -> plain.put(k, plain(v)));
    return plain;
  }

  /** A canonical text of the point, independent of axis order: what the trial seed is derived from. */
  public String canonical() {
    return ResultsJson.toJsonLine(new TreeMap<>(parameters()));
  }

  /** {@code key=value, …} for messages and progress lines. */
  public String label() {
    List<String> parts = new ArrayList<>();
    parameters().forEach((k, v) -> parts.add(k + "=" + ResultsJson.toJsonLine(v)));
    return String.join(", ", parts);
  }

  /** A YAML node as the plain value JSON writes. */
  static Object plain(ConfigNode node) {
    if (node instanceof Scalar s) {
      String text = s.value().replace("_", "");
      return switch (s.kind()) {
        case NULL -> null;
        case BOOL -> Boolean.parseBoolean(s.value());
        case INT -> parseInt(text, s.value());
        case FLOAT -> Double.parseDouble(text);
        case STRING -> s.value();
      };
    }
    if (node instanceof Sequence seq) {
      return seq.items().stream().map(SweepPoint::plain).toList();
    }
    Map<String, Object> map = new LinkedHashMap<>();
    for (ConfigNode.Entry e : ((Mapping) node).entries()) {
      map.put(e.key(), plain(e.value()));
    }
    return map;
  }

  private static Object parseInt(String text, String raw) {
    try {
      return Long.decode(text);
    } catch (NumberFormatException e) {
      return raw;
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SweepPoint p && p.parameters().equals(parameters());
  }

  @Override
  public int hashCode() {
    return parameters().hashCode();
  }

  @Override
  public String toString() {
    return label();
  }
}
