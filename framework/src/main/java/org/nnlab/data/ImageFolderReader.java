package org.nnlab.data;

import java.nio.file.Path;

/** Reads a folder of PNG images, one subfolder per label. */
final class ImageFolderReader {
  private ImageFolderReader() {}

  static ByteDataset read(Path dir) {
    throw new DataException(dir + ": image folders are not supported yet");
  }
}
