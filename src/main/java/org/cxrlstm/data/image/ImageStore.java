package org.cxrlstm.data.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import me.tongfei.progressbar.ProgressBar;
import org.cxrlstm.data.DataException;
import org.cxrlstm.data.Dataset;
import org.cxrlstm.data.Progress;
import org.cxrlstm.data.Sha256;

/**
 * Every image of a dataset decoded once, converted to luminance and resized to S x S (the paper
 * resizes to 224 x 224, Section 3.1), held as uint8 on the heap. The result is cached on disk
 * ({@link ImageCache}), keyed by the dataset's content hash, S and the preprocessing version, so a
 * second experiment reads one file instead of decoding 173 MB of JPEGs.
 */
public final class ImageStore implements ImageSource {
  /** Bumped whenever decoding or resizing changes, which invalidates every cache file. */
  public static final int PREPROCESSING_VERSION = 1;

  private final int size;
  private final byte[][] images;

  private ImageStore(int size, byte[][] images) {
    this.size = size;
    this.images = images;
  }

  /** Images already decoded: each {@code images[i]} has size*size values. */
  public static ImageStore of(int size, byte[][] images) {
    for (int i = 0; i < images.length; i++) {
      if (images[i].length != size * size) {
        throw new IllegalArgumentException("image " + i + " has " + images[i].length + " values, not " + size * size);
      }
    }
    return new ImageStore(size, images.clone());
  }

  /** {@link #load(Dataset, int, Path, ImageDecoder)} with the default pixel limit. */
  public static ImageStore load(Dataset dataset, int size, Path cacheDir) throws IOException {
    return load(dataset, size, cacheDir, new ImageDecoder());
  }

  /**
   * The images of {@code dataset} at {@code size} px: from {@code cacheDir} when a valid cache file
   * is there, otherwise decoded (on up to two threads, with a progress bar) and then cached.
   * {@code cacheDir} may be {@code null} for no cache. Throws {@link DataException} listing every
   * image that could not be decoded, or whose bytes differ from its sha256.
   */
  public static ImageStore load(Dataset dataset, int size, Path cacheDir, ImageDecoder decoder) throws IOException {
    if (size < 8) {
      throw new IllegalArgumentException("image size must be at least 8 px, got " + size);
    }
    ImageCache cache = cacheDir == null ? null : new ImageCache(cacheDir, dataset, size, PREPROCESSING_VERSION);
    if (cache != null) {
      byte[][] cached = cache.read();
      if (cached != null) {
        return new ImageStore(size, cached);
      }
    }
    Map<Integer, String> problems = new TreeMap<>();
    byte[][] images = decodeAll(dataset, size, decoder, problems);
    if (!problems.isEmpty()) {
      throw new DataException("cannot use " + problems.size() + " of " + dataset.size() + " images in "
          + dataset.root(), List.copyOf(problems.values()));
    }
    if (cache != null) {
      cache.write(images);
    }
    return new ImageStore(size, images);
  }

  private static byte[][] decodeAll(Dataset dataset, int size, ImageDecoder decoder, Map<Integer, String> problems)
      throws IOException {
    int threads = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "image-decode");
      t.setDaemon(true);
      return t;
    });
    byte[][] images = new byte[dataset.size()][];
    try (ProgressBar bar = Progress.bar("decode " + size + "px", dataset.size(), null, 1)) {
      List<Future<byte[]>> futures = new ArrayList<>();
      for (int i = 0; i < dataset.size(); i++) {
        int index = i;
        futures.add(pool.submit(() -> decodeOne(dataset, index, size, decoder)));
      }
      for (int i = 0; i < futures.size(); i++) {
        try {
          images[i] = futures.get(i).get();
        } catch (ExecutionException e) {
          Throwable cause = e.getCause();
          problems.put(i, cause instanceof IOException || cause instanceof DataException
              ? cause.getMessage() : dataset.path(i) + ": " + cause);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted while decoding " + dataset.root(), e);
        }
        bar.step();
      }
    } finally {
      pool.shutdownNow();
    }
    return images;
  }

  /** Image {@code index} read, checked against its sha256, decoded and resized. */
  public static byte[] decodeOne(Dataset dataset, int index, int size, ImageDecoder decoder) throws IOException {
    Path file = dataset.path(index);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new IOException(file + ": cannot read (" + e + ")", e);
    }
    String sha = Sha256.of(bytes);
    if (!sha.equals(dataset.entry(index).sha256())) {
      throw new IOException(file + ": content changed (sha256 " + sha + ", dataset says "
          + dataset.entry(index).sha256() + ")");
    }
    ImageDecoder.Gray gray = decoder.decode(bytes, file.toString());
    return Resize.toSquare(gray.values(), gray.width(), gray.height(), size);
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public int count() {
    return images.length;
  }

  @Override
  public byte[] pixels(int index) {
    return images[index];
  }
}
