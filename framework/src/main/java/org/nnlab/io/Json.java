package org.nnlab.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The JSON settings of every file nnlab writes ({@code results.json}, the header of {@code
 * model.nnlab}, {@code layers.json}): records as objects, pretty-printed; a NaN or infinite double
 * as {@code null}, read back as NaN (JSON has no NaN); unknown fields ignored on reading, so
 * newer files stay readable.
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
    return new ObjectMapper()
        .registerModule(m)
        .enable(SerializationFeature.INDENT_OUTPUT)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
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
      return p.currentToken() == JsonToken.VALUE_NULL ? Double.NaN : p.getValueAsDouble();
    }

    @Override
    public Double getNullValue(DeserializationContext c) {
      return Double.NaN;
    }
  }
}
