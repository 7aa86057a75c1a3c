package org.cxrlstm.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cxrlstm.model.Architecture;
import org.cxrlstm.model.ModelSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelCardTest {

  @Test
  void roundTripsTheSpecIncludingTheForgetBias(@TempDir Path dir) throws IOException {
    ModelCard card = new ModelCard(Architecture.CNN_LSTM, ModelSpec.cpuBaseline().withForgetBias(0.25),
        List.of("covid", "pneumonia", "normal"), "per-image standardisation", Map.of("seed", "7"));
    card.write(dir);
    assertEquals(card, ModelCard.read(dir));
  }

  @Test
  void aCardWithoutForgetBiasReadsAsTheOldFixedBiasOfOne(@TempDir Path dir) throws IOException {
    new ModelCard(Architecture.CNN_LSTM, ModelSpec.cpuBaseline().withForgetBias(3.0),
        List.of("covid", "pneumonia", "normal"), "z", Map.of()).write(dir);
    Path file = dir.resolve(ModelCard.FILE);
    List<String> lines = Files.readAllLines(file).stream().filter(l -> !l.startsWith("spec.forgetBias")).toList();
    Files.write(file, lines);
    assertEquals(1.0, ModelCard.read(dir).spec().forgetBias());
  }
}
