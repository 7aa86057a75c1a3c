package org.cxrlstm.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.cxrlstm.Main;
import org.cxrlstm.data.Dataset;
import org.cxrlstm.data.Sha256;
import org.cxrlstm.data.TestImages;
import org.cxrlstm.data.image.Batch;
import org.cxrlstm.data.image.ImageDecoder;
import org.cxrlstm.data.image.SyntheticImages;
import org.cxrlstm.model.Architecture;
import org.cxrlstm.train.Compute;
import org.cxrlstm.train.ModelCard;
import org.cxrlstm.train.ModelStore;
import org.cxrlstm.train.TrainingSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each kind of bad input, given to the real entry point ({@code evaluate} on an image folder, as a
 * user would): the exit code, the file named in the message and that nothing computed before changed
 * (an earlier evaluation's files keep their bytes; a refused run writes no output folder). Formats
 * that are valid but unusual are accepted. docs/results-format.md lists them under "What bad input gets".
 */
@Tag("tensorflow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultSuiteTest {
  private Path dir;
  private Path models;
  private Path good;
  private Map<Path, String> computed;

  @BeforeAll
  void oneModelAGoodFolderAndItsEvaluation(@TempDir Path tmp) throws Exception {
    dir = tmp;
    models = dir.resolve("results/demo/models");
    Batch batch = new Batch(new float[3 * 32 * 32], new int[] {0, 1, 2}, new int[] {0, 1, 2}, 3);
    try (TrainingSession s = TrainingSession.forTraining(Architecture.CNN, SavedModelCommandsTest.TINY, 1e-3, 1,
        Compute.defaults().withThreads(1))) {
      s.step(batch, 0.0);
      ModelStore.save(s, new ModelCard(Architecture.CNN, SavedModelCommandsTest.TINY, Dataset.CLASSES, "standardize",
          Map.of("trial_id", "cnn-f0-aaaaaaaa", "fold", "0", "input_size", "32")), models.resolve("cnn-f0-aaaaaaaa"));
    }
    good = SyntheticImages.writeImageFolder(dir.resolve("good"), 4, 40, 9);
    assertEquals(0, evaluate(good, "before").code(), "the good folder must evaluate");
    computed = hashes(dir.resolve("before"));
  }

  private record Run(int code, String err, Path out) {}

  private Run evaluate(Path data, String out) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run("evaluate", Map.of("models", models.toString(), "data", data.toString(),
        "out", dir.resolve(out).toString()), new PrintStream(OutputStream.nullOutputStream()),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(code, err.toString(StandardCharsets.UTF_8), dir.resolve(out));
  }

  /** A copy of the good folder (without its manifest unless asked) with {@code name} holding {@code bytes}. */
  private Path folderWith(String caseName, String name, byte[] bytes, boolean manifest) throws IOException {
    Path folder = dir.resolve("case-" + caseName);
    try (Stream<Path> s = Files.walk(good)) {
      for (Path p : s.toList()) {
        Path to = folder.resolve(good.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else if (manifest || !p.getFileName().toString().equals("manifest.csv")) {
          Files.copy(p, to);
        }
      }
    }
    if (name != null) {
      Files.write(folder.resolve(name), bytes);
    }
    return folder;
  }

  private void assertRefused(Path folder, String caseName, String... named) throws IOException {
    Run r = evaluate(folder, "out-" + caseName);
    assertEquals(Main.BAD_INPUT, r.code(), r.err());
    assertTrue(r.err().startsWith("Bad input: "), r.err());
    for (String n : named) {
      assertTrue(r.err().contains(n), "'" + n + "' not in: " + r.err());
    }
    assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    assertFalse(Files.exists(r.out()), "a refused run wrote " + r.out());
    assertEquals(computed, hashes(dir.resolve("before")), "an earlier result changed");
  }

  private void assertAccepted(Path folder, String caseName, int images) throws IOException {
    Run r = evaluate(folder, "out-" + caseName);
    assertEquals(0, r.code(), r.err());
    assertEquals(1 + images, Files.readAllLines(r.out().resolve("predictions.csv")).size(), r.err());
  }

  private byte[] png(BufferedImage image) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertTrue(ImageIO.write(image, "png", out));
    return out.toByteArray();
  }

  private byte[] goodBytes(String file) throws IOException {
    return Files.readAllBytes(good.resolve(file));
  }

  @Test
  void bombPngIsRefusedFromItsHeader() throws IOException {
    assertRefused(folderWith("bomb-png", "covid/bomb.png", TestImages.pngHeaderOnly(100_000, 100_000), false), "bomb-png",
        "covid/bomb.png", "100000x100000 px", "exceeds the limit");
  }

  @Test
  void bombJpegIsRefusedFromItsHeader() throws IOException {
    byte[] jpeg = goodBytes("covid/covid-003.jpg");
    // the baseline frame header (SOF0, FF C0): length(2) precision(1) height(2) width(2)
    int sof = 0;
    while (!(jpeg[sof] == (byte) 0xFF && jpeg[sof + 1] == (byte) 0xC0)) {
      sof++;
    }
    jpeg[sof + 5] = (byte) 0xEA;
    jpeg[sof + 6] = (byte) 0x60; // 60000 rows
    jpeg[sof + 7] = (byte) 0xEA;
    jpeg[sof + 8] = (byte) 0x60; // 60000 columns
    assertRefused(folderWith("bomb-jpg", "normal/bomb.jpg", jpeg, false), "bomb-jpg",
        "normal/bomb.jpg", "60000x60000 px", "exceeds the limit");
  }

  @Test
  void sixteenBitPaletteAndGreyAlphaImagesAreAccepted() throws IOException {
    BufferedImage grey16 = new BufferedImage(40, 40, BufferedImage.TYPE_USHORT_GRAY);
    BufferedImage palette = new BufferedImage(40, 40, BufferedImage.TYPE_BYTE_INDEXED);
    ComponentColorModel rgb16Model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), false,
        false, Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
    BufferedImage rgb16 = new BufferedImage(rgb16Model, rgb16Model.createCompatibleWritableRaster(40, 40), false, null);
    ComponentColorModel greyAlphaModel = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_GRAY), true,
        false, Transparency.TRANSLUCENT, DataBuffer.TYPE_BYTE);
    WritableRaster ga = greyAlphaModel.createCompatibleWritableRaster(40, 40);
    BufferedImage greyAlpha = new BufferedImage(greyAlphaModel, ga, false, null);
    for (int y = 0; y < 40; y++) {
      for (int x = 0; x < 40; x++) {
        grey16.getRaster().setSample(x, y, 0, x * 1600);
        palette.setRGB(x, y, (x * 6) * 0x010101);
        for (int b = 0; b < 3; b++) {
          rgb16.getRaster().setSample(x, y, b, x * 1600);
        }
        ga.setSample(x, y, 0, x * 6);
        ga.setSample(x, y, 1, 255);
      }
    }
    Path folder = folderWith("formats", "covid/grey16.png", png(grey16), false);
    Files.write(folder.resolve("covid/rgb16.png"), png(rgb16));
    Files.write(folder.resolve("pneumonia/palette.png"), png(palette));
    Files.write(folder.resolve("normal/grey-alpha.png"), png(greyAlpha));
    // PNG content under a .jpg name: decoded by its content, not its suffix
    BufferedImage grey8 = new BufferedImage(40, 40, BufferedImage.TYPE_BYTE_GRAY);
    grey8.getRaster().setSample(3, 4, 0, 200);
    Files.write(folder.resolve("normal/really-a-png.jpg"), png(grey8));
    // hidden files (macOS resource forks, Finder data) are not images of the set and are ignored
    Files.write(folder.resolve("covid/._covid-000.png"), new byte[] {0, 5, 22, 7});
    Files.write(folder.resolve(".DS_Store"), new byte[] {0, 0, 0, 1});
    assertAccepted(folder, "formats", 12 + 5);
  }

  /**
   * A CMYK JPEG written the way Adobe applications write them (an APP14 "Adobe" segment, transform
   * 0, ink stored inverted): the left half carries no ink, the right half full black. Decoded as
   * CMYK it is white and black; read as if it were RGB or grey the two halves would not come out so.
   */
  @Test
  void cmykJpegDecodesToItsKnownBrightness() throws IOException {
    WritableRaster ink = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 64, 64, 4, null);
    for (int y = 0; y < 64; y++) {
      for (int x = 0; x < 64; x++) {
        for (int b = 0; b < 3; b++) {
          ink.setSample(x, y, b, 255); // no cyan, magenta or yellow (inverted)
        }
        ink.setSample(x, y, 3, x < 32 ? 255 : 0); // black: none on the left, full on the right (inverted)
      }
    }
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    try (ImageOutputStream out = ImageIO.createImageOutputStream(raw)) {
      writer.setOutput(out);
      writer.write(null, new IIOImage(ink, null, null), null);
    } finally {
      writer.dispose();
    }
    byte[] plain = raw.toByteArray();
    byte[] adobe = {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 0};
    byte[] jpeg = new byte[plain.length + adobe.length];
    System.arraycopy(plain, 0, jpeg, 0, 2); // after SOI
    System.arraycopy(adobe, 0, jpeg, 2, adobe.length);
    System.arraycopy(plain, 2, jpeg, 2 + adobe.length, plain.length - 2);

    float[] luminance = new ImageDecoder().decode(jpeg, "cmyk.jpg").values();
    for (int y = 0; y < 64; y += 9) {
      assertTrue(luminance[y * 64 + 8] >= 250, "no ink must be white: " + luminance[y * 64 + 8]);
      assertTrue(luminance[y * 64 + 56] <= 5, "full black must be black: " + luminance[y * 64 + 56]);
    }
    assertAccepted(folderWith("cmyk", "normal/cmyk.jpg", jpeg, false), "cmyk", 12 + 1);
  }

  @Test
  void truncationsAtSeveralOffsetsAreEachNamed() throws IOException {
    byte[] png = goodBytes("covid/covid-000.png");
    byte[] jpeg = goodBytes("covid/covid-003.jpg");
    Path folder = folderWith("truncated", "covid/cut-png-10.png", Arrays.copyOf(png, png.length / 10), false);
    Files.write(folder.resolve("covid/cut-png-50.png"), Arrays.copyOf(png, png.length / 2));
    Files.write(folder.resolve("covid/cut-png-95.png"), Arrays.copyOf(png, png.length * 95 / 100));
    Files.write(folder.resolve("normal/cut-jpg-50.jpg"), Arrays.copyOf(jpeg, jpeg.length / 2));
    Files.write(folder.resolve("normal/cut-jpg-95.jpg"), Arrays.copyOf(jpeg, jpeg.length * 95 / 100));
    assertRefused(folder, "truncated", "covid/cut-png-10.png", "covid/cut-png-50.png", "covid/cut-png-95.png",
        "normal/cut-jpg-50.jpg", "normal/cut-jpg-95.jpg", "(5 problems)");
  }

  @Test
  void zeroBytesAndNonImagesAreNamed() throws IOException {
    Path folder = folderWith("non-image", "covid/zero.png", new byte[0], false);
    Files.writeString(folder.resolve("pneumonia/notes.png"), "not an image");
    Files.writeString(folder.resolve("normal/readme.txt"), "a note");
    assertRefused(folder, "non-image", "covid/zero.png: is empty (0 bytes)",
        "pneumonia/notes.png: not a decodable image", "normal/readme.txt: not an image file");
  }

  /** A manifest row pointing outside the folder, written three ways; each refused naming its line. */
  @Test
  void traversalThroughTheManifestIsRefused() throws IOException {
    List<String> lines = Files.readAllLines(good.resolve("manifest.csv"));
    String row = lines.get(1); // covid/covid-000.png,...
    Path outside = dir.resolve("outside.png");
    Files.copy(good.resolve("covid/covid-000.png"), outside, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    String[][] cases = {{"dotdot", "covid/../../outside.png"}, {"backslash", "covid\\..\\x.png"}};
    for (String[] c : cases) {
      Path folder = folderWith("traversal-" + c[0], null, null, true);
      Files.writeString(folder.resolve("manifest.csv"), String.join("\n", lines) + "\n"
          + row.replace("covid/covid-000.png", c[1]).replace("syn-covid-0", "syn-covid-x") + "\n");
      assertRefused(folder, "traversal-" + c[0], "manifest.csv: line " + (lines.size() + 1) + ": ", c[1]);
    }
    Path folder = folderWith("traversal-symlink", null, null, true);
    Files.createSymbolicLink(folder.resolve("covid/link.png"), outside);
    Files.writeString(folder.resolve("manifest.csv"), String.join("\n", lines) + "\n"
        + row.replace("covid/covid-000.png", "covid/link.png").replace("syn-covid-0", "syn-covid-x") + "\n");
    assertRefused(folder, "traversal-symlink", "covid/link.png is a symbolic link to " + outside.toRealPath());
    // the same link in a folder without a manifest
    Path plain = folderWith("symlink-plain", null, null, false);
    Files.createSymbolicLink(plain.resolve("normal/link.png"), outside);
    assertRefused(plain, "symlink-plain", "normal/link.png: is a symbolic link to " + outside.toRealPath());
  }

  private static Map<Path, String> hashes(Path root) throws IOException {
    Map<Path, String> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        out.put(root.relativize(p), Sha256.of(p));
      }
    }
    return out;
  }
}
