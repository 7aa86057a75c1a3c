package org.cxrlstm.results;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cxrlstm.config.Trial;
import org.cxrlstm.results.io.Csv;
import org.cxrlstm.results.io.CsvException;
import org.cxrlstm.train.EpochRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The typed rows of the results CSVs: written and read back unchanged, old variants, and the ensemble by hand. */
class RowRecordsTest {
  private static final List<String> CLASSES = List.of("covid", "pneumonia", "normal");

  @TempDir
  Path tmp;

  private static Map<String, String> settings(String arch, int fold) {
    Map<String, String> s = new LinkedHashMap<>();
    Trial.COLUMNS.forEach(c -> s.put(c, ""));
    s.put("arch", arch);
    s.put("fold", String.valueOf(fold));
    s.put("seed", "42");
    s.put("learning_rate", "0.0001");
    return s;
  }

  @Test
  void predictionsRoundTripAndTheirEnsembleIsTheMeanComputedByHand() throws Exception {
    // two CNN fold models and one CNN-LSTM model on images 7 and 9; probabilities exact in float
    List<PredictionRow> rows = List.of(
        new PredictionRow("cnn-f0", settings("cnn", 0), "test", 7, "a.png", "p1", "covid", "covid",
            new double[] {0.5, 0.25, 0.25}),
        new PredictionRow("cnn-f0", settings("cnn", 0), "test", 9, "b.png", "p2", "normal", "pneumonia",
            new double[] {0.125, 0.5, 0.375}),
        new PredictionRow("cnn-f0", settings("cnn", 0), "validation", 3, "c.png", "p3", "normal", "covid",
            new double[] {1, 0, 0}),
        new PredictionRow("cnn-f1", settings("cnn", 1), "test", 7, "a.png", "p1", "covid", "pneumonia",
            new double[] {0.25, 0.5, 0.25}),
        new PredictionRow("cnn-f1", settings("cnn", 1), "test", 9, "b.png", "p2", "normal", "normal",
            new double[] {0.125, 0.25, 0.625}),
        new PredictionRow("lstm-f0", settings("cnn-lstm", 0), "test", 7, "a.png", "p1", "covid", "normal",
            new double[] {0.25, 0.25, 0.5}));
    Path file = tmp.resolve("predictions.csv");
    PredictionRow.write(file, CLASSES, rows);
    PredictionRow.File read = PredictionRow.read(file);
    assertEquals(CLASSES, read.classes());
    assertEquals(rows.size(), read.rows().size());
    for (int i = 0; i < rows.size(); i++) {
      assertEquals(rows.get(i).cells(), read.rows().get(i).cells());
      assertArrayEquals(rows.get(i).probabilities(), read.rows().get(i).probabilities(), 0);
    }
    assertEquals(5, read.test().size());

    List<EnsembleRow> ensemble = EnsembleRow.of(read.rows(), CLASSES);
    assertEquals(3, ensemble.size());
    // cnn, image 7: mean of (0.5, 0.25, 0.25) and (0.25, 0.5, 0.25) = (0.375, 0.375, 0.25): tie, lower index
    assertEquals(2, ensemble.get(0).models());
    assertArrayEquals(new double[] {0.375, 0.375, 0.25}, ensemble.get(0).probabilities(), 1e-15);
    assertEquals("covid", ensemble.get(0).predicted());
    // cnn, image 9: (0.125, 0.375, 0.5) -> normal; the validation row takes no part
    assertArrayEquals(new double[] {0.125, 0.375, 0.5}, ensemble.get(1).probabilities(), 1e-15);
    assertEquals("normal", ensemble.get(1).predicted());
    assertEquals("cnn-lstm", ensemble.get(2).arm().get("arch"));
    assertEquals(1, ensemble.get(2).models());

    Path ensembleFile = tmp.resolve("ensemble_predictions.csv");
    EnsembleRow.write(ensembleFile, CLASSES, ensemble);
    EnsembleRow.File back = EnsembleRow.read(ensembleFile);
    assertEquals(ensemble.stream().map(EnsembleRow::cells).toList(), back.rows().stream().map(EnsembleRow::cells).toList());

    // per-class metrics of cnn-f0's test rows: covid right, normal taken for pneumonia, so for pneumonia
    // against the rest one false positive (image 9) and one true negative (image 7)
    Map<String, String> m = TrialMetrics.of(read.test().subList(0, 2), CLASSES);
    assertEquals(1.0, Double.parseDouble(m.get("test_sensitivity_covid")), 0);
    assertEquals(0.0, Double.parseDouble(m.get("test_sensitivity_normal")), 0);
    assertEquals(0.5, Double.parseDouble(m.get("test_specificity_pneumonia")), 0);
  }

  @Test
  void predictionsWithoutPartitionAreTestRowsAndClassIndicesAreNames() throws Exception {
    Path file = tmp.resolve("old.csv");
    Files.writeString(file, "trial_id,arch,fold,index,file,patient_id,label,predicted,p_covid,p_pneumonia,p_normal\n"
        + "t,cnn,0,1,x.png,p,2,NORMAL,0.1,0.2,0.7\n");
    PredictionRow row = PredictionRow.read(file).rows().get(0);
    assertTrue(row.test());
    assertEquals("normal", row.label());
    assertEquals("normal", row.predicted());
    assertEquals("", row.settings().get("mask"), "a setting column the file lacks reads blank");
  }

