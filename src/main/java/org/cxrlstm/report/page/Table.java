package org.cxrlstm.report.page;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.cxrlstm.results.io.AtomicFiles;
import org.cxrlstm.results.io.Csv;

/**
 * A report table: written as {@code tables/ID.csv} and {@code tables/ID.md}, and shown on the page.
 *
 * @param id     file name without extension
 * @param title  caption, e.g. "Table 3. Performance of the CNN (test set)"
 * @param header column names
 * @param rows   cells, already formatted
 */
public record Table(String id, String title, List<String> header, List<List<String>> rows) {

  public Table {
    for (List<String> row : rows) {
      if (row.size() != header.size()) {
        throw new IllegalArgumentException("table " + id + ": row " + row + " has " + row.size()
            + " cells, header has " + header.size());
      }
    }
  }

  public String markdown() {
    StringBuilder s = new StringBuilder();
    s.append("| ").append(String.join(" | ", header.stream().map(Table::cell).toList())).append(" |\n|");
    header.forEach(h -> s.append("---|"));
    s.append('\n');
    for (List<String> row : rows) {
      s.append("| ").append(String.join(" | ", row.stream().map(Table::cell).toList())).append(" |\n");
    }
    return s.toString();
  }

  /** Writes the CSV and the Markdown form under {@code dir}. */
  public void write(Path dir) throws IOException {
    Csv.write(dir.resolve(id + ".csv"), header, rows);
    AtomicFiles.writeString(dir.resolve(id + ".md"), "**" + title + "**\n\n" + markdown());
  }

  private static String cell(String v) {
    return v.replace("|", "\\|").replace("\n", " ");
  }
}
