package org.cxrlstm.data;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.cxrlstm.data.image.SyntheticImages;

/**
 * Miniatures of the committed manifest formats, on generated images: the columns of
 * data/covid-darkcovidnet.csv and data/covid-adult-mixed.csv (the 421 columns plus {@code source}),
 * with each class drawn from the sources the real manifest draws it from.
 */
public final class MiniatureManifests {
  private MiniatureManifests() {}

  /** covid from cohen; pneumonia and normal from nih (as covid-darkcovidnet). */
  public static Path darkcovidnet(Path dir, int perClass) throws IOException {
    return write(dir, perClass, (label, k) -> label.equals("covid") ? "cohen" : "nih");
  }

  /**
   * covid from cohen; pneumonia patients alternately cohen and nih; normal patients alternately actualmed
   * and nih (as covid-adult-mixed). Generated patients hold two images each, which share their source.
   */
  public static Path adultMixed(Path dir, int perClass) throws IOException {
    return write(dir, perClass, (label, k) -> switch (label) {
      case "covid" -> "cohen";
      case "pneumonia" -> k / 2 % 2 == 0 ? "cohen" : "nih";
      default -> k / 2 % 2 == 0 ? "actualmed" : "nih";
    });
  }

  private interface Source {
    String of(String label, int k);
  }

  private static Path write(Path dir, int perClass, Source source) throws IOException {
    SyntheticImages.writeImageFolder(dir, perClass, 32, 5);
    Path manifest = dir.resolve("manifest.csv");
    List<List<String>> rows = new ArrayList<>();
    List<String> header;
    try (Reader r = Files.newBufferedReader(manifest, StandardCharsets.UTF_8);
        CSVParser p = CSVParser.parse(r, CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
      header = new ArrayList<>(p.getHeaderNames());
      int k = 0;
      String last = "";
      for (CSVRecord rec : p) {
        k = rec.get("label").equals(last) ? k + 1 : 0;
        last = rec.get("label");
        List<String> row = new ArrayList<>(rec.toList());
        row.add(source.of(last, k));
        rows.add(row);
      }
    }
    header.add("source");
    try (Writer w = Files.newBufferedWriter(manifest, StandardCharsets.UTF_8);
        CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get())) {
      for (List<String> row : rows) {
        csv.printRecord(row);
      }
    }
    return manifest;
  }
}