  @Test
  void classesKeepTheirSpellingFromTheProbabilityColumns() throws Exception {
    // label.column=view gives classes PA and AP: exact names are kept, other cases map to them
    Path file = tmp.resolve("views.csv");
    Files.writeString(file, "trial_id,arch,fold,partition,index,file,patient_id,label,predicted,p_PA,p_AP\n"
        + "t,cnn,0,test,1,x.png,p,PA,ap,0.25,0.75\n");
    PredictionRow row = PredictionRow.read(file).rows().get(0);
    assertEquals(List.of("PA", "AP"), PredictionRow.read(file).classes());
    assertEquals("PA", row.label());
    assertEquals("AP", row.predicted());
  }

  @Test
  void aFoldOrSeedThatIsNoNumberNamesFileLineAndColumn() throws Exception {
    Path file = tmp.resolve("fold.csv");
    Files.writeString(file, "trial_id,arch,fold,seed,epoch,train_loss,train_accuracy,val_loss,val_accuracy\n"
        + "t,cnn,0,42,1,0.9,0.5,0.8,0.6\nt,cnn,x,42,2,0.9,0.5,0.8,0.6\n");
    CsvException e = assertThrows(CsvException.class, () -> EpochRow.read(file));
    assertTrue(e.getMessage().contains("fold.csv:3: column 'fold' = 'x' is not a whole number"), e.getMessage());
    Files.writeString(file, "trial_id,arch,fold,seed,epoch,train_loss,train_accuracy,val_loss,val_accuracy\n"
        + "t,cnn,0,4x,1,0.9,0.5,0.8,0.6\n");
    e = assertThrows(CsvException.class, () -> EpochRow.read(file));
    assertTrue(e.getMessage().contains("fold.csv:2: column 'seed' = '4x' is not a whole number"), e.getMessage());
  }

  @Test
  void badRowsNameFileLineAndColumn() throws Exception {
    Path file = tmp.resolve("bad.csv");
    Files.writeString(file, "trial_id,arch,fold,partition,index,file,patient_id,label,predicted,p_covid,p_normal\n"
        + "t,cnn,0,test,1,x.png,p,covid,covid,0.9,0.1\n"
        + "t,cnn,0,test,2,y.png,p,pneumonia,covid,0.9,0.1\n"
        + "t,cnn,0,test,3,z.png,p,covid,covid,1.5,0.1\n");
    CsvException e = assertThrows(CsvException.class, () -> PredictionRow.read(file));
    assertTrue(e.getMessage().contains("bad.csv:3: column 'label' = 'pneumonia'")
        && e.getMessage().contains("no column 'p_pneumonia'"), e.getMessage());
    Files.writeString(file, "trial_id,arch,fold,partition,index,file,patient_id,label,predicted,p_covid,p_normal\n"
        + "t,cnn,0,test,3,z.png,p,covid,covid,1.5,0.1\n");
    e = assertThrows(CsvException.class, () -> PredictionRow.read(file));
    assertTrue(e.getMessage().contains("bad.csv:2: column 'p_covid' = '1.5' is not a probability"), e.getMessage());
  }

  @Test
  void epochsTrialsAndSummaryRoundTrip() throws Exception {
    Path epochs = tmp.resolve("epochs.csv");
    List<EpochRow> written = List.of(new EpochRow("t", settings("cnn", 0), new EpochRecord(1, 0.9, 0.5, 0.8, 0.6, 1e-4,
        3.456)), new EpochRow("t", settings("cnn", 0), new EpochRecord(2, 0.7, 0.625, Double.NaN, Double.NaN, 1e-4, 3.0)));
    EpochRow.write(epochs, written);
    List<EpochRow> read = EpochRow.read(epochs);
    assertEquals(3.46, read.get(0).epoch().seconds(), 0, "seconds are written to the hundredth");
    assertEquals(written.get(1).cells(), read.get(1).cells());
    assertTrue(Double.isNaN(read.get(1).epoch().validationLoss()));

    Path trials = tmp.resolve("trials.csv");
    TrialRow done = new TrialRow(0, "t", settings("cnn", 0), "done", Map.of("test_accuracy", "0.75", "epochs_run", "12"));
    TrialRow.write(trials, List.of(done, new TrialRow(1, "u", settings("cnn", 1), "failed", Map.of())));
    List<TrialRow> back = TrialRow.read(trials);
    assertEquals(0.75, back.get(0).real("test_accuracy"), 0);
    assertTrue(back.get(0).done() && !back.get(1).done());
    assertTrue(Double.isNaN(back.get(1).real("test_accuracy")));
    Files.writeString(trials, Files.readString(trials).replace("0.75", "most"));
    CsvException e = assertThrows(CsvException.class, () -> TrialRow.read(trials));
    assertTrue(e.getMessage().contains("trials.csv:2: column 'test_accuracy' = 'most' is not a number"), e.getMessage());

    // summary of 0.5 and 1.0: mean 0.75, sd sqrt(0.125)
    Path summary = tmp.resolve("summary.csv");
    SummaryRow row = SummaryRow.of(Map.of("arch", "cnn"), "test_accuracy", new double[] {0.5, 1.0}, 0.8);
    Csv.write(summary, SummaryRow.header(), List.of(row.cells()));
    SummaryRow s = SummaryRow.read(summary).get(0);
    assertEquals(0.75, s.mean(), 0);
    assertEquals(Math.sqrt(0.125), s.sd(), 1e-15);
    assertEquals(0.8, s.ensemble(), 0);
    assertEquals(2, s.n());
  }
}
