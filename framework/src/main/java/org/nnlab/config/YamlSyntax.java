package org.nnlab.config;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * SnakeYAML, configured once for configs: safe composition with limits, the YAML 1.2 core schema
 * for scalars, and conversion of its mutable node tree into {@link ConfigNode}s.
 */
final class YamlSyntax {
  static final int MAX_ALIASES = 20;
  static final int MAX_CODE_POINTS = 1 << 20;
  static final int MAX_DEPTH = 50;

  private static final Map<Tag, ConfigNode.Kind> SCALAR_KINDS =
      Map.of(
          Tag.STR, ConfigNode.Kind.STRING,
          Tag.INT, ConfigNode.Kind.INT,
          Tag.FLOAT, ConfigNode.Kind.FLOAT,
          Tag.BOOL, ConfigNode.Kind.BOOL,
          Tag.NULL, ConfigNode.Kind.NULL);

  private YamlSyntax() {}

  /**
   * Composes {@code text} into a node tree, or null for an empty document. With {@code lines}
   * false every position is the bare source (a {@code --set} value).
   */
  static ConfigNode parse(String text, String source, Path folder, boolean lines) {
    int codePoints = text.codePointCount(0, text.length());
    if (codePoints > MAX_CODE_POINTS) {
      // checked here too: SnakeYAML's own limit does not count comments
      throw new ConfigException(source + ": the text is too long, found " + codePoints
          + " code points; allowed: up to " + MAX_CODE_POINTS + " (1 MiB)");
    }
    LoaderOptions options = loaderOptions();
    Yaml yaml = yaml(options, new DumperOptions());
    Node root;
    try {
      root = yaml.compose(new StringReader(text));
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
      throw new ConfigException(position(mark, source, folder, lines) + ": " + oneLine(problem));
    } catch (ReaderException e) {
      // a control byte (NUL, ESC) in the text: say where and which, without printing it
      throw new ConfigException(String.format(java.util.Locale.ROOT,
          "%s: character %d is U+%04X, which YAML does not allow; allowed: printable UTF-8 text",
          source, e.getPosition() + 1, e.getCodePoint()));
    } catch (YAMLException e) {
      // the limits (code points, aliases, depth) fail without a mark
      throw new ConfigException(source + ": " + oneLine(e.getMessage()));
    }
    if (root == null) {
      return null;
    }
    return new Converter(source, folder, lines).convert(root, "");
  }

  /** A SnakeYAML instance for writing, with the same scalar schema the reader uses. */
  static Yaml dumper() {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setIndent(2);
    options.setSplitLines(false);
    return yaml(loaderOptions(), options);
  }

  private static Yaml yaml(LoaderOptions options, DumperOptions dumperOptions) {
    return new Yaml(
        new SafeConstructor(options),
        new Representer(dumperOptions),
        dumperOptions,
        options,
        new CoreSchemaResolver());
  }

