/**
 * The two architectures of Islam et al. (2020) as TensorFlow graphs: a shared VGG-like CNN trunk
 * (Table 2) with either an LSTM head over the 49 spatial cells (CNN-LSTM) or a flatten-dense head
 * (the "competitive CNN"), built from an immutable {@link org.cxrlstm.model.ModelSpec}.
 */
package org.cxrlstm.model;
