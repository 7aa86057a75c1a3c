/** A model that never sees a pixel: multinomial logistic regression on file attributes (size, shape, bytes, format). */
package org.cxrlstm.metadata;
