package org.nnlab.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** SHA-256 in nnlab's forms: the FIPS 180-2 vectors, and one hash however the bytes arrive. */
class Sha256Properties {

  @Test
  void knownVectors_inEveryForm() {
    assertThat(Sha256.of("abc"))
        .isEqualTo("sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(Sha256.of(new byte[0]))
        .isEqualTo("sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    assertThat(HexFormat.of().formatHex(Sha256.start().update("abc".getBytes()).digest()))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Property(tries = 200)
  void partsStreamsAndRanges_hashAsTheWholeArray(
      @ForAll @Size(max = 300) byte[] bytes, @ForAll @IntRange(min = 0, max = 300) int cut) throws IOException {
    int at = Math.min(cut, bytes.length);
    String whole = Sha256.of(bytes);
    assertThat(Sha256.start().update(bytes, 0, at).update(bytes, at, bytes.length - at).prefixed()).isEqualTo(whole);
    assertThat(Sha256.PREFIX + Sha256.start().update(new ByteArrayInputStream(bytes)).hex()).isEqualTo(whole);
    assertThat(whole).matches("sha256:[0-9a-f]{64}");
  }

  @Test
  void aHashGivenOnce_refusesMore() {
    Sha256 h = Sha256.start().update(new byte[] {1});
    h.hex();
    assertThatThrownBy(() -> h.update(new byte[] {2})).isInstanceOf(IllegalStateException.class)
        .hasMessage("this Sha256 has already given its hash; start() another");
  }
}
