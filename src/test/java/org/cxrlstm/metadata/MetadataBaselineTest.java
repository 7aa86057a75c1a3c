package org.cxrlstm.metadata;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.cxrlstm.data.Dataset;
import org.cxrlstm.data.ImageEntry;
import org.cxrlstm.data.Manifest;
import org.cxrlstm.split.Split;
import org.cxrlstm.split.Splitter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetadataBaselineTest {
  @TempDir
  Path dir;

  private static Dataset dataset(int perClass) {
    List<ImageEntry> entries = new ArrayList<>();
    for (int c = 0; c < 3; c++) {
      for (int k = 0; k < perClass; k++) {
        entries.add(new ImageEntry(Dataset.CLASSES.get(c) + "/" + k + ".png", c, c + "-" + k,
            String.format("%064x", c * 1000L + k)));
      }
    }
    return Dataset.of(Path.of("mem"), Dataset.CLASSES, entries);
  }

  @Test
  void attributesThatSeparateTheClassesGiveAccuracyOneOnTestAndValidation() throws Exception {
    Dataset d = dataset(20);
    Split split = Splitter.split(d, 0.15, 5, 3);
    // width separates the classes (1000, 2000, 3000 px, a little spread); the rest is shared noise
    List<FileAttributes> files = new ArrayList<>();
    int[] labels = new int[d.size()];
    for (int i = 0; i < d.size(); i++) {
      labels[i] = d.entry(i).label();
      files.add(new FileAttributes(1000 * (labels[i] + 1) + i % 7, 1500 + i % 3 * 100, 200_000 + i % 5 * 1000,
          i % 2 == 0 ? "png" : "jpg"));
    }
    MetadataFeatures features = MetadataFeatures.of(files);
    assertEquals(List.of("width", "height", "aspect", "bytes", "bytes_per_pixel", "format_jpg", "format_png"),
        features.names());
    MetadataBaseline b = MetadataBaseline.run(features.rows(), labels, 3, split);
    assertEquals(1.0, b.testAccuracy().value(), 1e-12);
    assertEquals(split.test().length, b.rows().stream().filter(r -> r.model().equals("ensemble")).count());
    assertEquals(1.0, b.crossValidatedAccuracy().value(), 1e-12);
    assertEquals(split.training().length, b.rows().stream().filter(r -> r.partition().equals("validation")).count());

    Path csv = dir.resolve("metadata_baseline.csv");
    b.write(csv, d);
    List<String> lines = Files.readAllLines(csv);
    assertEquals("model,partition,index,file,patient_id,label,predicted,p_covid,p_pneumonia,p_normal", lines.get(0));
    assertEquals(1 + split.training().length + 6 * split.test().length, lines.size());
    assertTrue(lines.get(lines.size() - 1).startsWith("ensemble,test,"), lines.get(lines.size() - 1));
  }

  @Test
  void featuresThatCarryNothingGiveTheMajorityClassAndATwoClassQuestionLeavesTheThirdOut() {
    Dataset d = dataset(20);
    Split split = Splitter.split(d, 0.15, 5, 3);
    double[][] x = new double[d.size()][];
    int[] labels = new int[d.size()];
    for (int i = 0; i < d.size(); i++) {
      x[i] = new double[] {1, 2};
      // pneumonia vs normal only: covid images are left out (label -1)
      labels[i] = d.entry(i).label() - 1;
    }
    MetadataBaseline b = MetadataBaseline.run(x, labels, 2, split);
    assertTrue(b.rows().stream().allMatch(r -> d.entry(r.index()).label() > 0), "no covid image is scored");
    // constant features: each fold model predicts the class shares of its training images
    b.rows().stream().filter(r -> r.partition().equals("validation")).forEach(r -> {
      int[] train = java.util.Arrays.stream(split.fold(Integer.parseInt(r.model().substring(4))).train())
          .filter(i -> labels[i] >= 0).toArray();
      double pneumonia = java.util.Arrays.stream(train).filter(i -> labels[i] == 0).count() / (double) train.length;
      assertArrayEquals(new double[] {pneumonia, 1 - pneumonia}, r.probabilities(), 1e-9);
    });
  }

  @Test
  void attributesComeFromTheManifestOrElseFromTheFile() throws Exception {
    Path root = dir.resolve("images");
    Files.createDirectories(root.resolve("covid"));
    ImageIO.write(new BufferedImage(30, 20, BufferedImage.TYPE_BYTE_GRAY), "png", root.resolve("covid/a.png").toFile());
    ImageIO.write(new BufferedImage(12, 40, BufferedImage.TYPE_BYTE_GRAY), "png", root.resolve("covid/b.PNG").toFile());
    long bytesA = Files.size(root.resolve("covid/a.png"));
    long bytesB = Files.size(root.resolve("covid/b.PNG"));
    String sha = "0".repeat(63);
    Dataset d = Dataset.of(root, Dataset.CLASSES, List.of(new ImageEntry("covid/a.png", 0, "1", sha + "1"),
        new ImageEntry("covid/b.PNG", 0, "2", sha + "2")));
    // a manifest with width and height: its values are taken (deliberately not the files')
    Path withSizes = dir.resolve("with-sizes.csv");
    Files.writeString(withSizes, "file,label,patient_id,width,height,bytes,sha256\n"
        + "covid/a.png,covid,1,2000,1000," + bytesA + "," + sha + "1\n"
        + "covid/b.PNG,covid,2,500,600," + bytesB + "," + sha + "2\n");
    assertEquals(List.of(new FileAttributes(2000, 1000, bytesA, "png"), new FileAttributes(500, 600, bytesB, "png")),
        FileAttributes.of(d, Manifest.read(withSizes)));
    // a manifest without them, or none: read from the files' headers and sizes
    Path without = dir.resolve("without.csv");
    Files.writeString(without, "file,label,patient_id,sha256\ncovid/a.png,covid,1," + sha + "1\n"
        + "covid/b.PNG,covid,2," + sha + "2\n");
    List<FileAttributes> fromFiles = List.of(new FileAttributes(30, 20, bytesA, "png"),
        new FileAttributes(12, 40, bytesB, "png"));
    assertEquals(fromFiles, FileAttributes.of(d, Manifest.read(without)));
    assertEquals(fromFiles, FileAttributes.of(d, null));
    assertEquals("jpg", FileAttributes.format("normal/x.JPEG"));
  }
}
