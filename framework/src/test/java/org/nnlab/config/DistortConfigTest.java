package org.nnlab.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code data.distort}: bound, defaulted, written back only when opted in, refused with a position, settable. */
class DistortConfigTest {
  private static final String HEAD = "data:\n  train: mnist-sample:train\n  test: mnist-sample:test\n";
  @TempDir Path dir;

  private ExperimentConfig load(String text) {
    return ConfigLoader.load(ConfigTexts.write(dir, "d.yaml", text));
  }

  /** The error's message after {@code FILE:}. */
  private String errorOf(String text) {
    Path file = ConfigTexts.write(dir, "x.yaml", text);
    String message = assertThrows(ConfigException.class, () -> ConfigLoader.load(file)).getMessage();
    assertThat(message).startsWith(file + ":");
    return message.substring(file.toString().length() + 1);
  }

  @Test
  void none_switchesOffTheDistortionsOfABaseConfig_andKeepsTheBooksHash() {
    ConfigTexts.write(dir, "base.yaml", HEAD + """
          distort: {shift: 2, rotate: 10, elastic: {alpha: 34}}
        network: {layers: [784, 10, 10]}
        """);
    ExperimentConfig child = load("extends: base.yaml\nname: plain\ndata: {distort: none}\n");
    ExperimentConfig plain = load(HEAD + "network: {layers: [784, 10, 10]}\nname: plain\n");
    assertThat(child.data().distort()).isEqualTo(Distort.NONE);
    assertThat(ConfigWriter.sha256(child)).isEqualTo(ConfigWriter.sha256(plain));
    assertThat(errorOf(HEAD + "  distort: off\nnetwork: {layers: [784, 10, 10]}\n"))
        .isEqualTo("4:12: data.distort must be a map or none, found 'off'; allowed: none, or {shift, rotate, scale, elastic, flip}");
  }

  @Test
  void everyKey_isBound_andWrittenBack_andReadAgainEqual() {
    ExperimentConfig c = load(HEAD + """
          distort:
            shift: 2
            rotate: 10
            scale: 0.1
            elastic: {alpha: 34, sigma: 4}
            flip: true
        network: {layers: [784, 100, 10]}
        """);
    Distort expected = Distort.NONE.withShift(2).withRotate(10).withScale(0.1).withElastic(34, 4).withFlip(true);
    assertThat(c.data().distort()).isEqualTo(expected);
    String yaml = ConfigWriter.toYaml(c);
    assertThat(yaml).contains("""
          distort:
            shift: 2.0
            rotate: 10.0
            scale: 0.1
            elastic:
              alpha: 34.0
              sigma: 4.0
            flip: true
        """);
    assertThat(load(yaml)).isEqualTo(c);
  }

  @Test
  void absentOrAllZero_isNone_andNotWritten_soTheHashStays() {
    ExperimentConfig plain = load(HEAD + "network: {layers: [4, 3, 2]}\n");
    ExperimentConfig zero = load(HEAD + "  distort: {shift: 0, rotate: 0, flip: false}\nnetwork: {layers: [4, 3, 2]}\n");
    assertThat(plain.data().distort()).isSameAs(Distort.NONE);
    assertThat(zero.data().distort().isNone()).isTrue();
    assertThat(ConfigWriter.toYaml(plain)).doesNotContain("distort");
    assertThat(ConfigWriter.sha256(zero)).isEqualTo(ConfigWriter.sha256(plain));
  }

  @Test
  void anEmptyElasticBlock_takesSimardsValues() {
    ExperimentConfig c = load(HEAD + "  distort: {elastic: {}}\nnetwork: {layers: [784, 10]}\n");
    assertThat(c.data().distort().elastic()).isEqualTo(new Distort.Elastic(34, 4));
  }

  @Test
  void badValues_areOneLine_withPositionKeyValueAndWhatIsAllowed() {
    String net = "network: {layers: [784, 10]}\n";
    assertThat(errorOf(HEAD + "  distort: {shift: -1}\n" + net))
        .isEqualTo("4:20: data.distort.shift must be ≥ 0 pixels, found -1.0");
    assertThat(errorOf(HEAD + "  distort: {rotate: 200}\n" + net))
        .isEqualTo("4:21: data.distort.rotate must be in [0, 180] degrees, found 200.0");
    assertThat(errorOf(HEAD + "  distort: {scale: 1}\n" + net))
        .isEqualTo("4:20: data.distort.scale must be in [0, 1) (factors lie in [1 − scale, 1 + scale]), found 1.0");
    assertThat(errorOf(HEAD + "  distort:\n    elastic: {alpha: 34, sigma: 0}\n" + net))
        .isEqualTo("5:33: data.distort.elastic.sigma must lie in (0, 100] pixels, found 0.0");
    assertThat(errorOf(HEAD + "  distort:\n    elastic: {alpha: -1}\n" + net))
        .isEqualTo("5:22: data.distort.elastic.alpha must be ≥ 0 pixels, found -1.0");
    assertThat(errorOf(HEAD + "  distort: {rotation: 10}\n" + net))
        .isEqualTo("4:13: data.distort.rotation is not a known key; allowed: shift, rotate, scale, elastic, flip");
    assertThat(errorOf(HEAD + "  distort: {flip: yes}\n" + net)).startsWith("4:19: data.distort.flip must be");
  }

  @Test
  void nonSquareInputs_areRefusedAtDataDistort_namingTheShape() {
    assertThat(errorOf(HEAD + "  distort: {shift: 1}\nnetwork: {layers: [785, 10]}\n"))
        .isEqualTo("4:12: data.distort needs square images (w × w inputs), but network.layers[0] = 785"
            + " is not a square; remove data.distort or use w × w inputs");
  }

  @Test
  void aSetOverride_reachesEveryKey_evenWithoutADistortBlock() {
    Path file = ConfigTexts.write(dir, "m.yaml", HEAD + "network: {layers: [784, 10]}\n");
    ExperimentConfig c = ConfigLoader.load(file,
        List.of("data.distort.rotate=15", "data.distort.elastic.sigma=6", "data.distort.flip=true"));
    assertThat(c.data().distort()).isEqualTo(Distort.NONE.withRotate(15).withElastic(34, 6).withFlip(true));
  }
}
