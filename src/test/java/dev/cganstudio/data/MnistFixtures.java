package dev.cganstudio.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** A stand-in for MNIST: the four canonical file names holding tiny valid IDX files. */
final class MnistFixtures {

    /** Labels of the tiny training split; its images follow {@link IdxFixtures#images(int)}. */
    static final int[] TRAIN_LABELS = {5, 0, 4};
    /** Labels of the tiny test split. */
    static final int[] TEST_LABELS = {7, 2};

    private MnistFixtures() {
    }

    /** Canonical file name to raw IDX content, training split first. */
    static Map<String, byte[]> files() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(MnistSplit.TRAIN.imagesFile(), IdxFixtures.images(TRAIN_LABELS.length));
        files.put(MnistSplit.TRAIN.labelsFile(), IdxFixtures.labels(TRAIN_LABELS));
        files.put(MnistSplit.TEST.imagesFile(), IdxFixtures.images(TEST_LABELS.length));
        files.put(MnistSplit.TEST.labelsFile(), IdxFixtures.labels(TEST_LABELS));
        return files;
    }

    /** Canonical file name to the SHA-256 of its raw content, as a repository expects them. */
    static Map<String, String> digests() {
        Map<String, String> digests = new LinkedHashMap<>();
        files().forEach((name, content) -> digests.put(name, ContentDigest.sha256(content)));
        return digests;
    }

    /** Writes the four files, raw, into {@code folder}. */
    static void writeRaw(Path folder) throws IOException {
        for (Map.Entry<String, byte[]> file : files().entrySet()) {
            IdxFixtures.write(folder, file.getKey(), file.getValue());
        }
    }

    /** Sources that know only the tiny files and a cache in {@code cache}: no mirror, no npm. */
    static MnistSources sources(Path cache) {
        return MnistSources.standard(null, Map.of(), cache).withCacheFolder(cache).withMirrors(java.util.List.of())
                .withExpectedSha256(digests()).withNpmCommand(java.util.List.of());
    }
}
