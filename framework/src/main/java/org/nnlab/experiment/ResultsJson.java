package org.nnlab.experiment;

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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;
import org.nnlab.config.Severity;
import org.nnlab.rules.Phase;

/**
 * Reads and writes {@link ExperimentResult} as JSON: {@code results.json} (pretty, one object) and
 * the lines of a sweep's {@code results.jsonl} (compact). Non-finite numbers are written as
 * {@code null} and read back as NaN; enums as their lowercase ids. Writing a file is atomic: a
 * temporary file in the same folder, then a move.
 */
public final class ResultsJson {
  /** The name of a run's results file in its folder. */
  public static final String FILE = "results.json";

  private static final ObjectMapper MAPPER = build();

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
        return Phase.valueOf(p.getValueAsString().toUpperCase(java.util.Locale.ROOT));
      }
    });
    return new ObjectMapper()
        .registerModule(m)
        .enable(SerializationFeature.INDENT_OUTPUT)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
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

  public static ExperimentResult fromJson(String json) {
    try {
      return MAPPER.readValue(json, ExperimentResult.class);
    } catch (IOException e) {
      throw new IllegalArgumentException("not a valid results.json: " + e.getMessage(), e);
    }
  }

  public static ExperimentResult read(Path file) throws IOException {
    return fromJson(Files.readString(file, StandardCharsets.UTF_8));
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
    Files.createDirectories(dir);
    // not Files.createTempFile: its 0600 mode would survive the move; this one gets the umask's
    String unique = Long.toHexString(ThreadLocalRandom.current().nextLong());
    Path tmp = dir.resolve("." + file.getFileName() + "." + unique + ".tmp");
    try {
      Files.write(tmp, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
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
      return p.currentToken() == JsonToken.VALUE_NULL ? Double.NaN : p.getValueAsDouble();
    }

    @Override
    public Double getNullValue(DeserializationContext c) {
      return Double.NaN;
    }
  }
}
