package org.nnlab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package order the package-info pages state is the order the imports follow: each package's
 * "Depends on" line lists exactly the nnlab packages it imports, and {@code org.nnlab}'s page
 * orders them so that every import points down.
 */
class PackageOrderTest {
  private static final Path SOURCES = Path.of("src/main/java/org/nnlab");
  private static final Pattern IMPORT = Pattern.compile("^import (?:static )?org\\.nnlab\\.([a-z]+)\\.", Pattern.MULTILINE);
  private static final Pattern CODE = Pattern.compile("\\{@code ([a-z]+)}");

  @Test
  void eachPackageInfo_listsExactlyThePackagesItsClassesImport() throws IOException {
    Map<String, Set<String>> actual = imports();
    assertThat(actual).containsKeys("network", "io", "config", "sweep", "inject");
    Map<String, Set<String>> stated = new TreeMap<>();
    for (String p : actual.keySet()) {
      stated.put(p, dependsOn(p));
    }
    assertThat(stated).isEqualTo(actual);
  }

  @Test
  void theStatedOrder_namesEveryPackage_andEveryImportPointsDown() throws IOException {
    String root = Files.readString(SOURCES.resolve("package-info.java")).replaceAll("\\s*\\n\\s*\\*\\s*", " ");
    Matcher m = Pattern.compile("bottom up[^:]*: (.*?)\\. ").matcher(root);
    assertThat(m.find()).as("org.nnlab's package-info states the order").isTrue();
    List<Set<String>> levels = new ArrayList<>();
    for (String level : m.group(1).split("→")) {
      Set<String> names = new TreeSet<>();
      CODE.matcher(level).results().forEach(r -> names.add(r.group(1)));
      levels.add(names);
    }
    Map<String, Set<String>> actual = imports();
    assertThat(levels.stream().flatMap(Set::stream).toList()).containsExactlyInAnyOrderElementsOf(actual.keySet());
    assertThat(levels.get(0)).containsExactlyInAnyOrder("network", "io");
    actual.forEach((p, deps) -> deps.forEach(d -> assertThat(level(levels, d)).as("%s imports %s", p, d)
        .isLessThan(level(levels, p))));
  }

  private static int level(List<Set<String>> levels, String p) {
    for (int i = 0; i < levels.size(); i++) {
      if (levels.get(i).contains(p)) {
        return i;
      }
    }
    throw new AssertionError(p + " is not in the stated order");
  }

  /** Package → the other nnlab packages its sources import. */
  private static Map<String, Set<String>> imports() throws IOException {
    Map<String, Set<String>> found = new TreeMap<>();
    try (Stream<Path> dirs = Files.list(SOURCES)) {
      for (Path dir : dirs.filter(Files::isDirectory).toList()) {
        String p = dir.getFileName().toString();
        Set<String> deps = new TreeSet<>();
        try (Stream<Path> files = Files.walk(dir)) {
          for (Path f : files.filter(f -> f.toString().endsWith(".java")).toList()) {
            IMPORT.matcher(Files.readString(f)).results().map(r -> r.group(1)).filter(d -> !d.equals(p)).forEach(deps::add);
          }
        }
        found.put(p, deps);
      }
    }
    return found;
  }

  /** The packages named on the "Depends on" line of {@code p}'s package-info. */
  private static Set<String> dependsOn(String p) throws IOException {
    String info = Files.readString(SOURCES.resolve(p).resolve("package-info.java")).replaceAll("\\s*\\n\\s*\\*\\s*", " ");
    Matcher m = Pattern.compile("Depends on: (.*?)\\.( |$)").matcher(info);
    assertThat(m.find()).as("%s's package-info has a 'Depends on:' line", p).isTrue();
    Set<String> deps = new TreeSet<>();
    if (!m.group(1).startsWith("no other nnlab package")) {
      CODE.matcher(m.group(1)).results().forEach(r -> deps.add(r.group(1)));
    }
    return deps;
  }
}
