package org.nnlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataCommandTest {
  @TempDir Path tmp;

  @Test
  void info_bundledSample_printsCountsShapeHistogramAndHash() {
    CliRun run = CliRun.of("data", "info", "mnist-sample:train");

    assertThat(run.exit()).isZero();
    assertThat(run.out()).contains("mnist-sample:train", "samples: 10000", "shape:   28×28 = 784 inputs",
        "classes: 10", "0:1001 1:1127 2:991", "sha256:  sha256:");
  }

  @Test
  void info_unknownName_isOneLineAndExit2() {
    CliRun run = CliRun.of("data", "info", "mnst");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err().strip()).startsWith("nnlab: ").doesNotContain("\n").contains("mnst");
  }

  @Test
  void info_truncatedIdx_namesFileAndOffset_exit2() throws IOException {
    Path images = tmp.resolve("x-images-idx3-ubyte");
    Files.write(images, new byte[] {0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 1, 0, 0, 0, 1, 9});
    Files.write(tmp.resolve("x-labels-idx1-ubyte"), new byte[] {0, 0, 8, 1, 0, 0, 0, 2, 1, 2});

    CliRun run = CliRun.of("data", "info", images.toString());

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("nnlab: " + images + ": byte offset 17: truncated: the header declares"
        + " 2 images of 1 bytes (18 bytes in all), the data ends inside image 1\n");
  }

  @Test
  void info_csvWithNonNumber_namesLineAndField_exit2() throws IOException {
    Path csv = Files.writeString(tmp.resolve("b.csv"), "5,0,0,0,0\n3,0,zero,0,0\n");

    CliRun run = CliRun.of("data", "info", csv.toString());

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("nnlab: " + csv + ":2: field 3 (pixel 2): expected an integer 0–255, found 'zero'\n");
  }

  @Test
  void import_notTheOriginals_exit2_andNothingCopied() throws IOException {
    Path from = Files.createDirectories(tmp.resolve("mine"));
    for (String f : Arrays.asList("train-images-idx3-ubyte", "train-labels-idx1-ubyte",
        "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte")) {
      Files.write(from.resolve(f), new byte[] {0, 0, 8, 1, 0, 0, 0, 0});
    }

    CliRun run = CliRun.of("data", "import", "mnist", from.toString(), "--data-dir", tmp.resolve("data").toString());

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).startsWith("nnlab: " + from.resolve("train-images-idx3-ubyte") + ": content SHA-256 is ")
        .contains("only the original mnist files can be imported");
    assertThat(tmp.resolve("data/mnist")).doesNotExist();
  }

  @Test
  void fetch_unreachableMirror_exit2_withTheUrl() {
    CliRun run = CliRun.of("data", "fetch", "mnist", "--mirror", "http://127.0.0.1:9/",
        "--data-dir", tmp.toString(), "--timeout", "1");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).startsWith("nnlab: cannot fetch mnist/train-images-idx3-ubyte.gz from any of 1 mirror(s): "
        + "http://127.0.0.1:9/train-images-idx3-ubyte.gz: ");
    assertThat(tmp.resolve("mnist")).doesNotExist();
  }

  @Test
  void fetch_bundledSample_exit2() {
    CliRun run = CliRun.of("data", "fetch", "mnist-sample", "--data-dir", tmp.toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("nnlab: mnist-sample is bundled in the jar; there is nothing to fetch\n");
  }

  @Test
  void info_pngFolderAndSingleImage_bothWork() throws IOException {
    for (String f : Arrays.asList("0/a.png", "1/b.png", "1/c.png")) {
      java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(28, 28, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
      Path file = Files.createDirectories(tmp.resolve("digits").resolve(f).getParent()).resolve(Path.of(f).getFileName());
      javax.imageio.ImageIO.write(img, "png", file.toFile());
    }

    CliRun run = CliRun.of("data", "info", tmp.resolve("digits").toString(), tmp.resolve("digits/1/b.png").toString());

    assertThat(run.exit()).isZero();
    assertThat(run.out()).contains("samples: 3", "labels:  0:1 1:2", "samples: 1", "shape:   28×28 = 784 inputs");
  }
}
