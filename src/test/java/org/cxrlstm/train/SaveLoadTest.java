package org.cxrlstm.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cxrlstm.model.Architecture;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@Tag("tensorflow")
class SaveLoadTest {
  @TempDir
  Path tmp;

  @ParameterizedTest
  @EnumSource(Architecture.class)
  void savedModelLoadsBackWithIdenticalPredictions(Architecture arch) throws IOException {
    TinyData data = TinyData.patterned(12, 32, 4, 3);
    ModelCard card = new ModelCard(arch, TrainerTest.TINY, List.of("covid", "pneumonia", "normal"),
        "standardize", Map.of("trial", "t1", "seed", "3"));
    Path dir = tmp.resolve("model-" + arch.id());
    Predictions before;
    try (TrainingSession s = TrainingSession.forTraining(arch, TrainerTest.TINY, 1e-3, 3, Compute.defaults())) {
      new Trainer(new TrainConfig(1e-3, 4, 2, 0, 3), 0.0, List.of()).fit(s, data);
      before = s.evaluate(data.iterate(TrainerTest.range(12)));
      ModelStore.save(s, card, dir);
    }
    assertTrue(Files.exists(dir.resolve("saved_model.pb")));
    assertEquals(card, ModelCard.read(dir));
    try (TrainingSession loaded = ModelStore.load(dir, Compute.defaults())) {
      Predictions after = loaded.evaluate(data.iterate(TrainerTest.range(12)));
      for (int i = 0; i < 12; i++) {
        assertArrayEquals(before.probabilities()[i], after.probabilities()[i], "image " + i);
      }
      assertEquals(before.loss(), after.loss());
    }
    IOException again = assertThrows(IOException.class, () -> {
      try (TrainingSession s = TrainingSession.forInference(arch, TrainerTest.TINY, Compute.defaults())) {
        ModelStore.save(s, card, dir);
      }
    });
    assertTrue(again.getMessage().contains("already exists"));
  }

  @Test
  void aDirectoryWithoutCardIsRefusedByName() throws IOException {
    Path empty = Files.createDirectories(tmp.resolve("not-a-model"));
    IOException e = assertThrows(IOException.class, () -> ModelStore.load(empty, Compute.defaults()));
    assertTrue(e.getMessage().contains("not-a-model") && e.getMessage().contains("model.properties"), e.getMessage());
  }

  @Test
  void aCardWithAWrongValueNamesTheFileAndKey() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("bad"));
    Files.writeString(dir.resolve(ModelCard.FILE), "architecture=cnn\nspec.inputSize=100\n");
    IOException e = assertThrows(IOException.class, () -> ModelCard.read(dir));
    assertTrue(e.getMessage().contains("model.properties"), e.getMessage());
  }
}
