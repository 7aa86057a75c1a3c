/** Grad-CAM (Selvaraju et al. 2017) on a trained model: overlays, and where in the image its mass falls. */
package org.cxrlstm.train.gradcam;
