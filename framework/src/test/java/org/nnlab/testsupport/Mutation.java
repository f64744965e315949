package org.nnlab.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * One random damage to a file a user could feed nnlab, for properties that assert every outcome is
 * a clean result or a one-line error: cut the file, flip a bit, put control bytes in, replace a
 * number by a huge one, NaN or a wrong type, replace any value, drop or repeat a line.
 *
 * <pre>{@code
 * @Property void anyDamage_isAResultOrOneLine(@ForAll("mutations") Mutation m) {
 *   String text = m.apply(VALID);  …
 * }
 * }</pre>
 *
 * @param at where, as a share of the file (0 inclusive to 1 exclusive)
 * @param pick which token and which replacement, reduced modulo what there is
 */
public record Mutation(Kind kind, double at, int pick) {
  /** What is done. */
  public enum Kind { TRUNCATE, FLIP, CONTROL, NUMBER, VALUE, DELETE_LINE, REPEAT_LINE }

  /** What a number or a value is replaced with: out of range, overflowing, not finite, of another type. */
  public static final List<String> REPLACEMENTS = List.of(
      "0", "-1", "-3", "5.0", "1e309", "-1e309", "2147483648", "9223372036854775808", "99999999999",
      "4294967296", ".nan", "NaN", "-.inf", "Infinity", "1.5", "null", "\"x\"", "[]", "{}", "true", "''",
      "[1, [2, {a: 3}]]", "\"\u0000\u001b[31m\"", "-0");

  private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?");
  private static final Pattern VALUE = Pattern.compile(":\\s*([^,}\\]\\n]*)");

  /** Any mutation, each kind alike. */
  public static Arbitrary<Mutation> any() {
    return Combinators.combine(Arbitraries.of(Kind.class), Arbitraries.doubles().between(0, 0.9999).ofScale(4),
        Arbitraries.integers().between(0, 1 << 20)).as(Mutation::new);
  }

  /** Only the byte-level kinds (cut, flip, control bytes): for binary files. */
  public static Arbitrary<Mutation> bytes() {
    return Combinators.combine(Arbitraries.of(Kind.TRUNCATE, Kind.FLIP, Kind.CONTROL),
        Arbitraries.doubles().between(0, 0.9999).ofScale(4), Arbitraries.integers().between(0, 1 << 20)).as(Mutation::new);
  }

  /** {@code bytes} damaged; text kinds are applied to the bytes read as UTF-8. */
  public byte[] apply(byte[] bytes) {
    int pos = (int) (at * bytes.length);
    switch (kind) {
      case TRUNCATE:
        return Arrays.copyOf(bytes, pos);
      case FLIP: {
        byte[] b = bytes.clone();
        if (b.length > 0) {
          b[pos] ^= (byte) (1 << (pick & 7));
        }
        return b;
      }
      case CONTROL: {
        byte[] control = {0, 0x1b, '[', '2', 'J', (byte) (pick & 0x1f), 0x7f};
        byte[] b = new byte[bytes.length + control.length];
        System.arraycopy(bytes, 0, b, 0, pos);
        System.arraycopy(control, 0, b, pos, control.length);
        System.arraycopy(bytes, pos, b, pos + control.length, bytes.length - pos);
        return b;
      }
      default:
        return apply(new String(bytes, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
    }
  }

  /** {@code text} damaged. */
  public String apply(String text) {
    switch (kind) {
      case NUMBER:
        return replaceNth(NUMBER.matcher(text), 0, text);
      case VALUE:
        return replaceNth(VALUE.matcher(text), 1, text);
      case DELETE_LINE:
      case REPEAT_LINE: {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        int i = (int) (at * lines.size());
        if (kind == Kind.DELETE_LINE) {
          lines.remove(i);
        } else {
          lines.add(i, lines.get(i));
        }
        return String.join("\n", lines);
      }
      default:
        return new String(apply(text.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }
  }

  private String replaceNth(Matcher m, int group, String text) {
    List<int[]> spans = new ArrayList<>();
    while (m.find()) {
      spans.add(new int[] {m.start(group), m.end(group)});
    }
    if (spans.isEmpty()) {
      return text;
    }
    int[] span = spans.get((int) (at * spans.size()));
    String by = REPLACEMENTS.get(pick % REPLACEMENTS.size());
    return text.substring(0, span[0]) + by + text.substring(span[1]);
  }
}
