package org.nnlab.experiment;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.nnlab.config.Severity;
import org.nnlab.io.FileErrors;
import org.nnlab.io.Printable;
import org.nnlab.io.RegularFiles;
import org.nnlab.rules.Phase;

/**
 * Reads and writes {@link ExperimentResult} as JSON: {@code results.json} (pretty, one object) and
 * the lines of a sweep's {@code results.jsonl} (compact). Non-finite numbers are written as
 * {@code null} and read back as NaN; enums as their lowercase ids. Writing a file is atomic: a
 * temporary file in the same folder, then a move.
 */
public final class ResultsJson {
  private static final ObjectMapper MAPPER = build();
  private static final java.util.regex.Pattern SOURCE =
      java.util.regex.Pattern.compile("\\s*\\((?:start marker )?at \\[Source:[^\\]]*\\][^)]*\\)|\\s*at \\[Source:.*"
          + "|: enable `[A-Za-z_.]+` to allow.*");

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
    SimpleModule m = new SimpleModule("nnlab");
    m.addSerializer(Double.class, new FiniteOrNull());
    m.addSerializer(double.class, new FiniteOrNull());
    m.addDeserializer(Double.class, new NullAsNaN());
    m.addDeserializer(double.class, new NullAsNaN());
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
    ObjectMapper mapper = new ObjectMapper()
        .registerModule(m)
        .enable(SerializationFeature.INDENT_OUTPUT)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        // a file read back holds what nnlab wrote: no "12" for 12, no 1.5 for an integer
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
    mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    return mapper;
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
    try {
      return MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads {@code results.json} text; {@code where} names it in messages.
   *
   * @throws ResultsException when it is not one valid result object
   */
  public static ExperimentResult fromJson(String json, String where) {
    return result(tree(json, where), where);
  }

  /** As {@link #fromJson(String, String)}, naming the text {@code results.json}. */
  public static ExperimentResult fromJson(String json) {
    return fromJson(json, "results.json");
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
      throw new ResultsException(where + ": not JSON: " + message(e), e);
    }
  }

  /**
   * The result {@code node} holds: an object with every field of {@link #REQUIRED}, each of its type
   * and range.
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
      throw new ResultsException(where + ": " + message(e), e);
    }
  }

  /** {@code field epochs[0].epoch must be an integer, found "a"}: the type wanted, the value found. */
  private static String mismatch(MismatchedInputException e, JsonNode root) {
    Class<?> type = e.getTargetType();
    if (type == null) {
      return message(e);
    }
    String wanted = type == double.class || type == Double.class || type == float.class ? "a number"
        : type == int.class || type == Integer.class || type == long.class || type == Long.class ? "an integer"
        : type == String.class ? "a string" : type == boolean.class ? "true or false"
        : type.isArray() || List.class.isAssignableFrom(type) ? "a list" : "an object";
    JsonNode found = root;
    for (JsonMappingException.Reference r : e.getPath()) {
      found = r.getFieldName() != null ? found.path(r.getFieldName()) : found.path(r.getIndex());
    }
    return "field " + path(e) + " must be " + wanted + ", found "
        + (found.isMissingNode() ? kind(found) : Printable.clean(found.toString(), Printable.MAX_VALUE));
  }

  /**
   * One line saying what Jackson found wrong, without its {@code at [Source: …]} line: the field's
   * path, then the record's own message when a constructor refused the value.
   */
  public static String message(Exception e) {
    String path = e instanceof JsonMappingException m ? path(m) : "";
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IllegalArgumentException && t != e && t.getMessage() != null) {
        String cause = Printable.clean(t.getMessage(), 300);
        // a record's constructor names its own field: epochs[1] + "accuracy must …"
        return e instanceof ValueInstantiationException && !path.isEmpty() && !cause.startsWith(path)
            ? path + "." + cause : inField(path, cause);
      }
    }
    String text = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
    String first = text == null ? e.getClass().getSimpleName() : text.lines().findFirst().orElse("").strip();
    // Jackson names its input ("[Source: REDACTED …; line: 1, column: 1]") inside the text too
    first = SOURCE.matcher(first).replaceAll("").strip();
    if (e instanceof JsonProcessingException j && j.getLocation() != null && j.getLocation().getLineNr() > 0
        && path.isEmpty()) {
      first = "line " + j.getLocation().getLineNr() + ", column " + j.getLocation().getColumnNr() + ": " + first;
    }
    return inField(path, Printable.clean(first, 200));
  }

  private static String inField(String path, String message) {
    if (path.isEmpty() || message.startsWith(path)) {
      return message;
    }
    String last = path.substring(path.lastIndexOf('.') + 1);
    return message.startsWith(last + " ") ? path.substring(0, path.length() - last.length()) + message
        : "field " + path + ": " + message;
  }

  private static String path(JsonMappingException m) {
    StringBuilder b = new StringBuilder();
    for (JsonMappingException.Reference r : m.getPath()) {
      if (r.getFieldName() != null) {
        b.append(b.length() == 0 ? "" : ".").append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        b.append('[').append(r.getIndex()).append(']');
      }
    }
    return b.toString();
  }

  private static String kind(JsonNode node) {
    return node.isArray() ? "an array" : node.isTextual() ? "a string" : node.isNumber() ? "a number"
        : node.isBoolean() ? "a boolean" : node.isNull() ? "null" : node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
  }

  /** Writes {@code r} to {@code file} atomically. */
  public static void write(ExperimentResult r, Path file) throws IOException {
    writeAtomically(file, toJson(r) + "\n");
  }

  /** Writes {@code text} through a temporary file in the same folder and a move. */
  public static void writeAtomically(Path file, String text) throws IOException {
    writeAtomically(file, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Writes {@code bytes} through a temporary file in the same folder and a move. */
  public static void writeAtomically(Path file, byte[] bytes) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    // not Files.createTempFile: its 0600 mode would survive the move; this one gets the umask's
    String unique = Long.toHexString(ThreadLocalRandom.current().nextLong());
    Path tmp = dir.resolve("." + file.getFileName() + "." + unique + ".tmp");
    try {
      Files.createDirectories(dir);
      Files.write(tmp, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw FileErrors.writing(file, e); // "No space left on device" alone names no file
    } finally {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException e) {
        // the folder could not be made or is gone: the write's own failure is the one reported
      }
    }
  }

  private static final class FiniteOrNull extends JsonSerializer<Double> {
    @Override
    public void serialize(Double v, JsonGenerator g, SerializerProvider p) throws IOException {
      if (v == null || !Double.isFinite(v)) {
        g.writeNull();
      } else {
        g.writeNumber(v);
      }
    }
  }

  private static final class NullAsNaN extends JsonDeserializer<Double> {
    @Override
    public Double deserialize(JsonParser p, DeserializationContext c) throws IOException {
      if (p.currentToken() == JsonToken.VALUE_NULL) {
        return Double.NaN;
      }
      if (!p.currentToken().isNumeric()) {
        return (Double) c.handleUnexpectedToken(Double.class, p);
      }
      return p.getDoubleValue();
    }

    @Override
    public Double getNullValue(DeserializationContext c) {
      return Double.NaN;
    }
  }
}
