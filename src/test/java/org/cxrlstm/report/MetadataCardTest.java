package org.cxrlstm.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.cxrlstm.metadata.MetadataBaseline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetadataCardTest {
  @TempDir
  Path dir;

  @Test
  void theLineCountsTheEnsemblesTestRowsAndThePooledValidationRows() throws Exception {
    StringBuilder csv = new StringBuilder(String.join(",", MetadataBaseline.columns(java.util.List.of("covid", "pneumonia", "normal")))).append('\n');
    // 4 ensemble test rows, 3 right; per-fold test rows (all wrong) must not count; 2 validation rows, 1 right
    csv.append("ensemble,test,0,covid/0.png,p0,covid,covid,0.9,0.05,0.05\n");
    csv.append("ensemble,test,1,normal/1.png,p1,normal,normal,0.1,0.1,0.8\n");
    csv.append("ensemble,test,2,normal/2.png,p2,normal,normal,0.1,0.1,0.8\n");
    csv.append("ensemble,test,3,pneumonia/3.png,p3,pneumonia,normal,0.1,0.4,0.5\n");
    csv.append("fold0,test,0,covid/0.png,p0,covid,normal,0.1,0.1,0.8\n");
    csv.append("fold0,validation,5,covid/5.png,p5,covid,covid,0.8,0.1,0.1\n");
    csv.append("fold1,validation,6,covid/6.png,p6,covid,normal,0.2,0.1,0.7\n");
    Files.writeString(dir.resolve(MetadataBaseline.FILE_NAME), csv);
    String line = MetadataCard.line(dir);
    assertTrue(line.startsWith("A model that never sees a pixel"), line);
    // Wilson 3 of 4: 30.1 .. 95.4; 1 of 2: 9.5 .. 90.5
    assertTrue(line.contains("scores 75.0 [30.1, 95.4] % on the test set"), line);
    assertTrue(line.contains("training part: 50.0 [9.5, 90.5] %"), line);
  }

  @Test
  void aFolderWithoutTheFileSaysSo() {
    assertEquals("Metadata baseline: metadata_baseline.csv missing (run -Dexperiment=metadata-baseline).",
        MetadataCard.line(dir));
  }
}
