package org.nd4j.nativeblas;

/**
 * Compatibility bridge for DL4J 1.0.0-M2.1, which decides whether to run convolutions, pooling
 * and batch normalisation through oneDNN by looking up, by reflection, the class
 * {@code org.nd4j.nativeblas.Nd4jCpu$Environment} and its method {@code isUseMKLDNN()}
 * ({@code BaseMKLDNNHelper.mklDnnEnabled}). ND4J M2.1 moved that class to
 * {@code org.nd4j.linalg.cpu.nativecpu.bindings} and renamed the method {@code isUseONEDNN()}
 * when MKL-DNN became oneDNN, so the lookup always fails and every layer silently takes the
 * slow built-in path. This class answers the old lookup with the new native call.
 */
public final class Nd4jCpu {

    private Nd4jCpu() {
    }

    /** The old name of ND4J's native environment, answering only what DL4J asks of it. */
    public static final class Environment {
        private static final Environment INSTANCE = new Environment();

        private Environment() {
        }

        /** The one environment, as the native class exposes it. */
        public static Environment getInstance() {
            return INSTANCE;
        }

        /** Whether the loaded native build uses oneDNN. */
        public boolean isUseMKLDNN() {
            return org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu.Environment.getInstance().isUseONEDNN();
        }
    }
}
