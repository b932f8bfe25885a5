package dev.cganstudio.evaluation;

/**
 * The Gaussian fitted to a set of feature vectors: their mean and their sample covariance (divided
 * by {@code n - 1}, as {@code numpy.cov} and the reference Fréchet Inception Distance code do).
 * Fitting once lets the real digits' statistics be reused against every epoch's generated digits.
 * Non-finite features are accepted and make the statistics non-finite; see {@link #isFinite()}.
 */
public final class FeatureStatistics {

    /** Fewest vectors with a defined sample covariance. */
    public static final int MIN_COUNT = 2;

    private final int count;
    private final double[] mean;
    private final double[][] covariance;

    private FeatureStatistics(int count, double[] mean, double[][] covariance) {
        this.count = count;
        this.mean = mean;
        this.covariance = covariance;
    }

    /**
     * Fits a Gaussian to feature vectors.
     *
     * @param features one row per vector, all of the same length
     * @return the mean and covariance
     * @throws IllegalArgumentException if there are fewer than {@link #MIN_COUNT} rows, a row is
     *     empty, or rows differ in length
     */
    public static FeatureStatistics of(double[][] features) {
        int dimensions = checkShape(features.length, features.length == 0 ? 0 : features[0].length);
        double[][] rows = new double[features.length][];
        for (int row = 0; row < features.length; row++) {
            checkRow(row, features[row].length, dimensions);
            rows[row] = features[row].clone();
        }
        return fit(rows);
    }

    /** Fits a Gaussian to feature vectors given in single precision; see {@link #of(double[][])}. */
    public static FeatureStatistics of(float[][] features) {
        int dimensions = checkShape(features.length, features.length == 0 ? 0 : features[0].length);
        double[][] rows = new double[features.length][dimensions];
        for (int row = 0; row < features.length; row++) {
            checkRow(row, features[row].length, dimensions);
            for (int column = 0; column < dimensions; column++) {
                rows[row][column] = features[row][column];
            }
        }
        return fit(rows);
    }

    private static int checkShape(int count, int dimensions) {
        if (count < MIN_COUNT) {
            throw new IllegalArgumentException("expected at least " + MIN_COUNT + " feature vectors, found " + count);
        }
        if (dimensions == 0) {
            throw new IllegalArgumentException("expected at least 1 feature per vector, found 0");
        }
        return dimensions;
    }

    private static void checkRow(int row, int length, int dimensions) {
        if (length != dimensions) {
            throw new IllegalArgumentException("expected " + dimensions + " features in row " + row
                    + " (as in row 0), found " + length);
        }
    }

    /** Centres the rows in place, then sums outer products; works in double throughout. */
    private static FeatureStatistics fit(double[][] rows) {
        int count = rows.length;
        int dimensions = rows[0].length;
        double[] mean = new double[dimensions];
        for (double[] row : rows) {
            for (int column = 0; column < dimensions; column++) {
                mean[column] += row[column];
            }
        }
        for (int column = 0; column < dimensions; column++) {
            mean[column] /= count;
        }
        for (double[] row : rows) {
            for (int column = 0; column < dimensions; column++) {
                row[column] -= mean[column];
            }
        }

        double[][] covariance = new double[dimensions][dimensions];
        for (double[] row : rows) {
            for (int first = 0; first < dimensions; first++) {
                double scaled = row[first];
                double[] target = covariance[first];
                for (int second = first; second < dimensions; second++) {
                    target[second] += scaled * row[second];
                }
            }
        }
        for (int first = 0; first < dimensions; first++) {
            for (int second = first; second < dimensions; second++) {
                double value = covariance[first][second] / (count - 1);
                covariance[first][second] = value;
                covariance[second][first] = value;
            }
        }
        return new FeatureStatistics(count, mean, covariance);
    }

    /** Number of vectors fitted. */
    public int count() {
        return count;
    }

    /** Length of each vector. */
    public int dimensions() {
        return mean.length;
    }

    /** The mean vector (a copy). */
    public double[] mean() {
        return mean.clone();
    }

    /** The sample covariance matrix, symmetric (a copy). */
    public double[][] covariance() {
        double[][] copy = new double[covariance.length][];
        for (int row = 0; row < covariance.length; row++) {
            copy[row] = covariance[row].clone();
        }
        return copy;
    }

    /** False when a feature was NaN or infinite, so no distance can be computed from these statistics. */
    public boolean isFinite() {
        for (double value : mean) {
            if (!Double.isFinite(value)) {
                return false;
            }
        }
        for (double[] row : covariance) {
            for (double value : row) {
                if (!Double.isFinite(value)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Read-only access for the distance, without copying. */
    double[] meanView() {
        return mean;
    }

    /** Read-only access for the distance, without copying. */
    double[][] covarianceView() {
        return covariance;
    }
}
