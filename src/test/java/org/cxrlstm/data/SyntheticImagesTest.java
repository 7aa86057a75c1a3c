package org.cxrlstm.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cxrlstm.data.image.ImageStore;
import org.cxrlstm.data.image.SyntheticImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticImagesTest {
  @TempDir
  Path dir;

  @Test
  void sameSeedSameFilesAndManifestChecksOut() throws IOException {
    Path a = SyntheticImages.writeImageFolder(dir.resolve("a"), 6, 40, 5);
    Path b = SyntheticImages.writeImageFolder(dir.resolve("b"), 6, 40, 5);
    assertArrayEquals(Files.readAllBytes(a.resolve("manifest.csv")), Files.readAllBytes(b.resolve("manifest.csv")));
    Dataset d = Dataset.fromImageFolder(a, Dataset.CLASSES);
    assertEquals(18, d.size());
    assertEquals(9, d.patients().size());
    assertTrue(Files.exists(a.resolve("covid/covid-003.jpg")));
  }

  /** A nearest-class-mean classifier, fitted on one seed's images, must recognise another seed's. */
  @Test
  void classesAreLearnable() throws IOException {
    int size = 32;
    Dataset train = Dataset.fromImageFolder(SyntheticImages.writeImageFolder(dir.resolve("t"), 12, 64, 1), Dataset.CLASSES);
    Dataset test = Dataset.fromImageFolder(SyntheticImages.writeImageFolder(dir.resolve("v"), 12, 64, 2), Dataset.CLASSES);
    ImageStore trainImages = ImageStore.load(train, size, null);
    ImageStore testImages = ImageStore.load(test, size, null);
    double[][] means = new double[3][size * size];
    for (int i = 0; i < train.size(); i++) {
      byte[] px = trainImages.pixels(i);
      for (int p = 0; p < px.length; p++) {
        means[train.entry(i).label()][p] += (px[p] & 0xff) / 12.0;
      }
    }
    int correct = 0;
    for (int i = 0; i < test.size(); i++) {
      byte[] px = testImages.pixels(i);
      int best = -1;
      double bestDistance = Double.MAX_VALUE;
      for (int c = 0; c < 3; c++) {
        double distance = 0;
        for (int p = 0; p < px.length; p++) {
          distance += Math.pow((px[p] & 0xff) - means[c][p], 2);
        }
        if (distance < bestDistance) {
          bestDistance = distance;
          best = c;
        }
      }
      correct += best == test.entry(i).label() ? 1 : 0;
    }
    assertTrue(correct >= 30, correct + " of 36 right");
  }
}
