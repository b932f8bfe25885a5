package dev.cganstudio.ui;

import dev.cganstudio.training.TrainingListener;
import dev.cganstudio.training.TrainingOptions;

/** The writers of a run's files besides models and checkpoint. */
final class StudioFiles {

    private StudioFiles() {
    }

    static TrainingListener writers(TrainingOptions options) {
        return new TrainingListener() { };
    }
}
