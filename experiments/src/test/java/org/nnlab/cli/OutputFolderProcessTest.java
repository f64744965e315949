package org.nnlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real nnlab processes racing for one folder, killed or interrupted while they write it: one writer
 * at a time (the second exits 2 naming the first's PID), a stale lock taken over, and the folder
 * always holding one run's whole set. Processes stop at chosen points through {@link TestPause}.
 */
class OutputFolderProcessTest {
  static final String[] TINY = {"--set", "training.epochs=1", "--set", "network.layers=[784,4,10]"};

  @TempDir static Path shared;

  /** A complete run's folder, copied by each test as "the old set". */
  static Path oldRun() {
    return shared.resolve("old");
  }

  @BeforeAll
  static void runOnce() {
    CliRun run = CliRun.of(tiny("run", CliRun.config("quickstart.yaml"), "--out", oldRun().toString()));
    assertThat(run.exit()).as(run.err()).isZero();
  }

  @Test
  void aSecondWriter_whileTheFirstHoldsTheFolder_exitsTwo_namingItsPid_thenAKillNineLeavesTheOldSet(
      @TempDir Path tmp) throws Exception {
    Path out = copy(oldRun(), tmp.resolve("out"));
    Map<String, String> before = contents(out);
    NnlabProcess first = NnlabProcess.start(tmp, tmp.resolve("first.log"), Map.of(TestPause.VARIABLE, "report.md"),
        tiny("run", absolute("quickstart.yaml"), "--out", out.toString(), "--set", "seed=7"));
    try {
      assertThat(first.awaitPause()).as(first.output()).isTrue();

      NnlabProcess second = NnlabProcess.start(tmp, tmp.resolve("second.log"), Map.of(),
          tiny("run", absolute("quickstart.yaml"), "--out", out.toString()));
      assertThat(second.exit()).isEqualTo(2);
      assertThat(second.output()).matches("nnlab: " + java.util.regex.Pattern.quote(out.toString())
          + " is being written by PID " + first.pid() + " on \\S+ since \\S+Z; wait for it to finish, or write elsewhere\\R");

      for (String[] other : new String[][] {{"report", out.toString()},
          {"sweep", TinySweeps.write(tmp, "[0.1]", 1).toString(), "--out", out.toString()},
          {"export", oldRun().resolve("model.nnlab").toString(), "--npy", out.toString()}}) {
        CliRun refused = CliRun.of(other);
        assertThat(refused.exit()).as(String.join(" ", other)).isEqualTo(2);
        assertThat(refused.err()).startsWith("nnlab: " + out + " is being written by PID " + first.pid());
      }
    } finally {
      first.killNine();
    }
    Map<String, String> afterKill = contents(out);
    afterKill.keySet().removeIf(k -> k.startsWith(".nnlab"));
    assertThat(afterKill).as("the old set, whole").isEqualTo(before);

    CliRun next = CliRun.of(tiny("run", CliRun.config("quickstart.yaml"), "--out", out.toString(), "--set", "seed=7"));
    assertThat(next.exit()).as(next.err()).isZero();
    assertThat(next.err()).contains("note: " + out + " was held by PID " + first.pid() + " on ",
        ", which has stopped; taken over");
    assertThat(names(out)).containsExactlyInAnyOrder("backquery", "model.nnlab", "report.html", "report.md",
        "results.json");
    assertThat(Files.readString(out.resolve("results.json"))).contains("\"seed\" : 7");
  }

  @Test
  void sigint_whileTheReportIsStaged_leavesNoModelWithoutResults_andNoLock(@TempDir Path tmp) throws Exception {
    Path out = tmp.resolve("fresh");
    NnlabProcess run = NnlabProcess.start(tmp, tmp.resolve("run.log"), Map.of(TestPause.VARIABLE, "model.nnlab"),
        tiny("run", absolute("quickstart.yaml"), "--out", out.toString()));
    try {
      assertThat(run.awaitPause()).as(run.output()).isTrue();
      assertThat(out.resolve(".nnlab-staging/model.nnlab")).isRegularFile();
      assertThat(run.signal(NnlabProcess.interrupt())).isNotZero(); // Ctrl-C, or TERM where INT is ignored
    } finally {
      run.killNine();
    }
    assertThat(out.resolve("model.nnlab")).doesNotExist();
    assertThat(out.resolve("results.json")).doesNotExist();
    assertThat(out.resolve(".nnlab.lock")).as("released by the shutdown hook").doesNotExist();

    CliRun next = CliRun.of(tiny("run", CliRun.config("quickstart.yaml"), "--out", out.toString()));
    assertThat(next.exit()).as(next.err()).isZero();
    assertThat(next.err()).doesNotContain("taken over");
    assertThat(names(out)).containsExactlyInAnyOrder("backquery", "model.nnlab", "report.html", "report.md",
        "results.json");
  }

  @Test
  void killNine_duringExport_leavesNoWeights_thenImportIsRefused_andTheNextExportCleansUp(@TempDir Path tmp)
      throws Exception {
    Path npy = tmp.resolve("npy");
    Path model = oldRun().resolve("model.nnlab");
    NnlabProcess export = NnlabProcess.start(tmp, tmp.resolve("export.log"), Map.of(TestPause.VARIABLE, "layers.json"),
        "export", model.toString(), "--npy", npy.toString());
    try {
      assertThat(export.awaitPause()).as(export.output()).isTrue();
    } finally {
      export.killNine();
    }
    assertThat(names(npy)).doesNotContain("W1.npy", "W2.npy", "layers.json");
    CliRun imported = CliRun.of("import", npy.toString(), "--out", tmp.resolve("m.nnlab").toString());
    assertThat(imported.exit()).isEqualTo(2);
    assertThat(imported.err()).startsWith("nnlab: " + npy + ": no W1.npy");

    assertThat(CliRun.of("export", model.toString(), "--npy", npy.toString()).exit()).isZero();
    assertThat(names(npy)).containsExactlyInAnyOrder("W1.npy", "W2.npy", "layers.json");

    Files.createDirectory(npy.resolve(".nnlab-publishing")); // as a kill while the files moved in leaves it
    CliRun half = CliRun.of("import", npy.toString(), "--out", tmp.resolve("m.nnlab").toString());
    assertThat(half.exit()).isEqualTo(2);
    assertThat(half.err()).isEqualTo("nnlab: " + npy + ": an export into this folder was interrupted, so its "
        + "files may belong to two models; export again" + System.lineSeparator());
  }

  @Test
  void runWithoutOut_writesUnderRunsInTheWorkingFolder(@TempDir Path tmp) throws Exception {
    NnlabProcess run = NnlabProcess.start(tmp, tmp.resolve("run.log"), Map.of(),
        tiny("run", absolute("quickstart.yaml")));
    assertThat(run.exit()).as(run.output()).isZero();
    assertThat(run.output()).contains("report: " + Path.of("runs", "quickstart", "report.md"));
    assertThat(names(tmp)).containsExactlyInAnyOrder("runs", "run.log");
    assertThat(names(tmp.resolve("runs/quickstart"))).containsExactlyInAnyOrder("backquery", "model.nnlab",
        "report.html", "report.md", "results.json");
    assertThat(ReportFolder.defaultFor("tiny-sweep")).isEqualTo(Path.of("runs", "tiny-sweep"));
  }

  /** {@code head} followed by the settings of a tiny one-epoch network. */
  static String[] tiny(String... head) {
    String[] all = java.util.Arrays.copyOf(head, head.length + TINY.length);
    System.arraycopy(TINY, 0, all, head.length, TINY.length);
    return all;
  }

  static String absolute(String config) {
    return Path.of(CliRun.config(config)).toAbsolutePath().normalize().toString();
  }

  static Path copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target);
        }
      }
    }
    return to;
  }

  static java.util.List<String> names(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(f -> f.getFileName().toString()).toList();
    }
  }

  /** Every file under {@code dir} by relative path, with its bytes as text. */
  static Map<String, String> contents(Path dir) throws IOException {
    Map<String, String> all = new TreeMap<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        if (Files.isRegularFile(f)) {
          all.put(dir.relativize(f).toString(), new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1));
        }
      }
    }
    return all;
  }
}
