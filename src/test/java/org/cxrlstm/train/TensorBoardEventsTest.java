package org.cxrlstm.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.proto.Event;
import org.tensorflow.proto.Summary;

class TensorBoardEventsTest {
  @Test
  void writesOneScalarPerTagAndEpochIntoAnEventFile(@TempDir Path dir) throws Exception {
    Path logs = dir.resolve("tensorboard").resolve("cnn-f0-12345678");
    try (TensorBoardEvents events = TensorBoardEvents.open(logs)) {
      events.onEpochEnd(new EpochRecord(1, 1.25, 0.5, 1.5, 0.25, 3e-4, 0.1));
      events.onEpochEnd(new EpochRecord(2, 0.75, 0.75, Double.NaN, Double.NaN, 1.5e-4, 0.1));
    }
    List<Path> files = EventFiles.in(logs);
    assertEquals(1, files.size(), files.toString());
    assertTrue(Files.size(files.get(0)) > 0);
    // tag -> "step:value" in order
    Map<String, List<String>> scalars = new TreeMap<>();
    List<Event> read = EventFiles.read(files.get(0));
    assertTrue(read.get(0).getFileVersion().startsWith("brain.Event"), read.get(0).toString());
    for (Event e : read) {
      for (Summary.Value v : e.getSummary().getValueList()) {
        scalars.computeIfAbsent(v.getTag(), t -> new ArrayList<>()).add(e.getStep() + ":" + v.getSimpleValue());
      }
    }
    assertEquals(List.of("1:1.25", "2:0.75"), scalars.get("loss/train"));
    assertEquals(List.of("1:0.5", "2:0.75"), scalars.get("accuracy/train"));
    // the NaN validation values of epoch 2 are left out
    assertEquals(List.of("1:1.5"), scalars.get("loss/validation"));
    assertEquals(List.of("1:0.25"), scalars.get("accuracy/validation"));
    assertEquals(List.of("1:" + 3e-4f, "2:" + 1.5e-4f), scalars.get("learning_rate"));
    assertEquals(TensorBoardEvents.TAGS.stream().sorted().toList(), List.copyOf(scalars.keySet()));
  }

  @Test
  void closingTwiceIsHarmless(@TempDir Path dir) {
    TensorBoardEvents events = TensorBoardEvents.open(dir.resolve("x"));
    events.close();
    events.close();
  }
}
