package org.cxrlstm.data.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Single image files prepared exactly as {@link ImageStore} prepares a dataset's images (for prediction). */
public final class ImageFiles {
  private ImageFiles() {}

  /** {@code file} decoded to luminance and resized to S x S uint8; the error names the file. */
  public static byte[] read(Path file, int size) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IOException("image file not found: " + file);
    }
    ImageDecoder.Gray gray = new ImageDecoder().decode(Files.readAllBytes(file), file.toString());
    return Resize.toSquare(gray.values(), gray.width(), gray.height(), size);
  }
}
