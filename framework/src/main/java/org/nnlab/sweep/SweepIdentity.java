package org.nnlab.sweep;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.nnlab.config.ConfigWriter;
import org.nnlab.config.SweepConfig;
import org.nnlab.config.SweepConfig.Choose;
import org.nnlab.experiment.ResultsJson;
import org.nnlab.io.AtomicFiles;
import org.nnlab.io.Json;
import org.nnlab.io.Sha256;
import org.nnlab.output.OutputException;

/**
 * Which sweep a folder's {@code results.jsonl} belongs to: {@value #FILE}, written when a sweep
 * starts into the folder, with the sweep's name, strategy, config hash and planned trial ids. A
 * sweep may add trials to a folder only when the hashes match, so one table never mixes two sweeps.
 *
 * <pre>{@code
 * SweepIdentity id = SweepIdentity.of(plan);
 * id.claim(dir, resume);   // OutputException naming what the folder holds; else sweep.json is written
 * }</pre>
 *
 * <p>The config hash covers all that decides the trials' numbers: the base config's canonical text
 * ({@link ConfigWriter#toYaml}, every {@code --set} applied), the strategy, repeats, the halving
 * budget and every point; not {@code sweep.parallelism}, which only sets how many trials run at
 * once. {@code trials} lists the first rung's ids (halving picks the later ones from the results).
 * {@code sweep.choose} enters the hash only where it decides trials (halving's promotions, and only
 * when not {@code any}, so the hashes of sweeps without it stay as they were): a grid or random
 * sweep may change it and {@code --resume}, which rewrites the report with the new choice and
 * trains nothing again.
 *
 * @param format always {@value #FORMAT}
 * @param choose {@code sweep.choose} ({@link Choose#id}) when it is not {@code any}; else null, left out of the file
 */
public record SweepIdentity(String format, String name, String configHash, String strategy, List<String> trials,
    @JsonInclude(JsonInclude.Include.NON_NULL) String choose) {
  /** The file's name inside a sweep folder. */
  public static final String FILE = "sweep.json";
  static final String FORMAT = "nnlab-sweep";

  public SweepIdentity {
    trials = trials == null ? List.of() : List.copyOf(trials);
  }

  /** The identity of {@code plan}. */
  public static SweepIdentity of(SweepPlan plan) {
    StringBuilder text = new StringBuilder(ConfigWriter.toYaml(plan.base()));
    var sweep = plan.sweep();
    text.append("sweep:\n  strategy: ").append(sweep.strategy()).append("\n  repeats: ").append(sweep.repeats())
        .append("\n  maxEpochs: ").append(sweep.maxEpochs()).append("\n  points:\n");
    plan.points().forEach(p -> text.append("  - ").append(p.canonical()).append('\n'));
    boolean chooses = sweep.choose() != Choose.ANY;
    if (chooses && sweep.strategy() == SweepConfig.Strategy.HALVING) {
      text.append("  choose: ").append(sweep.choose().id()).append('\n');
    }
    return new SweepIdentity(FORMAT, plan.base().name(), Sha256.of(text.toString()),
        sweep.strategy().name().toLowerCase(java.util.Locale.ROOT), plan.trials().stream().map(Trial::id).toList(),
        chooses ? sweep.choose().id() : null);
  }

  /** How this sweep ranks its points: by its {@code choose}, {@link Ranking#ANY} when it has none. */
  public Ranking ranking() {
    return choose == null ? Ranking.ANY : Ranking.of(Choose.ofId(choose).orElse(Choose.ANY));
  }

  /**
   * How the sweep in {@code dir} ranks its points, from its {@value #FILE}; {@link Ranking#ANY} when
   * the folder has none (a sweep a host reported without claiming a folder).
   *
   * @throws OutputException when the file is there but is not a sweep identity
   */
  public static Ranking rankingIn(Path dir) throws IOException {
    return read(dir).map(SweepIdentity::ranking).orElse(Ranking.ANY);
  }

  /**
   * The identity {@code dir} holds, if it has a {@value #FILE}.
   *
   * @throws OutputException when the file is there but is not a sweep identity
   */
  public static Optional<SweepIdentity> read(Path dir) throws IOException {
    Path file = dir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      SweepIdentity id = Json.mapper().readValue(file.toFile(), SweepIdentity.class);
      if (!FORMAT.equals(id.format()) || id.configHash() == null) {
        throw new OutputException(file + ": not a sweep identity (format " + FORMAT + " with a configHash)");
      }
      if (id.choose() != null && Choose.ofId(id.choose()).isEmpty()) {
        throw new OutputException(file + ": choose is unknown, found '" + id.choose() + "'; allowed: "
            + Arrays.stream(Choose.values()).map(Choose::id).collect(Collectors.joining(", ")));
      }
      return Optional.of(id);
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw new OutputException(file + ": not a sweep identity: "
          + e.getOriginalMessage().lines().findFirst().orElse(""));
    }
  }

  /**
   * Checks that this sweep may write into {@code dir}, then records it there: a new sweep needs a
   * folder with no trials (or its own, restarted); {@code resume} needs the folder's trials to be
   * this sweep's, by config hash.
   *
   * @throws OutputException in one line naming what the folder holds and what to do instead
   */
  public void claim(Path dir, boolean resume) throws IOException {
    if (Files.exists(dir.resolve(ResultsJson.FILE))) {
      throw new OutputException(dir + " holds a run's results (results.json), not a sweep's; "
          + "choose another folder for the sweep");
    }
    Optional<SweepIdentity> held = read(dir);
    Path jsonl = dir.resolve(ResultsStore.FILE);
    boolean hasTrials = Files.isRegularFile(jsonl) && Files.size(jsonl) > 0;
    boolean same = held.isPresent() && held.get().configHash().equals(configHash);
    if (hasTrials && !same) {
      if (held.isEmpty()) {
        throw new OutputException(jsonl + " has no " + FILE + " beside it to tell which sweep wrote it, "
            + "so this sweep cannot " + (resume ? "resume it" : "add to it") + "; choose another folder");
      }
      throw new OutputException((resume ? "cannot resume: " : "") + dir + " holds the trials of another sweep ('"
          + held.get().name() + "', config " + brief(held.get().configHash()) + "; this one is "
          + brief(configHash) + ")" + (resume ? "; resume with the same config and overrides" : "")
          + ", or choose another folder");
    }
    if (hasTrials && !resume) {
      throw new OutputException(jsonl + " already holds trials: claim it with resume = true to continue that sweep, "
          + "or choose another folder");
    }
    if (!same || !held.get().equals(this)) {
      AtomicFiles.write(dir.resolve(FILE), Json.mapper().writeValueAsBytes(this));
    }
  }

  /** True when {@code dir} holds a sweep's files ({@value #FILE} or {@code results.jsonl}), where a run's must not go. */
  public static boolean holdsSweep(Path dir) {
    return Files.exists(dir.resolve(FILE)) || Files.exists(dir.resolve(ResultsStore.FILE));
  }

  /** "sha256:3f2a9c01…", enough to tell two hashes apart in a message. */
  private static String brief(String hash) {
    return hash.length() > 15 ? hash.substring(0, 15) + "…" : hash;
  }

}
