package org.nnlab.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;

/**
 * The JSON settings of every file nnlab writes ({@code results.json}, the header of {@code
 * model.nnlab}, {@code layers.json}): records as objects, pretty-printed; a NaN or infinite double
 * as {@code null}, read back as NaN (JSON has no NaN); unknown fields ignored on reading, so
 * newer files stay readable; but no value of another JSON type is coerced on reading (the string
 * {@code "12"} is not the number 12, 1.5 is not an integer). {@link #message} says in one line what
 * a file read back got wrong.
 *
 * <pre>{@code
 * byte[] header = Json.mapper().writeValueAsBytes(record);
 * String line = Json.toJsonLine(Map.of("a", 1));   // {"a":1}
 * }</pre>
 *
 * <p>{@link #mapper()} is shared: thread-safe, never reconfigure it; {@link #newMapper()} gives a
 * copy to add modules to. The bytes these write are part of files that are hashed (model
 * checksums), so the settings do not change.
 */
public final class Json {
  private static final ObjectMapper MAPPER = newMapper();
  /** What Jackson says about its input inside a message: "(start marker at [Source: …])", "at [Source: …]". */
  private static final Pattern SOURCE = Pattern.compile("\\s*\\((?:start marker )?at \\[Source:[^\\]]*\\][^)]*\\)"
      + "|\\s*at \\[Source:.*|: enable `[A-Za-z_.]+` to allow.*");

  private Json() {}

  /** The shared mapper. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** A new mapper with these settings, for a caller that registers more modules. */
  public static ObjectMapper newMapper() {
    SimpleModule m = new SimpleModule("nnlab-numbers");
    m.addSerializer(Double.class, new FiniteOrNull());
    m.addSerializer(double.class, new FiniteOrNull());
    m.addDeserializer(Double.class, new NullAsNaN());
    m.addDeserializer(double.class, new NullAsNaN());
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

  /**
   * A {@code @JsonInclude(value = CUSTOM, valueFilter = Json.NotMeasured.class)} filter that leaves
   * out a NaN double: for a figure that only some runs measure ({@code validationAccuracy}), so files
   * of runs without it stay as they were. Read back, an absent double is NaN.
   */
  public static final class NotMeasured {
    @Override
    public boolean equals(Object value) {
      return value instanceof Double d && d.isNaN();
    }

    @Override
    public int hashCode() {
      return 0;
    }
  }

  /**
   * One line saying what Jackson found wrong in a file nnlab reads, without the {@code at [Source:
   * …]} Jackson adds: the field's path ({@code epochs[1].accuracy}), then the record's own message
   * when its constructor refused the value, else Jackson's first line with control characters escaped.
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
    first = SOURCE.matcher(first).replaceAll("").strip();
    if (e instanceof JsonProcessingException j && j.getLocation() != null && j.getLocation().getLineNr() > 0
        && path.isEmpty()) {
      first = "line " + j.getLocation().getLineNr() + ", column " + j.getLocation().getColumnNr() + ": " + first;
    }
    return inField(path, Printable.clean(first, 200));
  }

  /** The field a mapping failure is about, as written in messages: {@code epochs[1].accuracy}. */
  public static String path(JsonMappingException m) {
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

  private static String inField(String path, String message) {
    if (path.isEmpty() || message.startsWith(path)) {
      return message;
    }
    String last = path.substring(path.lastIndexOf('.') + 1);
    return message.startsWith(last + " ") ? path.substring(0, path.length() - last.length()) + message
        : "field " + path + ": " + message;
  }

  /** {@code value} as one compact line, without the newline, by {@code mapper}. */
  public static String toJsonLine(ObjectMapper mapper, Object value) {
    try {
      return mapper.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code value} as one compact line, without the newline. */
  public static String toJsonLine(Object value) {
    return toJsonLine(MAPPER, value);
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
        return (Double) c.handleUnexpectedToken(Double.class, p); // "0.5" is not a number here
      }
      return p.getDoubleValue();
    }

    @Override
    public Double getNullValue(DeserializationContext c) {
      return Double.NaN;
    }
  }
}
