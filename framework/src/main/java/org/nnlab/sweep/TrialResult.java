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
import org.nnlab.experiment.ResultsJson;

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
   * @throws IllegalArgumentException when the line is not such a JSON object
   */
  @SuppressWarnings("unchecked")
  public static TrialResult parse(String line) {
    ObjectMapper m = ResultsJson.mapper();
    try {
      JsonNode node = m.readTree(line);
      if (node == null || !node.isObject() || !node.hasNonNull("trial")) {
        throw new IllegalArgumentException("not a trial result line");
      }
      Map<String, Object> params = m.convertValue(node.get("parameters"), LinkedHashMap.class);
      return new TrialResult(node.get("trial").asText(), params == null ? Map.of() : params,
          node.path("repeat").asInt(), node.path("seed").asLong(), m.treeToValue(node, ExperimentResult.class));
    } catch (IOException e) {
      throw new IllegalArgumentException("not a trial result line: " + e.getMessage(), e);
    } catch (UncheckedIOException e) {
      throw new IllegalArgumentException("not a trial result line", e);
    }
  }
}
