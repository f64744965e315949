package org.nnlab.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The host program of docs/embedding.md and the README, built as a new user would: its own pom
 * ({@code src/test/host}), depending only on the framework and report artifacts installed into a
 * temporary local repository (never the shared one) — then run, its Prometheus scrape holding one
 * correct series per run and per trial, and the sweep's report.html the trials it printed.
 *
 * <p>Maven here resolves from a {@code file://} mirror of the local repository the build already
 * has, so nothing is downloaded and nothing is installed outside the temporary folder.
 */
class HostProjectTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Pattern ACCURACY = Pattern.compile(
      "^nnlab_eval_accuracy\\{experiment=\"([^\"]+)\",run=\"(\\w+)\",trial=\"((?:[^\"\\\\]|\\\\.)*)\"} (\\S+)$",
      Pattern.MULTILINE);

  @Test
  void hostProject_buildsAgainstTheInstalledFramework_runsSweeps_andScrapesOneSeriesPerRunAndTrial(@TempDir Path tmp)
      throws Exception {
    Path repo = tmp.resolve("repo");
    Path settings = Files.writeString(tmp.resolve("settings.xml"), """
        <settings><mirrors><mirror><id>local-copy</id><mirrorOf>*</mirrorOf><url>%s</url></mirror></mirrors></settings>
        """.formatted(sharedRepository().toUri()));
    Path sources = tmp.resolve("nnlab");
    copy(ROOT.resolve("pom.xml"), sources.resolve("pom.xml"));
    copy(ROOT.resolve("experiments/pom.xml"), sources.resolve("experiments/pom.xml"));
    copy(ROOT.resolve("framework/pom.xml"), sources.resolve("framework/pom.xml"));
    copy(ROOT.resolve("framework/cluster/pom.xml"), sources.resolve("framework/cluster/pom.xml"));
    copy(ROOT.resolve("framework/serve/pom.xml"), sources.resolve("framework/serve/pom.xml"));
    copy(ROOT.resolve("framework/report/pom.xml"), sources.resolve("framework/report/pom.xml"));
    copy(ROOT.resolve("framework/src/main"), sources.resolve("framework/src/main"));
    copy(ROOT.resolve("framework/report/src/main"), sources.resolve("framework/report/src/main"));
    // no sources or javadoc jars here: the host compiles against the main jars, and javadoc is slow
    mvn(sources, settings, repo, "-pl", "framework,framework/report", "-am", "install", "-DskipTests",
        "-Dmaven.source.skip=true", "-Dmaven.javadoc.skip=true");

    Path host = tmp.resolve("host");
    copy(ROOT.resolve("experiments/src/test/host"), host);
    mvn(host, settings, repo, "package",
        "org.apache.maven.plugins:maven-dependency-plugin:3.9.0:build-classpath", "-Dmdep.outputFile=cp.txt");
    String classpath = host.resolve("target/classes") + java.io.File.pathSeparator
        + Files.readString(host.resolve("cp.txt")).strip();
    assertThat(classpath).contains(repo.toString(), "nnlab-framework-0.1.0.jar", "nnlab-report-0.1.0.jar")
        .as("the host pulls no CLI, server or cluster").doesNotContain("nnlab-experiments", "nnlab-serve",
            "nnlab-cluster", "hazelcast", "picocli");

    String out = run(host, Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--add-modules", "jdk.incubator.vector", "-cp", classpath, "example.HostExample");

    assertThat(out).as("no Micrometer warning on the console").doesNotContain("io.micrometer", "already registered");
    Map<String, Double> printed = new TreeMap<>();
    String runLine = out.lines().filter(l -> l.startsWith("run ")).findFirst().orElseThrow();
    String[] r = runLine.split(" ", 5);
    printed.put("host-run/" + r[1] + "/none", Double.parseDouble(r[3]));
    assertThat(r[4]).contains("small-hidden-layers");
    String sweepRun = null;
    Map<String, Double> scraped = new TreeMap<>();
    Matcher m = ACCURACY.matcher(out);
    while (m.find()) {
      String trial = m.group(3).replace("\\\"", "\"");
      assertThat(scraped.put(m.group(1) + "/" + m.group(2) + "/" + trial, Double.parseDouble(m.group(4)))).isNull();
      if (m.group(1).equals("host-sweep")) {
        sweepRun = m.group(2);
      }
    }
    List<String> trials = out.lines().filter(l -> l.startsWith("trial ")).toList();
    assertThat(trials).hasSize(6);
    for (String t : trials) {
      int space = t.lastIndexOf(' ');
      printed.put("host-sweep/" + sweepRun + "/" + t.substring(6, space), Double.parseDouble(t.substring(space + 1)));
    }
    assertThat(scraped).isEqualTo(printed).hasSize(7);
    assertThat(printed.values()).allSatisfy(a -> assertThat(a).isBetween(0.5, 1.0));

    // the sweep's report.html, written by the host through nnlab-report, shows the trials it printed
    String reportLine = out.lines().filter(l -> l.startsWith("report ")).findFirst().orElseThrow();
    Path html = host.resolve(reportLine.substring("report ".length()));
    assertThat(html).isRegularFile();
    JsonNode model = pageModel(html);
    List<Double> sweepAccuracies = trials.stream().map(t -> Double.parseDouble(t.substring(t.lastIndexOf(' ') + 1)))
        .toList();
    assertThat(model.get("name").asText()).isEqualTo("host-sweep");
    assertThat(model.at("/sweep/trialsTotal").asInt()).isEqualTo(6);
    assertThat(model.get("trials")).extracting(t -> t.get("accuracy").asDouble())
        .containsExactlyInAnyOrderElementsOf(sweepAccuracies);
    double best = sweepAccuracies.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    assertThat(model.get("headline").asText()).isEqualTo(String.format(Locale.ROOT, "%.2f%%", 100 * best));
    assertThat(Files.readString(html.resolveSibling("report.md")))
        .contains(String.format(Locale.ROOT, "**Best test accuracy: %.4f**", best), "6 trials over 6 points");
  }

  /** The JSON report.html draws from, as the page embeds it. */
  private static JsonNode pageModel(Path html) throws IOException {
    String page = Files.readString(html);
    int start = page.indexOf('>', page.indexOf("id=\"nnlab-model\"")) + 1;
    return new ObjectMapper().readTree(page.substring(start, page.indexOf("</script>", start)));
  }

  @Test
  void theReadmeAndTheEmbeddingDocsShowTheHostsCode() throws IOException {
    String host = Files.readString(ROOT.resolve("experiments/src/test/host/src/main/java/example/HostExample.java"));
    String body = host.substring(host.indexOf("throws Exception {\n") + 19, host.lastIndexOf("  }\n}")).stripTrailing()
        .stripIndent().strip();
    for (String doc : List.of("README.md", "docs/embedding.md")) {
      String text = Files.readString(ROOT.resolve(doc));
      int at = text.indexOf("```java\nPrometheusMeterRegistry");
      assertThat(at).as(doc).isPositive();
      String snippet = text.substring(at + 8, text.indexOf("```", at + 8)).strip();
      assertThat(snippet).as(doc).isEqualTo(body);
    }
    // and the embedding docs' dependency block names every nnlab artifact the host's pom does
    String docs = Files.readString(ROOT.resolve("docs/embedding.md"));
    int xml = docs.indexOf("```xml\n<dependency>");
    assertThat(xml).isPositive();
    String dependencies = docs.substring(xml, docs.indexOf("```", xml + 6));
    Matcher artifact = Pattern.compile("<groupId>org.nnlab</groupId>\\s*<artifactId>(nnlab-[a-z]+)</artifactId>")
        .matcher(Files.readString(ROOT.resolve("experiments/src/test/host/pom.xml")));
    List<String> used = new ArrayList<>();
    while (artifact.find()) {
      used.add(artifact.group(1));
    }
    assertThat(used).containsExactly("nnlab-framework", "nnlab-report");
    assertThat(used).allSatisfy(a -> assertThat(dependencies).contains("<artifactId>" + a + "</artifactId>"));
  }

  /** The local repository this build resolves from: read only, as a mirror. */
  private static Path sharedRepository() {
    String configured = System.getProperty("maven.repo.local");
    return configured != null ? Path.of(configured) : Path.of(System.getProperty("user.home"), ".m2", "repository");
  }

  private static void mvn(Path dir, Path settings, Path repo, String... goals) throws Exception {
    List<String> command = new ArrayList<>(List.of("mvn", "-B", "-q", "-s", settings.toString(),
        "-Dmaven.repo.local=" + repo));
    command.addAll(List.of(goals));
    run(dir, command.toArray(String[]::new));
  }

  private static String run(Path dir, String... command) throws Exception {
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as("%s in %s:%n%s", String.join(" ", command), dir, out).isZero();
    return out;
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.toList()) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(f, target);
        }
      }
    }
  }
}
