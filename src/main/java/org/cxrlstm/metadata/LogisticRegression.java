package org.cxrlstm.metadata;

import java.util.Arrays;

/**
 * Multinomial logistic regression with an L2 penalty on standardised features (Hastie, Tibshirani
 * and Friedman, The Elements of Statistical Learning, 2nd ed., section 4.4), fitted by Newton's
 * method with a backtracking line search; no randomness, so the same data give the same model.
 *
 * <p>Minimises {@code (1/n) sum_i -log p(y_i | z_i) + (lambda/2) sum_k |w_k|^2} with
 * {@code p(k | z) = softmax_k(w_k . z + b_k)}, {@code z} the features standardised by the training
 * rows' mean and population sd; intercepts are not penalised. With {@code lambda = 1/n} this is
 * scikit-learn's {@code LogisticRegression()} default (C = 1) after a {@code StandardScaler}, the
 * tool a reviewer would check it with. The penalty keeps the weights finite when a feature
 * separates the classes perfectly.
 */
public final class LogisticRegression {
  private static final int MAX_NEWTON_STEPS = 200;
  private static final double GRADIENT_TOLERANCE = 1e-10;
  /** Added to the Hessian's diagonal: shifting every intercept by the same amount changes nothing, so it is singular. */
  private static final double HESSIAN_RIDGE = 1e-10;

  private final double[] mean;
  private final double[] sd;
  /** [class][feature], the last column the intercept; on the standardised scale. */
  private final double[][] weights;

  private LogisticRegression(double[] mean, double[] sd, double[][] weights) {
    this.mean = mean;
    this.sd = sd;
    this.weights = weights;
  }

  /** Fits {@code classes} classes to rows {@code x} (all the same length) and labels {@code y} in 0..classes-1. */
  public static LogisticRegression fit(double[][] x, int[] y, int classes, double lambda) {
    if (x.length != y.length || x.length == 0) {
      throw new IllegalArgumentException(x.length + " rows and " + y.length + " labels");
    }
    int d = x[0].length;
    double[] mean = new double[d];
    double[] sd = new double[d];
    for (int j = 0; j < d; j++) {
      for (double[] row : x) {
        mean[j] += row[j] / x.length;
      }
      for (double[] row : x) {
        sd[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / x.length;
      }
      // a constant column standardises to 0 and carries no weight
      sd[j] = sd[j] > 0 ? Math.sqrt(sd[j]) : 1;
    }
    double[][] z = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      z[i] = standardise(x[i], mean, sd);
    }
    double[] theta = newton(z, y, classes, lambda);
    double[][] w = new double[classes][];
    for (int k = 0; k < classes; k++) {
      w[k] = Arrays.copyOfRange(theta, k * (d + 1), (k + 1) * (d + 1));
    }
    return new LogisticRegression(mean, sd, w);
  }

  /** Class probabilities of one row of raw features. */
  public double[] probabilities(double[] row) {
    return softmax(weights, standardise(row, mean, sd));
  }

  /** Weights and intercepts on the standardised scale: {@code [class][feature]}, intercept last. */
  public double[][] coefficients() {
    return Arrays.stream(weights).map(double[]::clone).toArray(double[][]::new);
  }

  private static double[] standardise(double[] row, double[] mean, double[] sd) {
    double[] z = new double[row.length + 1];
    for (int j = 0; j < row.length; j++) {
      z[j] = (row[j] - mean[j]) / sd[j];
    }
    z[row.length] = 1; // the intercept's input
    return z;
  }

  private static double[] softmax(double[][] w, double[] z) {
    double[] logits = new double[w.length];
    double max = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < w.length; k++) {
      for (int j = 0; j < z.length; j++) {
        logits[k] += w[k][j] * z[j];
      }
      max = Math.max(max, logits[k]);
    }
    double sum = 0;
    for (int k = 0; k < w.length; k++) {
      logits[k] = Math.exp(logits[k] - max);
      sum += logits[k];
    }
    for (int k = 0; k < w.length; k++) {
      logits[k] /= sum;
    }
    return logits;
  }

  /** The penalised objective's minimiser, as one vector: class k's weights then intercept at k*(d+1). */
  private static double[] newton(double[][] z, int[] y, int classes, double lambda) {
    int p = z[0].length;
    double[] theta = new double[classes * p];
    double f = objective(theta, z, y, classes, lambda);
    for (int step = 0; step < MAX_NEWTON_STEPS; step++) {
      double[] g = new double[theta.length];
      double[][] h = new double[theta.length][theta.length];
      derivatives(theta, z, y, classes, lambda, g, h);
      if (Arrays.stream(g).map(Math::abs).max().orElse(0) < GRADIENT_TOLERANCE) {
        break;
      }
      double[] delta = Cholesky.solve(h, g);
      double t = 1;
      double[] next = theta;
      double fNext = f;
      double slope = 0;
      for (int i = 0; i < g.length; i++) {
        slope += g[i] * delta[i];
      }
      while (t > 1e-12) {
        next = theta.clone();
        for (int i = 0; i < next.length; i++) {
          next[i] -= t * delta[i];
        }
        fNext = objective(next, z, y, classes, lambda);
        if (fNext <= f - 1e-4 * t * slope) {
          break;
        }
        t /= 2;
      }
      if (!(fNext < f)) {
        break; // no further decrease representable in double precision
      }
      theta = next;
      f = fNext;
    }
    return theta;
  }

  private static double[][] unpack(double[] theta, int classes) {
    int p = theta.length / classes;
    double[][] w = new double[classes][];
    for (int k = 0; k < classes; k++) {
      w[k] = Arrays.copyOfRange(theta, k * p, (k + 1) * p);
    }
    return w;
  }

  private static double objective(double[] theta, double[][] z, int[] y, int classes, double lambda) {
    double[][] w = unpack(theta, classes);
    double loss = 0;
    for (int i = 0; i < z.length; i++) {
      loss -= Math.log(Math.max(Double.MIN_NORMAL, softmax(w, z[i])[y[i]])) / z.length;
    }
    return loss + lambda / 2 * penalised(theta, classes);
  }

  private static double penalised(double[] theta, int classes) {
    int p = theta.length / classes;
    double sum = 0;
    for (int i = 0; i < theta.length; i++) {
      sum += i % p == p - 1 ? 0 : theta[i] * theta[i];
    }
    return sum;
  }

  /** Gradient and Hessian of the objective at {@code theta}, into {@code g} and {@code h}. */
  private static void derivatives(double[] theta, double[][] z, int[] y, int classes, double lambda,
      double[] g, double[][] h) {
    double[][] w = unpack(theta, classes);
    int p = z[0].length;
    double n = z.length;
    for (int i = 0; i < z.length; i++) {
      double[] zi = z[i];
      double[] prob = softmax(w, zi);
      for (int k = 0; k < classes; k++) {
        double r = prob[k] - (y[i] == k ? 1 : 0);
        for (int j = 0; j < p; j++) {
          g[k * p + j] += r * zi[j] / n;
        }
        for (int l = 0; l < classes; l++) {
          double c = prob[k] * ((k == l ? 1 : 0) - prob[l]) / n;
          for (int j = 0; j < p; j++) {
            for (int m = 0; m < p; m++) {
              h[k * p + j][l * p + m] += c * zi[j] * zi[m];
            }
          }
        }
      }
    }
    for (int a = 0; a < theta.length; a++) {
      boolean intercept = a % p == p - 1;
      g[a] += intercept ? 0 : lambda * theta[a];
      h[a][a] += (intercept ? 0 : lambda) + HESSIAN_RIDGE;
    }
  }
}
