package org.nnlab.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/** A name either stays one folder inside its root, or is refused in one line saying what is allowed. */
class FolderNameProperties {
  static final Path ROOT = Path.of("runs");

  @Property
  void anyName_isEitherOneFolderInsideTheRoot_orRefusedInOneLine(@ForAll("names") String name) {
    var problem = FolderName.problem(name);
    Statistics.collect(problem.isPresent() ? "refused" : "allowed");
    if (problem.isPresent()) {
      assertThat(problem.get()).doesNotContain("\n", "\r").contains("allowed: " + FolderName.ALLOWED);
      assertThatThrownBy(() -> FolderName.resolve(ROOT, name)).isInstanceOf(IllegalArgumentException.class);
    } else {
      Path dir = FolderName.resolve(ROOT, name);
      assertThat(dir.normalize()).isEqualTo(dir);
      assertThat(dir.getParent()).isEqualTo(ROOT);
      assertThat(dir.getFileName().toString()).isEqualTo(name).doesNotStartWith(".");
      assertThat(name.length()).isBetween(1, FolderName.MAX_LENGTH);
    }
  }

  @Property
  void namesOfTheSafeCharacters_notStartingWithADot_areAllowed(@ForAll("safe") String name) {
    assertThat(FolderName.problem(name)).isEmpty();
  }

  @Provide
  Arbitrary<String> safe() {
    return Arbitraries.strings().withChars("abcXYZ019_-").ofMinLength(1).ofMaxLength(5)
        .flatMap(head -> Arbitraries.strings().withChars("aZ9._-").ofMaxLength(FolderName.MAX_LENGTH - 5)
            .map(tail -> head + tail));
  }

  @Provide
  Arbitrary<String> names() {
    Arbitrary<String> hostile = Arbitraries.of(".", "..", "../x", "a/..", "a/b", "/abs", "a\\b", "", " ", "a b",
        "x\u0000y", "line\nbreak", ".hidden", "~", "C:", "ünï", "a".repeat(FolderName.MAX_LENGTH),
        "a".repeat(FolderName.MAX_LENGTH + 1), "a".repeat(10_000));
    Arbitrary<String> random = Arbitraries.strings().withChars("a.-_/\\ \u0000Z9~:é").ofMaxLength(12);
    return Arbitraries.oneOf(hostile, random, safe());
  }

  @Example
  void dotDot_isRefused_namingWhatWasFound() {
    assertThat(FolderName.problem("..")).hasValue(
        "must be a safe folder name, found '..'; allowed: " + FolderName.ALLOWED);
  }

  @Example
  void aTenThousandCharacterName_isRefused_withoutEchoingIt() {
    assertThat(FolderName.problem("a".repeat(10_000)).orElseThrow())
        .startsWith("is 10000 characters long").hasSizeLessThan(200);
  }
}
