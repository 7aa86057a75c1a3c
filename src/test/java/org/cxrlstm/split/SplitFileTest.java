package org.cxrlstm.split;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cxrlstm.data.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SplitFileTest {
  @TempDir
  Path dir;

  @Test
  void writtenSplitReadsBackIdentically() throws IOException {
    Dataset d = SplitterTest.dataset(new int[] {20, 20, 20}, 2);
    Split s = Splitter.split(d, 0.15, 5, 4);
    Path file = dir.resolve("run/split.csv");
    SplitFile.write(file, d, s);
    List<String> lines = Files.readAllLines(file);
    assertEquals("index,file,label,patient_id,partition,fold", lines.get(0));
    assertEquals(61, lines.size());
    int t = s.test()[0];
    assertEquals(t + ",covid/" + t + ".png,covid,0-" + t / 2 + ",test,", lines.get(t + 1));
    Split back = SplitFile.read(file, d);
    assertArrayEquals(s.test(), back.test());
    for (int f = 0; f < 5; f++) {
      assertArrayEquals(s.fold(f).train(), back.fold(f).train());
      assertArrayEquals(s.fold(f).validation(), back.fold(f).validation());
    }
  }

  @Test
  void editedFileIsRefusedByLineAndColumn() throws IOException {
    Dataset d = SplitterTest.dataset(new int[] {20, 20, 20}, 1);
    Path file = dir.resolve("split.csv");
    SplitFile.write(file, d, Splitter.split(d, 0.15, 5, 4));
    List<String> lines = new ArrayList<>(Files.readAllLines(file));
    lines.set(3, lines.get(3).replace("covid/2.png", "covid/99.png"));
    lines.set(5, lines.get(5).replaceFirst(",(test|train),[0-9]*$", ",validation,1"));
    lines.remove(10);
    Files.write(file, lines);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SplitFile.read(file, d));
    assertTrue(e.getMessage().contains("line 4: columns 'file','label','patient_id'"), e.getMessage());
    assertTrue(e.getMessage().contains("line 6: columns 'partition','fold': 'validation','1'"), e.getMessage());
    assertTrue(e.getMessage().contains("image 9 (covid/9.png) is missing"), e.getMessage());
  }
}
