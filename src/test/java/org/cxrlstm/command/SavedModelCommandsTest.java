package org.cxrlstm.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.cxrlstm.config.Settings;
import org.cxrlstm.data.DataException;
import org.cxrlstm.data.Dataset;
import org.cxrlstm.data.image.Batch;
import org.cxrlstm.data.image.SyntheticImages;
import org.cxrlstm.model.Architecture;
import org.cxrlstm.model.Initializer;
import org.cxrlstm.model.ModelSpec;
import org.cxrlstm.results.TrialMetrics;
import org.cxrlstm.results.io.Csv;
import org.cxrlstm.train.Compute;
import org.cxrlstm.train.ModelCard;
import org.cxrlstm.train.ModelStore;
import org.cxrlstm.train.TrainingSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** evaluate and predict on tiny models trained for a few steps and a generated image folder. */
@Tag("tensorflow")
class SavedModelCommandsTest {
  static final ModelSpec TINY = new ModelSpec(32, 0.125, ModelSpec.PAPER_BLOCKS, 8, 0.0, 3, Initializer.HE);

  @TempDir
  Path tmp;
  Path models;
  Path external;
  final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
  final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
  final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
  final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

  @BeforeEach
  void twoFoldModelsAndAnExternalFolder() throws IOException {
    models = tmp.resolve("results/demo/models");
    save(Architecture.CNN, 1, "none", Dataset.CLASSES, "cnn-f1-aaaaaaaa");
    save(Architecture.CNN, 2, "lungs-out", Dataset.CLASSES, "cnn-f2-bbbbbbbb");
    external = SyntheticImages.writeImageFolder(Files.createDirectories(tmp.resolve("hospital-b")), 2, 40, 9);
  }

  private void save(Architecture arch, int fold, String mask, List<String> classes, String id) throws IOException {
    Batch batch = new Batch(new float[3 * 32 * 32], new int[] {0, 1, 2}, new int[] {0, 1, 2}, 3);
    java.util.Random random = new java.util.Random(fold);
    for (int i = 0; i < batch.images().length; i++) {
      batch.images()[i] = (float) random.nextGaussian();
    }
    Map<String, String> provenance = Map.of("trial_id", id, "fold", String.valueOf(fold), "seed", "1",
        "mask", mask, "input_size", "32", "width", "0.125", "learning_rate", "0.001");
    try (TrainingSession s = TrainingSession.forTraining(arch, TINY, 1e-3, fold, Compute.defaults().withThreads(1))) {
      for (int step = 0; step < 3; step++) {
        s.step(batch, 0.0);
      }
      ModelStore.save(s, new ModelCard(arch, TINY, classes, "standardize", provenance), models.resolve(id));
    }
  }

  @Test
  void evaluateWritesModelAndEnsemblePredictionsBesideTheModels() throws Exception {
    new EvaluateExperiment(out).run(Settings.of(Map.of("models", models.toString(), "data", external.toString())));
    Path target = tmp.resolve("results/demo/external-hospital-b");
    List<String> predictions = Files.readAllLines(target.resolve("predictions.csv"));
    assertEquals("trial_id,arch,fold,seed,learning_rate,epochs,lstm_units,augment,mask,precision,input_size,width,"
        + "batch_size,dropout,partition,index,file,patient_id,label,predicted,p_covid,p_pneumonia,p_normal", predictions.get(0));
    assertEquals(1 + 2 * 6, predictions.size());
    assertTrue(predictions.get(1).startsWith("cnn-f1-aaaaaaaa,cnn,1,1,0.001,,,,none,,32,0.125,"), predictions.get(1));
    List<String> ensemble = Files.readAllLines(target.resolve("ensemble_predictions.csv"));
    assertTrue(ensemble.get(0).startsWith("arch,learning_rate,epochs,lstm_units,augment,mask,precision,input_size,"
        + "width,batch_size,dropout,models,index,file,patient_id,label,predicted,p_covid"), ensemble.get(0));
    // the two models differ in mask, so they are two arms of one model each
    assertEquals(1 + 2 * 6, ensemble.size());
    assertEquals(3, Files.readAllLines(target.resolve("trials.csv")).size());
    Csv.Table trials = Csv.read(target.resolve("trials.csv"));
    assertTrue(trials.header().containsAll(TrialMetrics.COLUMNS), trials.header().toString());
    double f1 = Double.parseDouble(trials.rows().get(0).toMap().get("test_macro_f1"));
    assertTrue(f1 >= 0 && f1 <= 1, trials.rows().get(0).toMap().toString());
    for (String row : predictions.subList(1, predictions.size())) {
      String[] cells = row.split(",");
      assertEquals("test", cells[14], row);
      double sum = Double.parseDouble(cells[20]) + Double.parseDouble(cells[21]) + Double.parseDouble(cells[22]);
      assertEquals(1.0, sum, 1e-5, row);
    }
  }

  @Test
  void anAbsentClassIsAllowedAndAnUnknownFolderIsRefusedByName() throws Exception {
    deleteTree(external.resolve("normal"));
    Files.delete(external.resolve("manifest.csv"));
    Path target = tmp.resolve("ext-out");
    new EvaluateExperiment(out).run(Settings.of(Map.of("models", models.toString(), "data", external.toString(),
        "out", target.toString())));
    assertEquals(1 + 2 * 4, Files.readAllLines(target.resolve("predictions.csv")).size());
    Files.createDirectories(external.resolve("tuberculosis"));
    Exception e = assertThrows(Exception.class, () -> new EvaluateExperiment(out).run(Settings.of(Map.of(
        "models", models.toString(), "data", external.toString(), "out", target.toString()))));
    assertTrue(e.getMessage().contains("tuberculosis"), e.getMessage());
  }

