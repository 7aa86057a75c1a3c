package org.cxrlstm.metadata;

import java.util.ArrayList;
import java.util.List;

/**
 * The feature rows of the metadata baseline: width, height, aspect ratio (width / height), bytes,
 * bytes per pixel, and one indicator column per file format present in the data. These are the
 * attributes a reviewer found to separate the classes of covid-xray-421 (its sources differ in
 * resolution, compression and format).
 *
 * @param names one name per column
 * @param rows  one row per image
 */
public record MetadataFeatures(List<String> names, double[][] rows) {
  /** The numeric columns before the format indicators. */
  public static final List<String> NUMERIC = List.of("width", "height", "aspect", "bytes", "bytes_per_pixel");

  public static MetadataFeatures of(List<FileAttributes> files) {
    List<String> formats = files.stream().map(FileAttributes::format).distinct().sorted().toList();
    List<String> names = new ArrayList<>(NUMERIC);
    formats.forEach(f -> names.add("format_" + f));
    double[][] rows = new double[files.size()][];
    for (int i = 0; i < rows.length; i++) {
      FileAttributes a = files.get(i);
      double pixels = (double) a.width() * a.height();
      double[] row = new double[names.size()];
      row[0] = a.width();
      row[1] = a.height();
      row[2] = (double) a.width() / a.height();
      row[3] = a.bytes();
      row[4] = a.bytes() / pixels;
      row[NUMERIC.size() + formats.indexOf(a.format())] = 1;
      rows[i] = row;
    }
    return new MetadataFeatures(List.copyOf(names), rows);
  }
}
