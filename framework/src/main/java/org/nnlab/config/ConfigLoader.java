package org.nnlab.config;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.nnlab.config.ConfigNode.Mapping;
import org.nnlab.io.RegularFiles;

/**
 * Reads experiment configs from YAML files or text: safe SnakeYAML composition, {@code extends:} merging,
 * {@code --set} overrides, then binding to an {@link ExperimentConfig}.
 *
 * <p>Use {@link #load(Path)} for a plain config; use {@link #document(Path)} when the raw tree is
 * needed too (a {@code sweep:} block). Every problem is a {@link ConfigException} with one line
 * {@code file:line:column: key.path what is wrong, found X; allowed: Y}.
 *
 * <pre>{@code
 * ExperimentConfig c = ConfigLoader.load(Path.of("configs/quickstart.yaml"),
 *     List.of("training.epochs=1", "network.layers[1]=50"));
 * }</pre>
 *
 * <p>Injected ({@code @Inject ConfigLoader}), it knows every rule bound in the injector, a host's
 * too; {@link #load(Path)} knows only the built-in rules.
 *
 * <p>{@code extends: base.yaml} (relative to the file) loads the base first and deep-merges the
 * file over it: maps merge key by key, the child wins, lists are replaced whole. Relative data
 * paths resolve against the folder of the file that wrote them. Safe by construction: only regular
 * files are read (a FIFO, directory or device is refused before it is opened), at most 4 MiB of
 * bytes and 1 MiB of text, no type tags, at most 20 collection aliases, nesting depth 50.
 * Thread-safe (stateless).
 */
public final class ConfigLoader {

  /** The ids of the rules nnlab ships with, as allowed under {@code rules:}. */
  public static final Set<String> BUILT_IN_RULES =
      Collections.unmodifiableSet(new LinkedHashSet<>(List.of(
          "input-range", "target-range", "init-scale", "symmetry", "learning-rate",
          "layer-shape", "saturation", "divergence", "gradient")));

  private static final long MAX_FILE_BYTES = 4L * YamlSyntax.MAX_CODE_POINTS;

  private final Set<String> knownRuleIds;

  /** A loader that accepts {@code knownRuleIds} under {@code rules:}. */
  public ConfigLoader(Set<String> knownRuleIds) {
    this.knownRuleIds =
        Collections.unmodifiableSet(new LinkedHashSet<>(Objects.requireNonNull(knownRuleIds)));
  }

  /** Reads {@code file} with the built-in rules. */
  public static ExperimentConfig load(Path file) {
    return load(file, List.of());
  }

  /** Reads {@code file}, applies {@code --set KEY=VALUE} overrides, with the built-in rules. */
  public static ExperimentConfig load(Path file, List<String> sets) {
    return new ConfigLoader(BUILT_IN_RULES).read(file, sets);
  }

  /** Reads {@code file}, applies the overrides in order, and binds the result. */
  public ExperimentConfig read(Path file, List<String> sets) {
    return document(file).withOverrides(sets).bind();
  }

  /** Reads {@code file} and the files it extends into one merged, positioned document. */
  public ConfigDocument document(Path file) {
    return document(readText(file, file.toString(), null), file);
  }

  /**
   * Binds config text that nnlab wrote ({@link ConfigWriter#toYaml}), such as the config inside a
   * model file, checked as a fresh config is. No {@code extends:} is followed; any rule id under
   * {@code rules:} is accepted, since the host that wrote it may have had rules this one lacks.
   *
   * @param source names the text in messages
   * @throws ConfigException for text that is not such a config
   */
  public static ExperimentConfig bindWritten(String yaml, String source) {
    ConfigNode node = YamlSyntax.parse(yaml, source, Path.of("").toAbsolutePath(), true);
    if (!(node instanceof Mapping root)) {
      throw new ConfigException(source + ": the config must be a map, found "
          + (node == null ? "nothing" : node.describe()));
    }
    Set<String> ruleIds = new LinkedHashSet<>(BUILT_IN_RULES);
    root.get("rules").filter(r -> r instanceof Mapping)
        .ifPresent(r -> ((Mapping) r).entries().forEach(e -> ruleIds.add(e.key())));
    return new ConfigDocument(root, "config", ruleIds, Path.of("")).bind();
  }