  @Test
  void aModelWithAnotherClassListIsRefusedNamingItsCard() throws Exception {
    save(Architecture.CNN, 3, "none", List.of("covid", "normal", "other"), "cnn-f3-cccccccc");
    DataException e = assertThrows(DataException.class, () -> new EvaluateExperiment(out).run(Settings.of(Map.of(
        "models", models.toString(), "data", external.toString()))));
    assertTrue(e.getMessage().contains("cnn-f3-cccccccc") && e.getMessage().contains("model.properties"), e.getMessage());
  }

  @Test
  void predictPrintsProbabilitiesWritesOverlaysAndCarriesOnPastABadFile() throws Exception {
    Path images = Files.createDirectories(tmp.resolve("incoming"));
    Files.copy(external.resolve("covid/covid-000.png"), images.resolve("a.png"));
    Files.copy(external.resolve("normal/normal-001.png"), images.resolve("b.png"));
    Files.writeString(images.resolve("broken.png"), "not an image");
    Path csv = tmp.resolve("pred/out.csv");
    new PredictExperiment(out, err).run(Settings.of(Map.of("models", models.toString(), "image", images.toString(),
        "out", csv.toString())));
    List<String> rows = Files.readAllLines(csv);
    assertEquals("image,model,predicted,p_covid,p_pneumonia,p_normal", rows.get(0));
    assertEquals(1 + 2 * 2 + 2, rows.size()); // 2 readable images x (2 models + ensemble)
    assertTrue(rows.stream().anyMatch(r -> r.contains("a.png,ensemble,")), rows.toString());
    assertTrue(outBytes.toString(StandardCharsets.UTF_8).contains("b.png,cnn-f2-bbbbbbbb,"));
    assertTrue(errBytes.toString(StandardCharsets.UTF_8).contains("broken.png"), errBytes.toString(StandardCharsets.UTF_8));
    assertTrue(Files.exists(csv.resolveSibling("a-cnn-f1-aaaaaaaa-gradcam.png")));
    assertTrue(Files.exists(csv.resolveSibling("b-cnn-f2-bbbbbbbb-gradcam.png")));
    Path nothing = tmp.resolve("pred-none/out.csv");
    errBytes.reset();
    DataException none = assertThrows(DataException.class, () -> new PredictExperiment(out, err).run(Settings.of(Map.of(
        "models", models.resolve("cnn-f1-aaaaaaaa").toString(), "image", images.resolve("broken.png").toString(),
        "out", nothing.toString()))));
    assertTrue(none.getMessage().contains("none of the 1 image"), none.getMessage());
    assertEquals(List.of(images.resolve("broken.png") + ": not a decodable image (no JPEG/PNG signature)"), none.problems());
    assertFalse(Files.exists(nothing), "no empty predictions.csv");
    assertFalse(errBytes.toString(StandardCharsets.UTF_8).contains("overlays"), errBytes.toString(StandardCharsets.UTF_8));
  }

  @Test
  void predictNamesEveryFileOfAFolderItSkips() throws Exception {
    Path images = Files.createDirectories(tmp.resolve("mixed"));
    Files.copy(external.resolve("covid/covid-000.png"), images.resolve("a.png"));
    Files.copy(external.resolve("covid/covid-000.png"), images.resolve("._a.png"));
    Files.writeString(images.resolve("readme.txt"), "notes");
    Files.write(images.resolve("zero.jpg"), new byte[0]);
    new PredictExperiment(out, err).run(Settings.of(Map.of("models", models.resolve("cnn-f1-aaaaaaaa").toString(),
        "image", images.toString(), "out", tmp.resolve("p/out.csv").toString())));
    String log = errBytes.toString(StandardCharsets.UTF_8);
    assertTrue(log.contains("skipped " + images.resolve("._a.png") + ": hidden file"), log);
    assertTrue(log.contains("skipped " + images.resolve("readme.txt") + ": not a .png, .jpg or .jpeg file"), log);
    assertTrue(log.contains("skipped " + images.resolve("zero.jpg") + ": is empty (0 bytes)"), log);
    assertTrue(log.contains("1 of 2 image(s) skipped"), log);
    assertEquals(1 + 2, Files.readAllLines(tmp.resolve("p/out.csv")).size()); // a.png: the model and the ensemble
  }

  @Test
  void evaluateNamesEveryBadFileOfTheFolderInOnePass() throws Exception {
    Files.delete(external.resolve("manifest.csv"));
    Files.write(external.resolve("covid/empty.png"), new byte[0]);
    Files.writeString(external.resolve("pneumonia/notes.txt"), "notes");
    byte[] png = Files.readAllBytes(external.resolve("normal/normal-000.png"));
    Files.write(external.resolve("normal/normal-000.png"), java.util.Arrays.copyOf(png, png.length / 2));
    Files.writeString(external.resolve("normal/fake.png"), "not an image");
    Path target = tmp.resolve("never");
    DataException e = assertThrows(DataException.class, () -> new EvaluateExperiment(out).run(Settings.of(Map.of(
        "models", models.toString(), "data", external.toString(), "out", target.toString()))));
    List<String> problems = e.problems();
    assertEquals(4, problems.size(), e.getMessage());
    for (String file : List.of("covid/empty.png", "pneumonia/notes.txt", "normal/normal-000.png", "normal/fake.png")) {
      assertTrue(problems.stream().anyMatch(p -> p.contains(external.resolve(file).toString())), file + " in " + problems);
    }
    assertFalse(Files.exists(target), "nothing written");
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
