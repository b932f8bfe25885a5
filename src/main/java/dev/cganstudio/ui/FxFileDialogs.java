package dev.cganstudio.ui;

import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The platform's own file and folder choosers. */
final class FxFileDialogs implements FileDialogs {

    private static final FileChooser.ExtensionFilter MODEL_FILES =
            new FileChooser.ExtensionFilter("DL4J model (*.zip)", "*.zip");

    private final Window owner;
    private File lastFolder;

    FxFileDialogs(Window owner) {
        this.owner = owner;
    }

    @Override
    public Optional<Path> openModel(String title) {
        FileChooser chooser = modelChooser(title);
        return remember(chooser.showOpenDialog(owner));
    }

    @Override
    public Optional<Path> saveModel(String title, String suggestedName) {
        FileChooser chooser = modelChooser(title);
        chooser.setInitialFileName(suggestedName);
        return remember(chooser.showSaveDialog(owner));
    }

    @Override
    public Optional<Path> chooseFolder(String title, Path initial) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        if (initial != null && Files.isDirectory(initial)) {
            chooser.setInitialDirectory(initial.toAbsolutePath().toFile());
        }
        return Optional.ofNullable(chooser.showDialog(owner)).map(File::toPath);
    }

    private FileChooser modelChooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(MODEL_FILES);
        if (lastFolder != null && lastFolder.isDirectory()) {
            chooser.setInitialDirectory(lastFolder);
        }
        return chooser;
    }

    private Optional<Path> remember(File chosen) {
        if (chosen != null) {
            lastFolder = chosen.getParentFile();
        }
        return Optional.ofNullable(chosen).map(File::toPath);
    }
}
