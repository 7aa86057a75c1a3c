package org.cxrlstm.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.cxrlstm.Main;
import org.cxrlstm.config.ExperimentFile;
import org.cxrlstm.config.Keys;
import org.cxrlstm.config.Settings;
import org.cxrlstm.config.Trial;
import org.cxrlstm.protocol.Plan;
import org.cxrlstm.results.Merge;
import org.cxrlstm.results.io.Csv;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Masks and Grad-CAM through the real trial runner, then evaluate on the saved models. */
@Tag("tensorflow")
class ShortcutRunTest {
  @Test
  void theShortcutExperimentPlansEveryMaskForBothArchitectures() throws Exception {
    Map<String, String> file = ExperimentFile.read(Path.of("experiments/shortcut.properties"));
    Plan plan = Plan.of(Keys.resolve(Settings.of(file)));
    assertEquals(3 * 2 * 5, plan.size());
    assertEquals(Set.of("none", "lungs-out", "lungs-only"),
        plan.trials().stream().map(Trial::mask).collect(Collectors.toSet()));
  }

  @Test
  void maskedTrialsWriteGradCamAndTheirModelsEvaluateExternally(@TempDir Path dir) throws Exception {
    Map<String, String> overrides = new HashMap<>(SmokeRun.overrides(dir));
    overrides.put("architectures", "cnn");
    overrides.put("mask", "none,lungs-out");
    overrides.put("epochs", "2");
    overrides.put("gradcam.samples", "3");
    overrides.put("tensorboard", "false");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    int code = Main.run("smoke", overrides, quiet, new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(0, code, err.toString(StandardCharsets.UTF_8));

    Path root = dir.resolve("results/smoke");
    Csv.Table trials = Csv.read(root.resolve("trials.csv"));
    assertEquals(6, trials.rows().size());
    assertTrue(!Files.exists(root.resolve("tensorboard")), "-Dtensorboard=false writes no event files");
    Csv.Table cam = Csv.read(root.resolve("gradcam.csv"));
    List<String> header = new java.util.ArrayList<>(List.of(Merge.EXPERIMENT, "trial_id"));
    header.addAll(Trial.ARM_COLUMNS);
    header.addAll(List.of("index", "file", "label", "predicted", "inner_mass", "border_mass"));
    assertEquals(header, cam.header());
    int testN = Integer.parseInt(trials.rows().get(0).toMap().get("test_n"));
    assertEquals(6 * testN, cam.rows().size());
    for (int i = 0; i < cam.rows().size(); i++) {
      Map<String, String> row = cam.rows().get(i).toMap();
      if (!row.get("inner_mass").isEmpty()) {
        double inner = Double.parseDouble(row.get("inner_mass"));
        assertTrue(inner >= 0 && inner <= 1, row.toString());
        assertEquals(1.0, inner + Double.parseDouble(row.get("border_mass")), 1e-9);
      }
    }
    Set<String> masks = Stream.iterate(0, i -> i + 1).limit(cam.rows().size()).map(i -> cam.rows().get(i).toMap().get("mask"))
        .collect(Collectors.toSet());
    assertEquals(Set.of("none", "lungs-out"), masks);
    String id = trials.rows().get(0).toMap().get("trial_id");
    try (Stream<Path> pngs = Files.list(root.resolve("trials").resolve(id).resolve("gradcam"))) {
      assertEquals(3, pngs.filter(p -> p.toString().endsWith(".png")).count());
    }

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new EvaluateExperiment(new PrintStream(out, true, StandardCharsets.UTF_8)).run(Settings.of(Map.of(
        "models", root.resolve("models").toString(), "data", dir.resolve("data").toString(),
        "cache.dir", dir.resolve("cache").toString())));
    Path external = root.resolve("external-data");
    Csv.Table ensemble = Csv.read(external.resolve("ensemble_predictions.csv"));
    int images = Csv.read(external.resolve("predictions.csv")).rows().size() / 6;
    assertEquals(2 * images, ensemble.rows().size()); // one ensemble per mask arm
    assertEquals("3", ensemble.rows().get(0).toMap().get("models"));
  }
}
