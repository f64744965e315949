package org.nnlab.experiment;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.nnlab.config.Severity;
import org.nnlab.io.AtomicFiles;
import org.nnlab.io.Json;
import org.nnlab.rules.Phase;

/**
 * Reads and writes {@link ExperimentResult} as JSON: {@code results.json} (pretty, one object) and
 * the lines of a sweep's {@code results.jsonl} (compact). The settings are {@link Json}'s
 * (non-finite numbers as {@code null}, read back as NaN), plus severities and phases as their
 * lowercase ids. Writing a file is atomic ({@link AtomicFiles}).
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
        return Phase.valueOf(p.getValueAsString().toUpperCase(java.util.Locale.ROOT));
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

  /** Writes {@code r} to {@code file} atomically ({@link AtomicFiles}). */
  public static void write(ExperimentResult r, Path file) throws IOException {
    AtomicFiles.write(file, toJson(r) + "\n");
  }
}