  private static LoaderOptions loaderOptions() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(MAX_ALIASES);
    options.setCodePointLimit(MAX_CODE_POINTS);
    options.setNestingDepthLimit(MAX_DEPTH);
    options.setAllowRecursiveKeys(false);
    options.setMergeOnCompose(false);
    return options;
  }

  private static Position position(Mark mark, String source, Path folder, boolean lines) {
    if (mark == null || !lines) {
      return new Position(source, folder, 0, 0);
    }
    return new Position(source, folder, mark.getLine() + 1, mark.getColumn() + 1);
  }

  private static String oneLine(String text) {
    return text == null ? "malformed YAML" : text.strip().replaceAll("\\s*\\n\\s*", " ");
  }

  /**
   * The YAML 1.2 core schema: only true/false are booleans, so {@code off} stays a string; the
   * patterns are {@link Scalars}', which turns the scalars into values.
   */
  static final class CoreSchemaResolver extends Resolver {
    @Override
    protected void addImplicitResolvers() {
      addImplicitResolver(Tag.BOOL, Scalars.BOOL, "tTfF");
      addImplicitResolver(Tag.INT, Scalars.INT, "-+0123456789");
      addImplicitResolver(Tag.FLOAT, Scalars.FLOAT, "-+0123456789.");
      addImplicitResolver(Tag.NULL, Pattern.compile("^(?:~|null|Null|NULL)$"), "~nN");
      addImplicitResolver(Tag.NULL, Pattern.compile("^$"), null);
    }
  }

  /** Copies SnakeYAML's nodes into ConfigNodes, refusing tags, odd keys and recursion. */
  private static final class Converter {
    private final String source;
    private final Path folder;
    private final boolean lines;
    private final Set<Node> ancestors = Collections.newSetFromMap(new IdentityHashMap<>());

    Converter(String source, Path folder, boolean lines) {
      this.source = source;
      this.folder = folder;
      this.lines = lines;
    }

    ConfigNode convert(Node node, String path) {
      Position at = position(node.getStartMark(), source, folder, lines);
      if (!ancestors.add(node)) {
        throw new ConfigException(at + ": " + label(path) + "refers to itself through an alias");
      }
      try {
        return switch (node.getNodeId()) {
          case scalar -> scalar((ScalarNode) node, at, path);
          case sequence -> sequence((SequenceNode) node, at, path);
          case mapping -> mapping((MappingNode) node, at, path);
          default -> throw new ConfigException(at + ": " + label(path) + "is not plain YAML");
        };
      } finally {
        ancestors.remove(node);
      }
    }

    private ConfigNode scalar(ScalarNode node, Position at, String path) {
      ConfigNode.Kind kind = SCALAR_KINDS.get(node.getTag());
      if (kind == null) {
        throw badTag(node, at, path);
      }
      return new ConfigNode.Scalar(node.getValue(), kind, at);
    }

    private ConfigNode sequence(SequenceNode node, Position at, String path) {
      if (!node.getTag().equals(Tag.SEQ)) {
        throw badTag(node, at, path);
      }
      List<ConfigNode> items = new ArrayList<>();
      for (Node item : node.getValue()) {
        items.add(convert(item, path + "[" + items.size() + "]"));
      }
      return new ConfigNode.Sequence(items, at);
    }

    private ConfigNode mapping(MappingNode node, Position at, String path) {
      if (!node.getTag().equals(Tag.MAP)) {
        throw badTag(node, at, path);
      }
      List<ConfigNode.Entry> entries = new ArrayList<>();
      List<String> keys = new ArrayList<>();
      for (NodeTuple tuple : node.getValue()) {
        ConfigNode key = convert(tuple.getKeyNode(), path);
        if (!(key instanceof ConfigNode.Scalar scalar)) {
          throw new ConfigException(
              key.position() + ": " + label(path) + "keys must be plain words, found "
                  + key.describe());
        }
        String keyPath = path.isEmpty() ? scalar.value() : path + "." + scalar.value();
        if (keys.contains(scalar.value())) {
          throw new ConfigException(
              key.position() + ": " + keyPath + " is given twice; allowed: each key once");
        }
        keys.add(scalar.value());
        entries.add(
            new ConfigNode.Entry(
                scalar.value(), key.position(), convert(tuple.getValueNode(), keyPath)));
      }
      return new ConfigNode.Mapping(entries, at);
    }

    private ConfigException badTag(Node node, Position at, String path) {
      String tag = node.getTag().getValue();
      if (tag.startsWith(Tag.PREFIX)) {
        tag = "!!" + tag.substring(Tag.PREFIX.length());
      }
      return new ConfigException(
          at + ": " + label(path) + "has a type tag, found '" + tag
              + "'; allowed: plain maps, lists, strings, numbers and booleans without tags");
    }

    private static String label(String path) {
      return path.isEmpty() ? "" : path + " ";
    }
  }
}
