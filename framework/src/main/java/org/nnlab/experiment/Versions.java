package org.nnlab.experiment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** nnlab's version and the git commit of a working directory, read without starting processes. */
final class Versions {
  static final String FALLBACK_VERSION = "0.1.0";

  private Versions() {}

  static String nnlab() {
    String v = Versions.class.getPackage().getImplementationVersion();
    return v == null ? FALLBACK_VERSION : v;
  }

  /** HEAD's commit of the git checkout containing {@code dir}, or "" when there is none. */
  static String gitCommit(Path dir) {
    for (Path d = dir; d != null; d = d.getParent()) {
      Path git = d.resolve(".git");
      if (Files.isDirectory(git)) {
        return resolveHead(git, git);
      }
      if (Files.isRegularFile(git)) {
        return worktreeHead(git);
      }
    }
    return "";
  }

  /** A linked worktree's {@code .git} file says {@code gitdir: PATH}; its refs live in the common dir. */
  private static String worktreeHead(Path gitFile) {
    try {
      String text = Files.readString(gitFile, StandardCharsets.UTF_8).trim();
      if (!text.startsWith("gitdir: ")) {
        return "";
      }
      Path gitDir = gitFile.getParent().resolve(text.substring(8).trim()).normalize();
      Path common = gitDir;
      Path commonFile = gitDir.resolve("commondir");
      if (Files.exists(commonFile)) {
        common = gitDir.resolve(Files.readString(commonFile, StandardCharsets.UTF_8).trim()).normalize();
      }
      return resolveHead(gitDir, common);
    } catch (IOException e) {
      return "";
    }
  }

  private static String resolveHead(Path git, Path common) {
    try {
      String head = Files.readString(git.resolve("HEAD"), StandardCharsets.UTF_8).trim();
      if (!head.startsWith("ref: ")) {
        return head;
      }
      String ref = head.substring(5);
      for (Path dir : new Path[] {git, common}) {
        Path loose = dir.resolve(ref);
        if (Files.exists(loose)) {
          return Files.readString(loose, StandardCharsets.UTF_8).trim();
        }
      }
      Path packed = common.resolve("packed-refs");
      if (Files.exists(packed)) {
        for (String line : Files.readAllLines(packed, StandardCharsets.UTF_8)) {
          if (line.endsWith(" " + ref)) {
            return line.substring(0, line.indexOf(' '));
          }
        }
      }
      return "";
    } catch (IOException e) {
      return "";
    }
  }
}
