package org.cxrlstm.split;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.cxrlstm.data.Dataset;
import org.cxrlstm.data.ImageEntry;
import org.cxrlstm.data.Sha256;
import org.cxrlstm.data.image.ImageStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Copies of one generated film (re-encoded, rescaled) are found and kept together; other films are not. */
class NearDuplicatesTest {
  @TempDir
  Path dir;

  /** A grey "film": a bright body, two dark lung fields and random blobs, all placed by the seed. */
  static BufferedImage film(long seed, int side) {
    Random r = new Random(seed);
    BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(new Color(40, 40, 40));
    g.fillRect(0, 0, side, side);
    g.setColor(new Color(200, 200, 200));
    g.fillOval((int) (side * (0.05 + 0.1 * r.nextDouble())), 0, (int) (side * 0.8), side);
    for (int k = 0; k < 12; k++) {
      int v = 30 + r.nextInt(200);
      g.setColor(new Color(v, v, v));
      int w = (int) (side * (0.1 + 0.3 * r.nextDouble()));
      g.fillOval(r.nextInt(side - w), r.nextInt(side - w), w, (int) (w * (0.5 + r.nextDouble())));
    }
    g.dispose();
    return image;
  }

  static BufferedImage half(BufferedImage image) {
    BufferedImage out = new BufferedImage(image.getWidth() / 2, image.getHeight() / 2, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = out.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.drawImage(image, 0, 0, out.getWidth(), out.getHeight(), null);
    g.dispose();
    return out;
  }

  static void jpeg(BufferedImage image, Path file, float quality) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ImageWriteParam param = writer.getDefaultWriteParam();
    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
    param.setCompressionQuality(quality);
    try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
      writer.setOutput(out);
      writer.write(null, new IIOImage(image, null, null), param);
    } finally {
      writer.dispose();
    }
  }

  /** Images 0-2: one film as PNG, as JPEG at quality 0.6, halved; 3-4: two other films; each its own patient. */
  private Dataset filmsOfFivePatients() throws IOException {
    Files.createDirectories(dir.resolve("covid"));
    BufferedImage a = film(1, 256);
    ImageIO.write(a, "png", dir.resolve("covid/a.png").toFile());
    jpeg(a, dir.resolve("covid/a-copy.jpg"), 0.6f);
    ImageIO.write(half(a), "png", dir.resolve("covid/a-half.png").toFile());
    ImageIO.write(film(2, 256), "png", dir.resolve("covid/b.png").toFile());
    ImageIO.write(film(3, 256), "png", dir.resolve("covid/c.png").toFile());
    List<ImageEntry> entries = new ArrayList<>();
    int p = 0;
    for (String f : List.of("a.png", "a-copy.jpg", "a-half.png", "b.png", "c.png")) {
      entries.add(new ImageEntry("covid/" + f, 0, "patient-" + p++, Sha256.of(dir.resolve("covid/" + f))));
    }
    return Dataset.of(dir, List.of("covid"), entries);
  }

  @Test
  void reEncodedAndRescaledCopiesArePairsOtherFilmsAreNot() throws IOException {
    Dataset d = filmsOfFivePatients();
    ImageStore small = ImageStore.load(d, 32, dir.resolve("cache"));
    List<NearDuplicates.Pair> pairs = NearDuplicates.acrossPatients(d, small, NearDuplicates.BITS_DEFAULT);
    assertEquals(List.of("0-1", "0-2", "1-2"), pairs.stream().map(q -> q.first() + "-" + q.second()).toList());
    for (NearDuplicates.Pair q : pairs) {
      assertTrue(q.rms() < 0.1, "a copy differs only by coding noise: " + q);
    }
    long[] h = NearDuplicates.hashes(small);
    List<NearDuplicates.Pair> all = NearDuplicates.candidates(small, h, 64);
    for (NearDuplicates.Pair q : all) {
      if (q.second() >= 3) {
        assertTrue(!q.confirmed(), "another film is not a duplicate: " + q);
      }
    }
  }

  @Test
  void thePairsOfOneFilmLandOnOneSideOfTheSplit() throws IOException {
    Dataset films = filmsOfFivePatients();
    List<int[]> links = NearDuplicates.links(NearDuplicates.acrossPatients(films,
        ImageStore.load(films, 32, dir.resolve("cache")), NearDuplicates.BITS_DEFAULT));
    // the five films among 40 other single-image patients of the same class
    List<ImageEntry> entries = new ArrayList<>(films.entries());
    for (int k = 0; k < 40; k++) {
      entries.add(new ImageEntry("covid/x" + k + ".png", 0, "other-" + k, String.format("%064x", 1000 + k)));
    }
    Dataset d = Dataset.of(dir, List.of("covid"), entries);
    for (long seed = 0; seed < 20; seed++) {
      Split s = Splitter.split(d, 0.3, 3, seed, links);
      String side0 = side(s, 0);
      assertEquals(side0, side(s, 1), "seed " + seed);
      assertEquals(side0, side(s, 2), "seed " + seed);
    }
  }

  private static String side(Split s, int image) {
    if (java.util.Arrays.stream(s.test()).anyMatch(i -> i == image)) {
      return "test";
    }
    for (Fold f : s.folds()) {
      if (java.util.Arrays.stream(f.validation()).anyMatch(i -> i == image)) {
        return "fold" + f.index();
      }
    }
    throw new AssertionError("image " + image + " is in no partition");
  }
}
