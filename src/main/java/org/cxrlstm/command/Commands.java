package org.cxrlstm.command;

import java.util.List;

/** The experiments that are code rather than a properties file (summary, bench, fetch-data, ...). */
final class Commands {
  private Commands() {}

  static List<Experiment> all() {
    return List.of(
        new SummaryExperiment(System.out),
        new BenchExperiment(System.out),
        new BenchWorkersExperiment(System.out),
        new KeysExperiment(System.out),
        new FetchDataExperiment(System.out),
        new MetadataBaselineExperiment(System.out),
        new NearDuplicatesExperiment(System.out),
        new ReportExperiment(System.out),
        new EvaluateExperiment(System.out),
        new PredictExperiment(System.out, System.err));
  }
}
