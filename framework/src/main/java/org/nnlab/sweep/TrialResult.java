package org.nnlab.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.nnlab.experiment.ExperimentResult;
import org.nnlab.experiment.ResultsException;
import org.nnlab.experiment.ResultsJson;
import org.nnlab.io.Json;
import org.nnlab.io.Printable;

/**
 * One finished trial as a line of {@code results.jsonl}: the trial's id, its {@code parameters},
 * {@code repeat} and {@code seed}, followed by every field of its {@link ExperimentResult}.
 *
 * @param parameters swept key → plain value (Long, Double, String, List, Map)
 */
public record TrialResult(String trial, Map<String, Object> parameters, int repeat, long seed, ExperimentResult result) {
  public TrialResult {
    Objects.requireNonNull(trial, "trial");
    parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    Objects.requireNonNull(result, "result");
  }

  /** The result of running {@code t}. */
  public static TrialResult of(Trial t, ExperimentResult result) {
    return new TrialResult(t.id(), t.point().parameters(), t.repeat(), t.seed(), result);
  }

  /** One compact JSON line, without the newline. */
  public String toJsonLine() {
    ObjectMapper m = ResultsJson.mapper();
    ObjectNode line = m.createObjectNode();
    line.put("trial", trial);
    line.set("parameters", m.valueToTree(parameters));
    line.put("repeat", repeat);
    line.put("seed", seed);
    line.setAll((ObjectNode) m.valueToTree(result));
    return ResultsJson.toJsonLine(line);
  }

  /**
   * Reads one line written by {@link #toJsonLine()}.
   *
   * @throws IllegalArgumentException when the line is not a JSON object (a line torn by a crash)
   * @throws ResultsException when it is a JSON object but not a valid trial result
   */
  public static TrialResult parse(String line) {
    return parse(line, ResultsStore.FILE);
  }

  /** As {@link #parse(String)}; {@code where} names the line in messages ({@code FILE:LINE}). */
  @SuppressWarnings("unchecked")
  public static TrialResult parse(String line, String where) {
    ObjectMapper m = ResultsJson.mapper();
    JsonNode node;
    try {
      node = m.readTree(line);
    } catch (IOException | UncheckedIOException e) {
      throw new IllegalArgumentException("not a trial result line: " + Json.message(e), e);
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("not a trial result line");
    }
    JsonNode trial = node.get("trial");
    if (trial == null || !trial.isTextual() || trial.asText().isEmpty()) {
      throw new ResultsException(where + ": field 'trial' must be the trial's id, a string, found "
          + (trial == null ? "nothing" : Printable.clean(trial.toString(), Printable.MAX_VALUE)));
    }
    JsonNode parameters = node.get("parameters");
    if (parameters != null && !parameters.isObject() && !parameters.isNull()) {
      throw new ResultsException(where + ": field 'parameters' must be an object of swept keys");
    }
    int repeat = (int) integer(node, "repeat", 0, Integer.MAX_VALUE, where);
    long seed = integer(node, "seed", Long.MIN_VALUE, Long.MAX_VALUE, where);
    Map<String, Object> params = m.convertValue(parameters, LinkedHashMap.class);
    return new TrialResult(trial.asText(), params == null ? Map.of() : params, repeat, seed,
        ResultsJson.result(node, where));
  }

  /** An optional integer field in [min, max]; 0 when absent. */
  private static long integer(JsonNode node, String field, long min, long max, String where) {
    JsonNode v = node.get(field);
    if (v == null) {
      return 0;
    }
    if (!v.canConvertToLong() || !v.isIntegralNumber() || v.asLong() < min || v.asLong() > max) {
      throw new ResultsException(where + ": field '" + field + "' must be an integer"
          + (min == 0 ? " ≥ 0" : "") + ", found " + Printable.clean(v.toString(), Printable.MAX_VALUE));
    }
    return v.asLong();
  }
}
