package dev.cganstudio.ui;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** File dialogs that give the answers a test lined up, in order, and remember what was asked. */
final class ScriptedFileDialogs implements FileDialogs {

    private final Deque<Path> answers = new ArrayDeque<>();
    private final List<String> asked = new ArrayList<>();

    /** The path the next dialog answers with. */
    ScriptedFileDialogs answer(Path path) {
        answers.add(path);
        return this;
    }

    List<String> asked() {
        return asked;
    }

    @Override
    public Optional<Path> openModel(String title) {
        return next(title);
    }

    @Override
    public Optional<Path> saveModel(String title, String suggestedName) {
        return next(title);
    }

    @Override
    public Optional<Path> chooseFolder(String title, Path initial) {
        return next(title);
    }

    private Optional<Path> next(String title) {
        asked.add(title);
        return Optional.ofNullable(answers.poll());
    }
}
