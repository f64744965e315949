package org.nnlab.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.nnlab.config.ConfigNode.Kind;
import org.nnlab.config.ConfigNode.Mapping;
import org.nnlab.config.ConfigNode.Scalar;
import org.nnlab.config.ConfigNode.Sequence;

/**
 * The one place a YAML scalar becomes a Java value: the config binder, the {@code sweep:} block and
 * sweep points all read numbers and booleans here, so a text means the same wherever it is written.
 *
 * <p>What a config may write (the YAML 1.2 core schema; {@link YamlSyntax} resolves kinds with the
 * same patterns):
 * <ul>
 *   <li>integers: {@code 42}, {@code -7}, {@code +3}, {@code 010} (decimal: ten), {@code 0o17}
 *       (octal), {@code 0x1F} (hex); from −2⁶³ to 2⁶³ − 1, less where the key's field is an int;
 *   <li>floats: {@code 0.1}, {@code .5}, {@code 1.}, {@code 1e-3}, {@code -2.5E+4}; also
 *       {@code .inf}, {@code -.inf}, {@code .nan} (any of {@code .inf .Inf .INF}), which every
 *       config key and every sweep value refuses, since each needs a finite number;
 *   <li>booleans: {@code true}, {@code false} (also {@code True}, {@code TRUE}, …); {@code yes},
 *       {@code on} and {@code off} are strings;
 *   <li>no {@code _} digit separators: YAML 1.2 dropped them, so {@code 1_000} is the string
 *       {@code '1_000'}, and a number key that finds one says how to write it.
 * </ul>
 *
 * <pre>{@code
 * double lr = Scalars.number(node, "training.learningRate");   // 0.1, or a ConfigException
 * int epochs = Scalars.intValue(node, "training.epochs");
 * Object json = Scalars.plain(node, "network.layers");        // [784, 100, 10] as Longs
 * }</pre>
 *
 * <p>Every error is one line: {@code file:line:column: key.path what is wrong, found X; allowed: …}.
 */
public final class Scalars {
  static final Pattern BOOL = Pattern.compile("true|True|TRUE|false|False|FALSE");
  static final Pattern INT = Pattern.compile("[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+");
  private static final String DECIMAL = "[-+]?(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?";
  private static final String INF_NAN = "[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)";
  static final Pattern FLOAT = Pattern.compile(DECIMAL + "|" + INF_NAN);
  private static final Pattern FINITE_FLOAT = Pattern.compile(DECIMAL);

  private static final String FINITE = "finite numbers such as 0.1, -2 or 1e-3";
  private static final String LONGS = "integers from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE;

  private Scalars() {}

  /**
   * A node as the plain value JSON writes: null, Boolean, Long, Double (finite), String, or a List
   * or Map of them. What a sweep point stores in {@code results.jsonl} and derives its seed from.
   *
   * @throws ConfigException for {@code .inf}, {@code .nan} or an integer past a long, at the node
   */
  public static Object plain(ConfigNode node, String path) {
    if (node instanceof Scalar s) {
      return switch (s.kind()) {
        case NULL -> null;
        case BOOL -> bool(s, path);
        case INT -> longValue(s, path);
        case FLOAT -> number(s, path);
        case STRING -> s.value();
      };
    }
    if (node instanceof Sequence seq) {
      List<Object> items = new ArrayList<>();
      for (ConfigNode item : seq.items()) {
        items.add(plain(item, path + "[" + items.size() + "]"));
      }
      return items;
    }
    Map<String, Object> map = new LinkedHashMap<>();
    for (ConfigNode.Entry e : ((Mapping) node).entries()) {
      map.put(e.key(), plain(e.value(), path + "." + e.key()));
    }
    return map;
  }

  /** Any scalar but null, as written (a name, a path, an id): {@code 010} stays {@code "010"}. */
  public static String string(ConfigNode node, String path) {
    if (node instanceof Scalar s && s.kind() != Kind.NULL) {
      return s.value();
    }
    throw fail(node, path, "must be a string", null);
  }

  /** {@code true} or {@code false}. */
  public static boolean bool(ConfigNode node, String path) {
    if (node instanceof Scalar s && s.kind() == Kind.BOOL && BOOL.matcher(s.value()).matches()) {
      return s.value().equalsIgnoreCase("true");
    }
    throw fail(node, path, "must be true or false", "true, false");
  }

  /** An integer that fits a long: decimal, {@code 0o} octal or {@code 0x} hex. */
  public static long longValue(ConfigNode node, String path) {
    if (node instanceof Scalar s && s.kind() == Kind.INT && INT.matcher(s.value()).matches()) {
      String v = s.value();
      try {
        if (v.startsWith("0o") || v.startsWith("0x")) {
          return Long.parseLong(v.substring(2), v.charAt(1) == 'o' ? 8 : 16);
        }
        return Long.parseLong(v);
      } catch (NumberFormatException e) {
        // the pattern matched, so only the size can be wrong
        throw fail(node, path, "is too large", LONGS);
      }
    }
    throw fail(node, path, "must be an integer", separatorHint(node));
  }

  /** An integer that fits an int. */
  public static int intValue(ConfigNode node, String path) {
    long value = longValue(node, path);
    if (value != (int) value) {
      throw fail(node, path, "is too large",
          "integers from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE);
    }
    return (int) value;
  }

  /** A finite number, integer or float: what every number key of a config needs. */
  public static double number(ConfigNode node, String path) {
    if (node instanceof Scalar s && s.kind() == Kind.INT) {
      return longValue(node, path);
    }
    if (node instanceof Scalar s && s.kind() == Kind.FLOAT) {
      if (FINITE_FLOAT.matcher(s.value()).matches()) {
        double value = Double.parseDouble(s.value());
        if (Double.isFinite(value)) {
          return value;
        }
        throw fail(node, path, "is too large", FINITE + ", within ±" + Double.MAX_VALUE);
      }
      if (FLOAT.matcher(s.value()).matches()) {
        throw fail(node, path, "must be a finite number", FINITE);
      }
    }
    throw fail(node, path, "must be a number", separatorHint(node));
  }

  /** The text {@link #number} reads back as exactly {@code value}: the shortest that does. */
  public static String yaml(double value) {
    if (Double.isNaN(value)) {
      return ".nan";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? ".inf" : "-.inf";
    }
    return Double.toString(value);
  }

  /**
   * An error at {@code node}: {@code file:line:column: path what, found X; allowed: …}. One line;
   * {@code allowed} may be null.
   */
  static ConfigException fail(ConfigNode node, String path, String what, String allowed) {
    return new ConfigException(node.position() + ": " + path + " " + what + ", found "
        + node.describe() + (allowed == null ? "" : "; allowed: " + allowed));
  }

  /** How to write a number that was written with YAML 1.1's {@code _} separators, or null. */
  private static String separatorHint(ConfigNode node) {
    if (node instanceof Scalar s && s.kind() == Kind.STRING && s.value().contains("_")) {
      String bare = s.value().replace("_", "");
      if (INT.matcher(bare).matches() || FINITE_FLOAT.matcher(bare).matches()) {
        return "digits without _ separators (YAML 1.2), e.g. " + bare;
      }
    }
    return null;
  }
}
