package org.cxrlstm.report.input;

/** One row of split.csv; {@code fold} is -1 for test images. */
public record SplitRow(int index, String file, int label, String patientId, boolean test, int fold) {}
