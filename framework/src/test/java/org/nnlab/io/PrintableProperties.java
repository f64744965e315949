package org.nnlab.io;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Whatever a file holds, what a message quotes of it prints as plain text of bounded length. */
class PrintableProperties {

  @Provide
  Arbitrary<String> anyText() {
    return Arbitraries.strings().all().ofMaxLength(200);
  }

  @Property(tries = 300)
  void clean_leavesNoControlOrFormatCharacter_andIsBounded(@ForAll("anyText") String s) {
    String c = Printable.clean(s, Printable.MAX_VALUE);
    c.codePoints().forEach(cp -> assertThat(Character.getType(cp))
        .isNotIn((int) Character.CONTROL, (int) Character.FORMAT, (int) Character.SURROGATE,
            (int) Character.LINE_SEPARATOR, (int) Character.PARAGRAPH_SEPARATOR));
    // each code point escapes to at most 6 characters, plus the note on the length
    assertThat(c.length()).isLessThanOrEqualTo(6 * Printable.MAX_VALUE + 30);
  }

  @Property(tries = 200)
  void clean_keepsPlainTextAsItIs(@ForAll("plain") String s) {
    assertThat(Printable.clean(s, 1000)).isEqualTo(s);
  }

  @Provide
  Arbitrary<String> plain() {
    return Arbitraries.strings().withCharRange(' ', '~').withChars("äσ×…").ofMaxLength(80);
  }

  @Property(tries = 200)
  void message_keepsLineBreaksOnly(@ForAll("anyText") String a, @ForAll("anyText") String b) {
    String m = Printable.message(a.replace("\n", "").replace("\r", "") + "\n" + b.replace("\n", "").replace("\r", ""));
    assertThat(m.split("\n", -1)).hasSize(2);
    assertThat(m.chars().filter(ch -> ch < 0x20 && ch != '\n')).isEmpty();
  }

  @Test
  void quote_escapesNulAndEscape_andCutsLongValues() {
    assertThat(Printable.quote("a\u0000b\u001b[2J")).isEqualTo("'a\\x00b\\x1b[2J'");
    assertThat(Printable.quote("x".repeat(100))).isEqualTo("'" + "x".repeat(60) + "… (100 characters)'");
    assertThat(Printable.quote("rtl\u202Eevil")).isEqualTo("'rtl\\u202Eevil'");
  }
}
