package dev.cganstudio.model;

/** The three kinds of network cGAN Studio saves and loads, with what a file of each must hold. */
public enum ModelKind {
    /** Noise and one-hot label in, a 1x28x28 image in [0, 1] out. */
    GENERATOR("generator", "a ComputationGraph with inputs [noise, label] and a 1x28x28 image output"),
    /** Image and one-hot label in, one probability (real) out. */
    DISCRIMINATOR("discriminator", "a ComputationGraph with inputs [image, label] and one probability out"),
    /** A 1x28x28 image in, ten class probabilities out. */
    JUDGE("judge", "a MultiLayerNetwork with a 1x28x28 image input and 10 class probabilities out");

    private final String fileStem;
    private final String expectation;

    ModelKind(String fileStem, String expectation) {
        this.fileStem = fileStem;
        this.expectation = expectation;
    }

    /** The file name used for this kind in a run folder. */
    public String fileName() {
        return fileStem + ".zip";
    }

    /** What a file of this kind must hold, for error messages. */
    public String expectation() {
        return expectation;
    }

    /** Lower-case name for messages. */
    public String displayName() {
        return fileStem;
    }
}
