package org.nnlab.config;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.nnlab.config.ConfigNode.Kind;
import org.nnlab.config.ConfigNode.Mapping;
import org.nnlab.config.ConfigNode.Scalar;
import org.nnlab.config.ConfigNode.Sequence;
import org.nnlab.io.Printable;

/**
 * A config file as read and merged ({@code extends:} applied), before binding: the positioned
 * node tree, plus the overrides applied to it so far. Immutable; every {@code with…} returns a
 * new document.
 *
 * <p>Use it when a plain {@link ExperimentConfig} is not enough: a sweep reads the raw
 * {@code sweep:} block from {@link #sweepNode()} and binds one config per trial with
 * {@link #withOverride(String, ConfigNode)}; the run command refuses a document that
 * {@link #hasSweep()}.
 *
 * <pre>{@code
 * ConfigDocument doc = new ConfigLoader(ConfigLoader.BUILT_IN_RULES).document(Path.of("sweep.yaml"));
 * ExperimentConfig trial = doc.withOverride("training.learningRate", "0.3").bind();
 * }</pre>
 *
 * <p>Overrides are not checked against the known keys until {@link #bind()}, so an error in one
 * is reported where it came from ({@code --set training.lerningRate}) when the document is bound.
 */
public final class ConfigDocument {
  private final Mapping root;
  private final String defaultName;
  private final Set<String> knownRuleIds;
  private final Path workingDirectory;

  ConfigDocument(Mapping root, String defaultName, Set<String> knownRuleIds, Path workingDirectory) {
    this.root = Objects.requireNonNull(root, "root");
    this.defaultName = Objects.requireNonNull(defaultName, "defaultName");
    // ordered, so that "allowed:" lists read the same every run
    this.knownRuleIds = Collections.unmodifiableSet(new LinkedHashSet<>(knownRuleIds));
    this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
  }

  /** The merged tree; its root position names the file that was loaded. */
  public Mapping root() {
    return root;
  }

  /** Whether the document has a top-level {@code sweep:} block. */
  public boolean hasSweep() {
    return root.get("sweep").isPresent();
  }

  /** The raw {@code sweep:} block, for the sweep planner to read. */
  public Optional<ConfigNode> sweepNode() {
    return root.get("sweep");
  }

  /**
   * Binds the document to an {@link ExperimentConfig}; the {@code sweep:} block, if any, is
   * ignored. The name defaults to the loaded file's base name.
   *
   * @throws ConfigException naming the position, key path, value found and what is allowed
   */
  public ExperimentConfig bind() {
    return new ConfigBinder(knownRuleIds, defaultName).bind(root);
  }

  /**
   * Applies {@code KEY=VALUE} overrides in order, as given to {@code --set}. Relative paths in
   * values resolve against the working directory.
   *
   * @throws ConfigException for a malformed override, positioned at {@code --set KEY}
   */
  public ConfigDocument withOverrides(List<String> sets) {
    ConfigDocument document = this;
    for (String set : sets) {
      int eq = set.indexOf('=');
      if (eq <= 0) {
        throw new ConfigException("--set " + Printable.clean(set, Printable.MAX_VALUE)
            + ": override is malformed, found " + Printable.quote(set)
            + "; allowed: KEY=VALUE, e.g. training.epochs=3 or network.layers[1]=200");
      }
      document = document.withOverride(set.substring(0, eq).strip(), set.substring(eq + 1));
    }
    return document;
  }

  /**
   * Sets the value at {@code keyPath} ({@code training.learningRate}, {@code network.layers[1]})
   * to {@code yamlValue} parsed as YAML, creating missing maps on the way.
   *
   * @throws ConfigException if the path is malformed, crosses a non-map, or indexes past a list
   */
  public ConfigDocument withOverride(String keyPath, String yamlValue) {
    Position at = Position.override(keyPath, workingDirectory);
    ConfigNode value = YamlSyntax.parse(yamlValue, at.source(), workingDirectory, false);
    return withOverride(keyPath, value == null ? new Scalar("", Kind.NULL, at) : value);
  }

  /**
   * Sets the value at {@code keyPath} to an already positioned node, e.g. one value of a sweep
   * axis, so that errors in it point at the sweep's line.
   */
  public ConfigDocument withOverride(String keyPath, ConfigNode value) {
    KeyPath path = KeyPath.parse(keyPath);
    Position at = Position.override(keyPath, workingDirectory);
    if (path == null) {
      throw new ConfigException(at + ": key path is malformed, found " + Printable.quote(keyPath)
          + "; allowed: dotted keys with list indexes, e.g. network.layers[1]");
    }
    Mapping newRoot = (Mapping) set(root, path, 0, value, at);
    return new ConfigDocument(newRoot, defaultName, knownRuleIds, workingDirectory);
  }

  private static ConfigNode set(ConfigNode node, KeyPath path, int i, ConfigNode value, Position at) {
    if (i == path.segments().size()) {
      return value;
    }
    Object segment = path.segments().get(i);
    if (segment instanceof Integer index) {
      if (!(node instanceof Sequence list)) {
        throw new ConfigException(at + ": " + path.prefix(i) + " must be a list to take an index, found "
            + (node == null ? "nothing" : node.describe()));
      }
      if (index >= list.items().size()) {
        throw new ConfigException(at + ": " + path.prefix(i + 1) + " is past the list's end, found "
            + list.items().size() + " items; allowed: "
            + (list.items().isEmpty() ? "none" : "indexes 0 to " + (list.items().size() - 1)));
      }
      return list.with(index, set(list.items().get(index), path, i + 1, value, at));
    }
    String key = (String) segment;
    Mapping map;
    if (node == null || node instanceof Scalar s && s.kind() == Kind.NULL) {
      map = new Mapping(List.of(), at); // a missing map is created
    } else if (node instanceof Mapping m) {
      map = m;
    } else {
      throw new ConfigException(at + ": " + path.prefix(i) + " must be a map to hold '" + key
          + "', found " + node.describe());
    }
    ConfigNode child = map.get(key).orElse(null);
    return map.with(new ConfigNode.Entry(key, at, set(child, path, i + 1, value, at)));
  }
}
