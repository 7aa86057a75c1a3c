package org.cxrlstm.metadata;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.cxrlstm.data.DataException;
import org.cxrlstm.data.Dataset;
import org.cxrlstm.data.ImageEntry;
import org.cxrlstm.data.Manifest;

/**
 * What a file says about an image without its pixels: width and height in pixels, size in bytes
 * and format (the file extension, {@code jpeg} counted as {@code jpg}).
 *
 * @param width  pixels across
 * @param height pixels down
 * @param bytes  file size
 * @param format lower-case extension
 */
public record FileAttributes(int width, int height, long bytes, String format) {

  /**
   * The attributes of every image of {@code dataset}, in its order: from {@code manifest}'s width,
   * height and bytes columns where it has them (so no image needs to be on disk), else read from
   * the file's header and size.
   */
  public static List<FileAttributes> of(Dataset dataset, Manifest manifest) throws IOException {
    Map<String, Manifest.Row> rows = manifest == null ? Map.of()
        : manifest.rows().stream().collect(Collectors.toMap(Manifest.Row::file, Function.identity()));
    List<FileAttributes> out = new ArrayList<>();
    for (ImageEntry e : dataset.entries()) {
      Manifest.Row row = rows.get(e.file());
      String format = format(e.file());
      if (row != null && row.width() > 0 && row.height() > 0 && row.bytes() >= 0) {
        out.add(new FileAttributes(row.width(), row.height(), row.bytes(), format));
      } else {
        Path file = dataset.root().resolve(e.file());
        int[] size = pixelSize(file);
        out.add(new FileAttributes(size[0], size[1], Files.size(file), format));
      }
    }
    return out;
  }

  static String format(String file) {
    int dot = file.lastIndexOf('.');
    String ext = dot < 0 ? "" : file.substring(dot + 1).toLowerCase(Locale.ROOT);
    return ext.equals("jpeg") ? "jpg" : ext;
  }

  /** Width and height from the image header, without decoding the pixels. */
  static int[] pixelSize(Path file) throws IOException {
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
      if (readers == null || !readers.hasNext()) {
        throw new DataException(file + ": not an image format Java can read (width and height unknown)");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in);
        return new int[] {reader.getWidth(0), reader.getHeight(0)};
      } finally {
        reader.dispose();
      }
    }
  }
}
