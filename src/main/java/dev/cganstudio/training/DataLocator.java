package dev.cganstudio.training;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Finds (or fetches) the folder holding the MNIST files for a run. */
@FunctionalInterface
public interface DataLocator {

    /**
     * @param requested the folder the user named, or null to search the usual places
     * @param status receives milestones for a person (where the data was found, download progress)
     * @return a folder holding the four MNIST files
     */
    Path locate(Path requested, Consumer<String> status) throws IOException;
}
