package org.cxrlstm.report;

/** One row of split.csv; {@code fold} is -1 for test images. */
record SplitRow(int index, String file, int label, String patientId, boolean test, int fold) {}
