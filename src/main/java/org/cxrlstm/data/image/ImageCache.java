package org.cxrlstm.data.image;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.cxrlstm.data.Dataset;
import org.cxrlstm.results.io.AtomicFiles;

/**
 * One cache file of decoded images: {@code <contentHash>-<S>px-v<version>.gray} holding a header
 * (magic, version, S, count, content hash) and count*S*S bytes. Written under a temporary name and
 * renamed, so a reader never sees half a file; any mismatch makes the file count as absent.
 */
public final class ImageCache {
  private static final byte[] MAGIC = "CXRGRAY\n".getBytes(StandardCharsets.US_ASCII);

  private final Path file;
  private final String hash;
  private final int size;
  private final int count;
  private final int version;

  public ImageCache(Path dir, Dataset dataset, int size, int version) {
    this.hash = dataset.contentHash();
    this.size = size;
    this.count = dataset.size();
    this.version = version;
    this.file = dir.resolve(hash + "-" + size + "px-v" + version + ".gray");
  }

  public Path file() {
    return file;
  }

  /** The cached images, or {@code null} when there is no valid cache file. */
  public byte[][] read() {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try (InputStream raw = Files.newInputStream(file);
        DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(raw, 1 << 16))) {
      byte[] magic = in.readNBytes(MAGIC.length);
      if (!Arrays.equals(magic, MAGIC) || in.readInt() != version || in.readInt() != size
          || in.readInt() != count || !in.readUTF().equals(hash)) {
        return null;
      }
      byte[][] images = new byte[count][];
      for (int i = 0; i < count; i++) {
        images[i] = in.readNBytes(size * size);
        if (images[i].length != size * size) {
          return null;
        }
      }
      return in.read() == -1 ? images : null;
    } catch (IOException e) {
      System.err.println("ignoring unreadable image cache " + file + ": " + e.getMessage());
      return null;
    }
  }

  public void write(byte[][] images) throws IOException {
    AtomicFiles.writeBytes(file, raw -> {
      DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(raw, 1 << 16));
      out.write(MAGIC);
      out.writeInt(version);
      out.writeInt(size);
      out.writeInt(count);
      out.writeUTF(hash);
      for (byte[] image : images) {
        out.write(image);
      }
      out.flush();
    });
  }
}
