package org.nnlab.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.nnlab.config.ConfigException;
import org.nnlab.config.ConfigNode;
import org.nnlab.config.Scalars;
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

  /**
   * The swept keys and their values as plain Java values (Long, Double, Boolean, String, List,
   * Map), read by {@link Scalars#plain}: the numbers the config binder sees for the same text.
   *
   * @throws ConfigException for a value without a JSON form ({@code .inf}, {@code .nan}), which
   *     {@link org.nnlab.config.SweepConfig#parse} refuses before a point is made
   */
  public Map<String, Object> parameters() {
    Map<String, Object> plain = new LinkedHashMap<>();
    values.forEach((k, v) -> plain.put(k, Scalars.plain(v, k)));
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
