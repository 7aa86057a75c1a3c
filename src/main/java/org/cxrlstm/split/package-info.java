/**
 * Stratified, patient-grouped hold-out split and k-fold cross-validation (the paper's 85/15 split
 * with 5 folds on the 85 %), and {@code split.csv}, the auditable record of every image's place.
 */
package org.cxrlstm.split;
