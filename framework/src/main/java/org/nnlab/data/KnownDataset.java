package org.nnlab.data;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The datasets nnlab knows by name: which parts they have, the IDX files of each part, where they
 * are found, and the SHA-256 of the original files (of their uncompressed content, so a gz and a
 * plain copy of the same file both match).
 *
 * <pre>{@code
 * KnownDataset.byName("fashion-mnist").orElseThrow().part("test").images();  // t10k-images-idx3-ubyte
 * }</pre>
 */
public enum KnownDataset {
  /** 10,000 + 10,000 real MNIST digits inside the framework jar; see its README. */
  MNIST_SAMPLE("mnist-sample", "MNIST digits bundled in the jar: the first 10,000 training images, all 10,000 test images",
      10_000, Map.of(), List.of()),
  /** The full MNIST digits, 60,000 + 10,000, by LeCun, Cortes and Burges. */
  MNIST("mnist", "MNIST handwritten digits (LeCun, Cortes, Burges): 60,000 training, 10,000 test",
      60_000, Map.of(
          "train-images-idx3-ubyte", "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
          "train-labels-idx1-ubyte", "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5",
          "t10k-images-idx3-ubyte", "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7",
          "t10k-labels-idx1-ubyte", "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2"),
      List.of(
          "https://ossci-datasets.s3.amazonaws.com/mnist/",
          "https://storage.googleapis.com/cvdf-datasets/mnist/",
          "http://yann.lecun.com/exdb/mnist/")),
  /** Zalando's Fashion-MNIST, 60,000 + 10,000 clothing images in MNIST's format. */
  FASHION_MNIST("fashion-mnist", "Fashion-MNIST (Zalando Research): 60,000 training, 10,000 test clothing images",
      60_000, Map.of(
          "train-images-idx3-ubyte", "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888",
          "train-labels-idx1-ubyte", "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9",
          "t10k-images-idx3-ubyte", "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b",
          "t10k-labels-idx1-ubyte", "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34"),
      List.of("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/"));

  /** One part of a dataset and the base names (without {@code .gz}) of its two IDX files. */
  public record Part(String name, String images, String labels) {}

  private static final List<Part> PARTS = List.of(
      new Part("train", "train-images-idx3-ubyte", "train-labels-idx1-ubyte"),
      new Part("test", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"));

  private static final int TEST_SAMPLES = 10_000;

  private final String id;
  private final String description;
  private final int trainSamples;
  private final Map<String, String> sha256;
  private final List<String> mirrors;

  KnownDataset(String id, String description, int trainSamples, Map<String, String> sha256, List<String> mirrors) {
    this.id = id;
    this.description = description;
    this.trainSamples = trainSamples;
    this.sha256 = sha256;
    this.mirrors = mirrors;
  }

  /**
   * The usual public mirrors of the original gz files, tried in order; each is a base URL the file
   * name plus {@code .gz} is appended to. Empty for the bundled sample.
   */
  public List<String> mirrors() {
    return mirrors;
  }

  /** The name used in configs and on the command line, e.g. {@code fashion-mnist}. */
  public String id() {
    return id;
  }

  public String description() {
    return description;
  }

  /** Every class count is 10 for the MNIST family. */
  public int classes() {
    return 10;
  }

  public List<Part> parts() {
    return PARTS;
  }

  /** The part called {@code name}, or a {@link DataException} listing the parts there are. */
  public Part part(String name) {
    return PARTS.stream().filter(p -> p.name().equals(name)).findFirst()
        .orElseThrow(() -> new DataException(id + " has no part '" + name + "'; its parts are "
            + PARTS.stream().map(Part::name).collect(Collectors.joining(", "))));
  }

  /** The base names of all four files. */
  public List<String> files() {
    return PARTS.stream().flatMap(p -> List.of(p.images(), p.labels()).stream()).toList();
  }

  /**
   * Each file's base name → the size in bytes of the original's uncompressed content: IDX images are
   * a 16-byte header and 784 bytes per 28×28 image, labels an 8-byte header and a byte each. A
   * download is never allowed to grow past what this implies.
   */
  public Map<String, Long> originalSizes() {
    Map<String, Long> m = new LinkedHashMap<>();
    for (Part p : PARTS) {
      long n = p.name().equals("train") ? trainSamples : TEST_SAMPLES;
      m.put(p.images(), 16 + n * 28 * 28);
      m.put(p.labels(), 8 + n);
    }
    return Collections.unmodifiableMap(m);
  }

  /** SHA-256 (hex) of the original file's uncompressed content; empty for the bundled sample. */
  public Optional<String> sha256(String file) {
    return Optional.ofNullable(sha256.get(file));
  }

  /** Each file's base name → SHA-256 (hex) of the original's content, in {@link #files()} order. */
  public Map<String, String> originals() {
    Map<String, String> m = new LinkedHashMap<>();
    for (String f : files()) {
      m.put(f, sha256.get(f));
    }
    return Collections.unmodifiableMap(m);
  }

  /** True when the files live in the data directory (or a system folder), not in the jar. */
  public boolean onDisk() {
    return this != MNIST_SAMPLE;
  }

  public static Optional<KnownDataset> byName(String name) {
    return Arrays.stream(values()).filter(d -> d.id.equals(name)).findFirst();
  }

  /** The dataset called {@code name}, or a {@link DataException} listing the names there are. */
  public static KnownDataset require(String name) {
    return byName(name).orElseThrow(() -> new DataException(
        "unknown dataset '" + name + "'; known datasets: " + names()));
  }

  static String names() {
    return Arrays.stream(values()).map(KnownDataset::id).collect(Collectors.joining(", "));
  }
}
