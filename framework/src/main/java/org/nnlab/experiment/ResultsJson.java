package org.nnlab.experiment;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.nnlab.config.Severity;
import org.nnlab.io.AtomicFiles;
import org.nnlab.io.Json;
import org.nnlab.io.Printable;
import org.nnlab.io.RegularFiles;
import org.nnlab.rules.Phase;

/**
 * Reads and writes {@link ExperimentResult} as JSON: {@code results.json} (pretty, one object) and
 * the lines of a sweep's {@code results.jsonl} (compact). The settings are {@link Json}'s
 * (non-finite numbers as {@code null}, read back as NaN), plus severities and phases as their
 * lowercase ids. Writing a file is atomic ({@link AtomicFiles}). Reading takes only a regular file
 * of bounded size and checks it holds a result a run could have written ({@link ExperimentResult}
 * validates itself); anything else is a {@link ResultsException} of one line naming the file and
 * the field.
 */
public final class ResultsJson {
  /** The name of a run's results file in its folder. */
  public static final String FILE = "results.json";

  private static final ObjectMapper MAPPER = build();

  /** The fields every {@code results.json} has, as the design names them. */
  public static final List<String> REQUIRED = List.of(
      "name", "status", "accuracy", "samplesPerSecond", "trainSeconds", "epochs", "findings", "provenance");

  /** The largest {@code results.json} read back (a result is a few kilobytes; its config ≤ 1 MiB). */
  public static final long MAX_FILE_BYTES = 64L << 20;

  private ResultsJson() {}

  /** The configured mapper, for other result-like records (sweep lines). Thread-safe; do not reconfigure. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  private static ObjectMapper build() {
    SimpleModule m = new SimpleModule("nnlab-results");
    m.addSerializer(Severity.class, new JsonSerializer<>() {
      @Override
      public void serialize(Severity s, JsonGenerator g, SerializerProvider p) throws IOException {
        g.writeString(s.id());
      }
    });
    m.addDeserializer(Severity.class, new JsonDeserializer<>() {
      @Override
      public Severity deserialize(JsonParser p, DeserializationContext c) throws IOException {
        return Severity.byId(p.getValueAsString());
      }
    });
    m.addSerializer(Phase.class, new JsonSerializer<>() {
      @Override
      public void serialize(Phase s, JsonGenerator g, SerializerProvider p) throws IOException {
        g.writeString(s.name().toLowerCase(java.util.Locale.ROOT));
      }
    });
    m.addDeserializer(Phase.class, new JsonDeserializer<>() {
      @Override
      public Phase deserialize(JsonParser p, DeserializationContext c) throws IOException {
        String id = p.getValueAsString();
        for (Phase phase : Phase.values()) {
          if (phase.name().toLowerCase(java.util.Locale.ROOT).equals(id)) {
            return phase;
          }
        }
        throw new IllegalArgumentException("unknown phase " + (id == null ? "null" : Printable.quote(id))
            + "; allowed: config, data, init, epoch, final, gradient");
      }
    });
    return Json.newMapper().registerModule(m);
  }

  public static String toJson(ExperimentResult r) {
    try {
      return MAPPER.writeValueAsString(r);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One compact line, for {@code results.jsonl}. */
  public static String toJsonLine(Object value) {
    return Json.toJsonLine(MAPPER, value);
  }

  /**
   * Reads {@code results.json} text; {@code where} names it in messages.
   *
   * @throws ResultsException when it is not one valid result object
   */
  public static ExperimentResult fromJson(String json, String where) {
    JsonNode node = tree(json, where);
    ExperimentResult r = result(node, where);
    if (r.provenance() == null) {
      // a run's report shows where it came from (a sweep's trial lines may lack it)
      throw new ResultsException(where + ": field provenance must be an object, found "
          + Printable.clean(node.get("provenance").toString(), Printable.MAX_VALUE));
    }
    return r;
  }

  /** As {@link #fromJson(String, String)}, naming the text {@code results.json}. */
  public static ExperimentResult fromJson(String json) {
    return fromJson(json, FILE);
  }

  /**
   * Reads {@code file}: a regular file of at most {@value #MAX_FILE_BYTES} bytes holding one valid
   * result object.
   *
   * @throws ResultsException naming the file and the field, for a file that is not such a result
   */
  public static ExperimentResult read(Path file) throws IOException {
    byte[] bytes = RegularFiles.read(file, file.toString(), MAX_FILE_BYTES, "a results file", ResultsException::new);
    return fromJson(new String(bytes, StandardCharsets.UTF_8), file.toString());
  }

  /** The JSON value in {@code text}, or a {@link ResultsException} naming {@code where}. */
  public static JsonNode tree(String text, String where) {
    try {
      JsonNode node = MAPPER.readTree(text);
      if (node == null || node.isMissingNode()) {
        throw new ResultsException(where + ": empty; expected one JSON object with " + String.join(", ", REQUIRED));
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new ResultsException(where + ": not JSON: " + Json.message(e), e);
    }
  }

  /**
   * The result {@code node} holds: an object with every field of {@link #REQUIRED}, each of its type
   * and range (the record validates itself).
   *
   * @throws ResultsException naming {@code where} and the first field that is wrong
   */
  public static ExperimentResult result(JsonNode node, String where) {
    if (!node.isObject()) {
      throw new ResultsException(where + ": expected a JSON object with " + String.join(", ", REQUIRED)
          + ", found " + kind(node));
    }
    for (String field : REQUIRED) {
      if (!node.has(field)) {
        throw new ResultsException(where + ": field '" + field + "' is missing");
      }
    }

    try {
      return MAPPER.treeToValue(node, ExperimentResult.class);
    } catch (MismatchedInputException e) {
      throw new ResultsException(where + ": " + mismatch(e, node), e);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new ResultsException(where + ": " + Json.message(e), e);
    }
  }

  /** {@code field epochs[0].epoch must be an integer, found "a"}: the type wanted, the value found. */
  private static String mismatch(MismatchedInputException e, JsonNode root) {
    Class<?> type = e.getTargetType();
    if (type == null) {
      return Json.message(e);
    }
    String wanted = type == double.class || type == Double.class || type == float.class ? "a number"
        : type == int.class || type == Integer.class || type == long.class || type == Long.class ? "an integer"
        : type == String.class ? "a string" : type == boolean.class ? "true or false"
        : type.isArray() || List.class.isAssignableFrom(type) ? "a list" : "an object";
    JsonNode found = root;
    for (JsonMappingException.Reference r : e.getPath()) {
      found = r.getFieldName() != null ? found.path(r.getFieldName()) : found.path(r.getIndex());
    }
    return "field " + Json.path(e) + " must be " + wanted + ", found "
        + (found.isMissingNode() ? kind(found) : Printable.clean(found.toString(), Printable.MAX_VALUE));
  }

  private static String kind(JsonNode node) {
    return node.isArray() ? "an array" : node.isTextual() ? "a string" : node.isNumber() ? "a number"
        : node.isBoolean() ? "a boolean" : node.isNull() ? "null"
        : node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
  }

  /** Writes {@code r} to {@code file} atomically ({@link AtomicFiles}). */
  public static void write(ExperimentResult r, Path file) throws IOException {
    AtomicFiles.write(file, toJson(r) + "\n");
  }
}
