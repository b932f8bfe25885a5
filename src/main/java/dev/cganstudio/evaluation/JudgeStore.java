package dev.cganstudio.evaluation;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cganstudio.data.MnistDataset;
import dev.cganstudio.io.AtomicFiles;
import dev.cganstudio.model.ModelFiles;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Keeps the trained judge in a folder (the per-user cache) so it is trained once and reused:
 * {@code judge.zip} and {@code judge.json} with its test accuracy. A missing, unreadable or
 * incompatible judge is trained again. One below the accuracy aim is reused with a warning:
 * training is seeded, so training it again would give the same judge.
 */
public final class JudgeStore {

    /** File of the judge network. */
    public static final String NETWORK_FILE = "judge.zip";
    /** File of the judge's record: accuracy and epochs. */
    public static final String RECORD_FILE = "judge.json";
    /** The test accuracy the judge is meant to have; a judge below it is used with a warning. */
    public static final double ACCURACY_AIM = 0.99;

    private static final Logger LOG = LoggerFactory.getLogger(JudgeStore.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path folder;

    public JudgeStore(Path folder) {
        this.folder = folder;
    }

    /** The stored judge if usable, otherwise a freshly trained one, stored before it is returned. */
    public StoredJudge obtain(MnistDataset train, MnistDataset test, boolean retrain, JudgeTrainer trainer,
                              Consumer<String> status) throws IOException {
        if (!retrain) {
            StoredJudge stored = load(status);
            if (stored != null) {
                return stored;
            }
        }
        status.accept("training the judge on " + train.size() + " digits");
        JudgeTrainer.TrainedJudge trained = trainer.train(train, test);
        StoredJudge result = new StoredJudge(trained.judge(), trained.testAccuracy(), trained.epochs());
        save(result);
        return result;
    }

    /** The stored judge, or null (with the reason told to {@code status}) when it cannot be reused. */
    public StoredJudge load(Consumer<String> status) {
        Path network = folder.resolve(NETWORK_FILE);
        Path record = folder.resolve(RECORD_FILE);
        if (!Files.exists(network) || !Files.exists(record)) {
            return null;
        }
        try {
            JudgeRecord facts = JSON.readValue(record.toFile(), JudgeRecord.class);
            if (facts.testAccuracy() < ACCURACY_AIM) {
                LOG.warn(String.format(Locale.ROOT, "the stored judge's test accuracy %.4f is below the aim of %.2f",
                        facts.testAccuracy(), ACCURACY_AIM));
            }
            MultiLayerNetwork loaded = ModelFiles.loadJudge(network);
            status.accept(String.format(Locale.ROOT, "using the stored judge (test accuracy %.4f) from %s",
                    facts.testAccuracy(), network));
            return new StoredJudge(new Judge(loaded), facts.testAccuracy(), facts.epochs());
        } catch (IOException e) {
            LOG.warn("stored judge not usable, training again: {}", e.getMessage());
            status.accept("stored judge not usable (" + e.getMessage() + "): training again");
            return null;
        }
    }

    /** Writes the judge and its record, each atomically, the network first. */
    public void save(StoredJudge judge) throws IOException {
        ModelFiles.save(judge.judge().network(), folder.resolve(NETWORK_FILE), false);
        AtomicFiles.write(folder.resolve(RECORD_FILE), out -> JSON.writerWithDefaultPrettyPrinter()
                .writeValue(out, new JudgeRecord(judge.testAccuracy(), judge.epochs())));
    }

    /** What is known of a stored judge. */
    record JudgeRecord(double testAccuracy, int epochs) {
    }

    /**
     * A judge ready to use.
     *
     * @param judge the judge
     * @param testAccuracy its accuracy on the 10,000 test digits
     * @param epochs epochs it was trained
     */
    public record StoredJudge(Judge judge, double testAccuracy, int epochs) {
    }
}
