package org.cxrlstm.data;

import java.util.Objects;

/**
 * One image of a dataset.
 *
 * @param file      path relative to the dataset root, with {@code /} separators ({@code covid/x.jpg})
 * @param label     class index into {@link Dataset#classes()}
 * @param patientId patient the image belongs to (the file name when no manifest says otherwise)
 * @param sha256    lower-case hex sha256 of the file's bytes
 */
public record ImageEntry(String file, int label, String patientId, String sha256) {
  public ImageEntry {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(patientId, "patientId");
    Objects.requireNonNull(sha256, "sha256");
    if (label < 0) {
      throw new IllegalArgumentException("label of " + file + " is negative: " + label);
    }
    if (!sha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("sha256 of " + file + " is not 64 lower-case hex digits: '" + sha256 + "'");
    }
  }
}