  /**
   * Reads a config from YAML text, e.g. one a host holds in a string; {@code name} stands for the
   * file in messages ({@code name:3:5: …}) and is the config's name when it has no {@code name:}.
   * Relative paths (data files, {@code extends:}) resolve against the working directory.
   *
   * @throws ConfigException for malformed YAML or a config that does not bind
   */
  public ExperimentConfig parse(String yaml, String name) {
    return document(yaml, name).bind();
  }

  /** As {@link #parse}, before binding: for a text with a {@code sweep:} block. */
  public ConfigDocument document(String yaml, String name) {
    return document(yaml, Path.of(name.endsWith(".yaml") ? name : name + ".yaml"));
  }

  /**
   * As {@link #document(Path)}, with the text given; {@code file} names it in messages and anchors
   * relative paths (and {@code extends:}). Use it for YAML that did not come from a file, such as
   * {@link ConfigWriter}'s canonical text sent to another machine.
   */
  public ConfigDocument document(String text, Path file) {
    List<Path> chain = new ArrayList<>();
    Mapping root = merged(text, file, file.toString(), chain);
    return new ConfigDocument(root, baseName(file), knownRuleIds, Path.of(""));
  }

  private Mapping merged(String text, Path file, String display, List<Path> chain) {
    Path absolute = file.toAbsolutePath().normalize();
    chain.add(absolute);
    ConfigNode node = YamlSyntax.parse(text, display, absolute.getParent(), true);
    if (node == null) {
      throw new ConfigException(display + ": the file is empty; allowed: a map with data and network");
    }
    if (!(node instanceof Mapping root)) {
      // not even a part of it is quoted: it may be any file (extends: /etc/passwd)
      String found = node instanceof ConfigNode.Scalar sc && sc.kind() == ConfigNode.Kind.STRING
          ? "text of " + sc.value().codePointCount(0, sc.value().length()) + " characters" : node.describe();
      throw new ConfigException(node.position() + ": the document must be a map, found " + found
          + "; allowed: a map with data and network");
    }
    var extendsEntry = root.entry("extends");
    if (extendsEntry.isEmpty()) {
      return root;
    }
    ConfigNode target = extendsEntry.get().value();
    if (!(target instanceof ConfigNode.Scalar s) || s.kind() == ConfigNode.Kind.NULL) {
      throw new ConfigException(target.position() + ": extends must be a file name, found "
          + target.describe());
    }
    Path basePath = absolute.resolveSibling(s.value()).normalize();
    String baseDisplay = Path.of(display).resolveSibling(s.value()).normalize().toString();
    if (chain.contains(basePath)) {
      throw new ConfigException(target.position() + ": extends makes a cycle, found "
          + chain.stream().map(p -> p.getFileName().toString()).collect(Collectors.joining(" → "))
          + " → " + basePath.getFileName() + "; allowed: a chain without repeats");
    }
    Mapping base = merged(readText(basePath, baseDisplay, target), basePath, baseDisplay, chain);
    return merge(base, root.without("extends"));
  }

  /** Deep merge: maps merge key by key with the child winning; anything else is replaced. */
  static Mapping merge(Mapping base, Mapping child) {
    Mapping result = new Mapping(base.entries(), child.position());
    for (ConfigNode.Entry entry : child.entries()) {
      var inBase = base.get(entry.key());
      if (inBase.isPresent() && inBase.get() instanceof Mapping b && entry.value() instanceof Mapping c) {
        result = result.with(new ConfigNode.Entry(entry.key(), entry.keyPosition(), merge(b, c)));
      } else {
        result = result.with(entry);
      }
    }
    return result;
  }

  private static String readText(Path file, String display, ConfigNode referrer) {
    String where = referrer == null ? "" : referrer.position() + ": ";
    if (!Files.exists(file)) {
      throw new ConfigException((referrer == null ? display : referrer.position().toString())
          + ": file not found, found '" + display + "'");
    }
    byte[] bytes = RegularFiles.read(file, display, MAX_FILE_BYTES, "a config",
        message -> new ConfigException(where + message));
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new ConfigException(where + display + " is not UTF-8 text");
    }
  }

  private static String baseName(Path file) {
    Path fileName = file.getFileName();
    String name = fileName == null ? "config" : fileName.toString();
    return name.replaceFirst("\\.(ya?ml)$", "");
  }
}
