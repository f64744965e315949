package org.nnlab.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.nnlab.config.DataSource;

/**
 * Loads every {@link DataSource}: named datasets ({@code mnist-sample} from the jar, {@code mnist}
 * and {@code fashion-mnist} from {@link DataLocations}), IDX file pairs, the book's CSV, and folders
 * of PNG images.
 *
 * <pre>{@code
 * DatasetLoader loader = new DefaultDatasetLoader();
 * Dataset train = loader.load(new DataSource.Named("mnist-sample", "train"));
 * }</pre>
 *
 * <p>Named datasets are read once per loader and shared afterwards (datasets are immutable), so a
 * sweep does not decompress MNIST for every trial. Thread-safe.
 */
public final class DefaultDatasetLoader implements DatasetLoader {
  private static final String SAMPLE_RESOURCES = "mnist-sample/";
  private static final String CLASSPATH = "classpath:org/nnlab/data/";

  private final DataLocations locations;
  private final Map<DataSource.Named, Dataset> named = new ConcurrentHashMap<>();

  /** Data directory from {@code $NNLAB_DATA}, else {@code ~/.nnlab/data}. */
  public DefaultDatasetLoader() {
    this(DataLocations.standard());
  }

  /** Named datasets from {@code dataDir} (after {@code /usr/share/datasets}). */
  public DefaultDatasetLoader(Path dataDir) {
    this(DataLocations.of(dataDir));
  }

  public DefaultDatasetLoader(DataLocations locations) {
    this.locations = locations;
  }

  public DataLocations locations() {
    return locations;
  }

  @Override
  public Dataset load(DataSource source) {
    if (source instanceof DataSource.Named n) {
      return named.computeIfAbsent(n, this::loadNamed);
    } else if (source instanceof DataSource.Idx idx) {
      return IdxReader.read(idx.images(), idx.labels(), idx.images().toString());
    } else if (source instanceof DataSource.Csv csv) {
      return CsvReader.read(csv.file(), csv.file().toString());
    } else if (source instanceof DataSource.Images images) {
      return ImageFolderReader.read(images.dir());
    }
    throw new AssertionError("unknown data source " + source);
  }

  private Dataset loadNamed(DataSource.Named source) {
    KnownDataset dataset = KnownDataset.require(source.name());
    KnownDataset.Part part = dataset.part(source.part());
    String name = source.toString();
    if (!dataset.onDisk()) {
      return fromResources(dataset, part, name);
    }
    Path dir = locations.find(dataset).orElseThrow(() -> DataException.notInstalled(dataset.id(),
        dataset.id() + " is not installed; looked for its four IDX files (plain or .gz) in "
            + locations.searched(dataset) + "; " + howToGet(dataset)));
    Path images = DataLocations.file(dir, part.images()).orElseThrow();
    Path labels = DataLocations.file(dir, part.labels()).orElseThrow();
    IdxReader.Images im = IdxReader.readImages(images);
    byte[] lb = IdxReader.readLabels(labels);
    return IdxReader.combine(im, lb, name, images.toString(), labels.toString(), dataset.classes());
  }

  static String howToGet(KnownDataset dataset) {
    String get = "fetch it with DatasetFetcher.fetch(" + dataset + ") or import files you have with "
        + "DatasetImporter.importFrom(" + dataset + ", dir)";
    return dataset == KnownDataset.FASHION_MNIST
        ? "install the Debian package dataset-fashion-mnist, or " + get
        : get;
  }

  private static Dataset fromResources(KnownDataset dataset, KnownDataset.Part part, String name) {
    String images = SAMPLE_RESOURCES + part.images() + ".gz";
    String labels = SAMPLE_RESOURCES + part.labels() + ".gz";
    IdxReader.Images im = resource(images, IdxReader::readImages);
    byte[] lb = resource(labels, IdxReader::readLabels);
    return IdxReader.combine(
        im, lb, name, CLASSPATH + images, CLASSPATH + labels, dataset.classes());
  }

  private interface Reader<T> {
    T read(InputStream in, String where);
  }

  private static <T> T resource(String path, Reader<T> reader) {
    InputStream raw = DefaultDatasetLoader.class.getResourceAsStream(path);
    String where = CLASSPATH + path;
    if (raw == null) {
      throw new DataException(where + " is missing; the framework jar is incomplete, rebuild it");
    }
    try (InputStream in = DataFiles.decompressed(raw)) {
      return reader.read(in, where);
    } catch (IOException e) {
      throw new DataException(where + ": cannot read: " + e.getMessage(), e);
    }
  }
}
