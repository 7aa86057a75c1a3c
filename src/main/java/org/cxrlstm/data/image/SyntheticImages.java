package org.cxrlstm.data.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.cxrlstm.data.Dataset;
import org.cxrlstm.data.Sha256;
import org.cxrlstm.results.io.Csv;

/**
 * Small X-ray-like images with class-dependent patterns, written as real image files in the
 * ImageFolder layout with a {@code manifest.csv}, so the whole path from files to batches can be
 * tested (and the {@code smoke} experiment run) without the real dataset.
 *
 * <p>Every image has a bright body with two darker lung fields and Gaussian noise; inside the lungs
 * {@code covid} has bright round blobs, {@code pneumonia} horizontal stripes and {@code normal}
 * nothing, so a small CNN can learn the classes. Two consecutive images share a patient id so
 * patient-grouped splits are exercised. Files are 8-bit gray PNG, with every fourth a gray JPEG and
 * every fifth an RGB PNG, so several decoder paths are used.
 */
public final class SyntheticImages {
  public static final String[] HEADER = {"file", "label", "patient_id", "view", "license", "source_repo",
      "source_commit", "source_path", "width", "height", "bytes", "sha256"};

  private SyntheticImages() {}

  /** Writes {@code perClass} images of each of {@link Dataset#CLASSES} into {@code dir}; returns dir. */
  public static Path writeImageFolder(Path dir, int perClass, int size, long seed) throws IOException {
    if (perClass < 1 || size < ImageDecoder.MIN_SIDE) {
      throw new IllegalArgumentException("need perClass >= 1 and size >= " + ImageDecoder.MIN_SIDE
          + ", got " + perClass + ", " + size);
    }
    Random random = new Random(seed);
    Csv.writeRows(dir.resolve(createDirs(dir)), List.of(HEADER), csv -> {
      for (int label = 0; label < Dataset.CLASSES.size(); label++) {
        String name = Dataset.CLASSES.get(label);
        Files.createDirectories(dir.resolve(name));
        for (int i = 0; i < perClass; i++) {
          boolean jpeg = i % 4 == 3;
          boolean rgb = !jpeg && i % 5 == 4;
          String file = name + "/" + String.format("%s-%03d.%s", name, i, jpeg ? "jpg" : "png");
          BufferedImage image = render(label, size, random, rgb);
          Path path = dir.resolve(file);
          if (!ImageIO.write(image, jpeg ? "jpeg" : "png", path.toFile())) {
            throw new IOException("no ImageIO writer for " + path);
          }
          csv.row(file, name, "syn-" + name + "-" + (i / 2), "PA", "generated", "", "", "",
              size, size, Files.size(path), Sha256.of(path));
        }
      }
    });
    return dir;
  }

  private static String createDirs(Path dir) throws IOException {
    Files.createDirectories(dir);
    return "manifest.csv";
  }

  private static BufferedImage render(int label, int size, Random random, boolean rgb) {
    float[] v = new float[size * size];
    double lungW = size * 0.17;
    double lungH = size * 0.32;
    double[] lungX = {size * 0.3, size * 0.7};
    double lungY = size * 0.5;
    double phase = random.nextDouble() * Math.PI * 2;
    double[][] blobs = new double[3][];
    for (int b = 0; b < blobs.length; b++) {
      int side = random.nextInt(2);
      blobs[b] = new double[] {lungX[side] + (random.nextDouble() - 0.5) * lungW,
          lungY + (random.nextDouble() - 0.5) * lungH, size * (0.05 + 0.03 * random.nextDouble())};
    }
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        double value = 170;
        for (double lx : lungX) {
          double e = sq((x - lx) / lungW) + sq((y - lungY) / lungH);
          if (e < 1) {
            value = 60 + 40 * e;
            value += pattern(label, x, y, size, phase, blobs);
          }
        }
        v[y * size + x] = (float) (value + random.nextGaussian() * 12);
      }
    }
    BufferedImage image = new BufferedImage(size, size, rgb ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        int g = Math.max(0, Math.min(255, Math.round(v[y * size + x])));
        if (rgb) {
          image.setRGB(x, y, (g << 16) | (g << 8) | g);
        } else {
          image.getRaster().setSample(x, y, 0, g);
        }
      }
    }
    return image;
  }

  /** The class cue inside the lung fields. */
  private static double pattern(int label, int x, int y, int size, double phase, double[][] blobs) {
    if (label == 0) {
      double add = 0;
      for (double[] b : blobs) {
        add += 110 * Math.exp(-(sq(x - b[0]) + sq(y - b[1])) / (2 * sq(b[2])));
      }
      return add;
    }
    if (label == 1) {
      return Math.sin(y * 2 * Math.PI / (size / 8.0) + phase) > 0 ? 70 : 0;
    }
    return 0;
  }

  private static double sq(double v) {
    return v * v;
  }
}
