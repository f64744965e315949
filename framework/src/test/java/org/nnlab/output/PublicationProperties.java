package org.nnlab.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.IntRange;

/**
 * A publication stopped after any number of its renames (a crash) and then finished by the next
 * writer leaves exactly the new set; one stopped before its commit leaves exactly the old set. Files
 * outside the set are never touched, and no step shows a model without results.
 */
class PublicationProperties {
  /** A run's set, in the order it moves into place; "backquery" is a folder. */
  static final List<String> NAMES = List.of("results.json", "report.md", "model.nnlab", "backquery");

  @Property(tries = 200)
  void crashAfterAnyStep_thenTheNextWriter_leavesExactlyTheNewSet(
      @ForAll("sets") Set<String> old, @ForAll("sets") Set<String> fresh, @ForAll @IntRange(max = 12) int steps)
      throws IOException {
    Path dir = Files.createTempDirectory("publication");
    try {
      write(dir, old, "old");
      Files.writeString(dir.resolve("notes.txt"), "the user's");
      boolean finished;
      try (OutputFolder out = OutputFolder.open(dir)) {
        finished = out.publish(NAMES, staging -> write(staging, fresh, "new"), steps);
      }
      Statistics.collect(finished ? "finished" : "crashed mid-way");
      if (Files.exists(dir.resolve("model.nnlab"))) {
        assertThat(dir.resolve("results.json")).as("a model without its results").exists();
      }
      OutputFolder.open(dir).close(); // the next writer
      assertThat(contents(dir)).isEqualTo(expected(fresh, "new"));
      assertThat(OutputFolder.isInterrupted(dir)).isFalse();
    } finally {
      Publication.deleteRecursively(dir);
    }
  }

  @Property(tries = 50)
  void crashWhileStaging_thenTheNextWriter_leavesExactlyTheOldSet(
      @ForAll("sets") Set<String> old, @ForAll("sets") Set<String> partial) throws IOException {
    Path dir = Files.createTempDirectory("publication");
    try {
      write(dir, old, "old");
      Files.writeString(dir.resolve("notes.txt"), "the user's");
      write(dir.resolve(OutputFolder.STAGING), partial, "new"); // the writer died here
      Files.writeString(dir.resolve(".report.md.5f3a.tmp"), "half an atomic write");
      OutputFolder.open(dir).close();
      assertThat(contents(dir)).isEqualTo(expected(old, "old"));
    } finally {
      Publication.deleteRecursively(dir);
    }
  }

  @Provide
  Arbitrary<Set<String>> sets() {
    // results.json in every set, as in every run's: the property checks no step loses it
    return Arbitraries.of(NAMES.subList(1, NAMES.size())).set()
        .map(s -> Stream.concat(Stream.of("results.json"), s.stream()).collect(java.util.stream.Collectors.toSet()));
  }

  private static void write(Path dir, Set<String> names, String tag) throws IOException {
    Files.createDirectories(dir);
    for (String name : names) {
      if (name.equals("backquery")) {
        Files.createDirectories(dir.resolve(name));
        Files.writeString(dir.resolve(name).resolve("label-0.png"), tag);
        Files.writeString(dir.resolve(name).resolve(tag + "-only.png"), tag);
      } else {
        Files.writeString(dir.resolve(name), tag + " " + name);
      }
    }
  }

  private static Map<String, String> expected(Set<String> names, String tag) throws IOException {
    Path model = Files.createTempDirectory("expected");
    try {
      write(model, names, tag);
      Files.writeString(model.resolve("notes.txt"), "the user's");
      return contents(model);
    } finally {
      Publication.deleteRecursively(model);
    }
  }

  /** Every file under {@code dir} by relative path, with its text. */
  private static Map<String, String> contents(Path dir) throws IOException {
    Map<String, String> all = new TreeMap<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        if (Files.isRegularFile(f)) {
          all.put(dir.relativize(f).toString(), Files.readString(f));
        } else if (!f.equals(dir)) {
          all.put(dir.relativize(f) + "/", "");
        }
      }
    }
    return all;
  }
}
