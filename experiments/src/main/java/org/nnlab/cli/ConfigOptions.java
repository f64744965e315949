package org.nnlab.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.nnlab.config.ConfigDocument;
import org.nnlab.config.ConfigLoader;
import org.nnlab.io.RegularFiles;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options every command that reads an experiment shares: the config file and its overrides. */
final class ConfigOptions {
  @Parameters(index = "0", paramLabel = "CONFIG", description = "the experiment's YAML file")
  Path config;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description = "override a config key; KEY is a dotted path (network.layers[1]), VALUE is YAML")
  List<String> sets = new ArrayList<>();


  /** The merged, overridden document; throws for a missing file or a malformed config. */
  ConfigDocument document(Set<String> ruleIds) {
    if (!Files.exists(config)) {
      throw new UserInputException(config + ": no such config file");
    }
    // a directory, FIFO or device says what it is (a FIFO would otherwise block the read)
    RegularFiles.require(config, config.toString(), UserInputException::new);
    ConfigLoader loader = new ConfigLoader(ruleIds);
    return loader.document(config).withOverrides(sets);
  }
}
