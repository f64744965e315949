package org.nnlab.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.nnlab.io.Printable;

/**
 * One node of a YAML config as read, before it is bound to records: a scalar, a list or a map,
 * each with the {@link Position} it was written at. Immutable; {@code with…} methods return copies.
 *
 * <p>Use it to read parts of a config the records do not hold, such as the raw {@code sweep:}
 * block, and still report errors at the right line:
 *
 * <pre>{@code
 * ConfigNode.Mapping sweep = (ConfigNode.Mapping) document.sweepNode().orElseThrow();
 * ConfigNode strategy = sweep.get("strategy").orElseThrow();
 * throw new ConfigException(strategy.position() + ": sweep.strategy ...");
 * }</pre>
 *
 * <p>Only plain YAML reaches this tree: maps with string keys, lists, and scalars typed by the
 * YAML 1.2 core schema (so {@code off} and {@code yes} are strings, not booleans).
 */
public sealed interface ConfigNode {

  /** Where the node starts. */
  Position position();

  /** How the node reads in an error message after "found": {@code 'fast'}, {@code 12}, {@code a map}. */
  String describe();

  /** The type the YAML core schema gives a scalar. */
  enum Kind {
    STRING,
    INT,
    FLOAT,
    BOOL,
    NULL
  }

  /** A scalar: its text as written (without quotes) and its resolved kind. */
  record Scalar(String value, Kind kind, Position position) implements ConfigNode {
    public Scalar {
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(position, "position");
    }

    @Override
    public String describe() {
      return switch (kind) {
        case NULL -> "null";
        case INT, FLOAT, BOOL -> Printable.clean(value, Printable.MAX_VALUE);
        case STRING -> Printable.quote(value);
      };
    }
  }

  /** A list. */
  record Sequence(List<ConfigNode> items, Position position) implements ConfigNode {
    public Sequence {
      items = List.copyOf(items);
      Objects.requireNonNull(position, "position");
    }

    /** A copy with item {@code index} replaced. */
    public Sequence with(int index, ConfigNode item) {
      List<ConfigNode> copy = new ArrayList<>(items);
      copy.set(index, item);
      return new Sequence(copy, position);
    }

    @Override
    public String describe() {
      return "a list";
    }
  }

  /** A map entry: the key as written, where the key is, and its value. */
  record Entry(String key, Position keyPosition, ConfigNode value) {
    public Entry {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(keyPosition, "keyPosition");
      Objects.requireNonNull(value, "value");
    }
  }

  /** A map with string keys, in the order written. */
  record Mapping(List<Entry> entries, Position position) implements ConfigNode {
    public Mapping {
      entries = List.copyOf(entries);
      Objects.requireNonNull(position, "position");
    }

    /** The entry for {@code key}, if present. */
    public Optional<Entry> entry(String key) {
      return entries.stream().filter(e -> e.key().equals(key)).findFirst();
    }

    /** The value for {@code key}, if present. */
    public Optional<ConfigNode> get(String key) {
      return entry(key).map(Entry::value);
    }

    /** The keys, in order. */
    public List<String> keys() {
      return entries.stream().map(Entry::key).collect(Collectors.toList());
    }

    /** A copy with {@code entry} replacing the entry of the same key, or appended. */
    public Mapping with(Entry entry) {
      List<Entry> copy = new ArrayList<>(entries);
      int i = keys().indexOf(entry.key());
      if (i >= 0) {
        copy.set(i, entry);
      } else {
        copy.add(entry);
      }
      return new Mapping(copy, position);
    }

    /** A copy without {@code key}. */
    public Mapping without(String key) {
      List<Entry> copy = new ArrayList<>(entries);
      copy.removeIf(e -> e.key().equals(key));
      return new Mapping(copy, position);
    }

    @Override
    public String describe() {
      return "a map";
    }
  }
}
