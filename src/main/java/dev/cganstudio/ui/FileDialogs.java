package dev.cganstudio.ui;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The file choosers the studio asks for paths, behind an interface so that tests can answer
 * in their place. Each returns empty when the person cancels.
 */
public interface FileDialogs {

    /** A model file (.zip) to open. */
    Optional<Path> openModel(String title);

    /** Where to save a model file (.zip), suggesting a file name. */
    Optional<Path> saveModel(String title, String suggestedName);

    /** A folder to open or to write into. */
    Optional<Path> chooseFolder(String title, Path initial);
}
