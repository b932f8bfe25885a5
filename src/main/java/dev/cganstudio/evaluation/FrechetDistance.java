package dev.cganstudio.evaluation;

import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * The Fréchet distance between the Gaussians fitted to two sets of feature vectors,
 * {@code |mu1 - mu2|^2 + Tr(S1 + S2 - 2 (S1 S2)^(1/2))} (Dowson and Landau, 1982). Computed on
 * the judge's features of generated and real digits it is the studio's analogue of the Fréchet
 * Inception Distance (Heusel et al., 2017, "GANs Trained by a Two Time-Scale Update Rule"):
 * lower is better, 0 for identical statistics.
 *
 * <p>The trace of {@code (S1 S2)^(1/2)} is the sum of the singular values of {@code F1^T F2},
 * where {@code S = F F^T} with {@code F = U diag(sqrt(sigma))} from the singular value
 * decomposition {@code S = U diag(sigma) V^T}: the eigenvalues of {@code S1 S2} are the squared
 * singular values of {@code F1^T F2}. Singular values are never negative, so the eigenvalues that
 * rounding pushes slightly below zero cannot produce complex roots, and no matrix is inverted, so
 * singular covariances (fewer vectors than features, or features that are always 0, like dead
 * ReLU units) work. Commons Math's {@code EigenDecomposition} is not used because it gives up
 * after a fixed 30 iterations, which it does on such rank-deficient covariances.
 */
public final class FrechetDistance {

    private FrechetDistance() {
    }

    /**
     * The distance between two sets of feature vectors of the same length.
     *
     * @param first n1 x d features
     * @param second n2 x d features
     * @return the distance, or {@code NaN} when a feature is not finite
     * @throws IllegalArgumentException if a set is too small or ragged, or the sets differ in d
     */
    public static double between(double[][] first, double[][] second) {
        return between(FeatureStatistics.of(first), FeatureStatistics.of(second));
    }

    /** The distance between two sets of single-precision vectors; see {@link #between(double[][], double[][])}. */
    public static double between(float[][] first, float[][] second) {
        return between(FeatureStatistics.of(first), FeatureStatistics.of(second));
    }

    /**
     * The distance between two fitted Gaussians.
     *
     * @param first statistics of one set
     * @param second statistics of the other, of the same dimension
     * @return the distance, at least 0 (a result that rounding puts below 0 is clamped), or {@code NaN} when either
     *     statistics are not finite
     * @throws IllegalArgumentException if the dimensions differ
     */
    public static double between(FeatureStatistics first, FeatureStatistics second) {
        if (first.dimensions() != second.dimensions()) {
            throw new IllegalArgumentException("expected feature vectors of the same length, found "
                    + first.dimensions() + " and " + second.dimensions());
        }
        if (!first.isFinite() || !second.isFinite()) {
            return Double.NaN;
        }
        double[] firstMean = first.meanView();
        double[] secondMean = second.meanView();
        double meanTerm = 0;
        for (int feature = 0; feature < firstMean.length; feature++) {
            double difference = firstMean[feature] - secondMean[feature];
            meanTerm += difference * difference;
        }

        RealMatrix firstCovariance = MatrixUtils.createRealMatrix(first.covarianceView());
        RealMatrix secondCovariance = MatrixUtils.createRealMatrix(second.covarianceView());
        double covarianceTerm = firstCovariance.getTrace() + secondCovariance.getTrace()
                - 2 * traceOfSquareRootOfProduct(firstCovariance, secondCovariance);
        return Math.max(0, meanTerm + covarianceTerm);
    }

    /** {@code Tr((S1 S2)^(1/2))}, the sum of the singular values of {@code F1^T F2}. */
    static double traceOfSquareRootOfProduct(RealMatrix first, RealMatrix second) {
        RealMatrix product = factor(first).transpose().multiply(factor(second));
        double trace = 0;
        for (double singularValue : new SingularValueDecomposition(product).getSingularValues()) {
            trace += singularValue;
        }
        return trace;
    }

    /** A matrix {@code F} with {@code F F^T} equal to the symmetric positive semi-definite {@code matrix}. */
    private static RealMatrix factor(RealMatrix matrix) {
        SingularValueDecomposition decomposition = new SingularValueDecomposition(matrix);
        double[] singularValues = decomposition.getSingularValues();
        double[] roots = new double[singularValues.length];
        for (int index = 0; index < singularValues.length; index++) {
            roots[index] = Math.sqrt(singularValues[index]);
        }
        return decomposition.getU().multiply(MatrixUtils.createRealDiagonalMatrix(roots));
    }
}
