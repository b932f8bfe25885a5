package dev.cganstudio.ui;

import dev.cganstudio.data.MnistRepository;
import dev.cganstudio.data.MnistSources;
import dev.cganstudio.evaluation.JudgeStore;
import dev.cganstudio.training.DataLocator;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Window;

import java.util.Locale;

/**
 * The whole studio, put together: its models, then its views, each view given the model it
 * shows. The application and the tests both build it, the tests with their own file dialogs.
 */
public final class Studio {

    /** Title of the window. */
    public static final String TITLE = "cGAN Studio";
    private static final double GAP = 12;

    private final ModelWorker worker = new ModelWorker();
    private final StatusLine status = new StatusLine();
    private final ModelShelf shelf;
    private final TrainingModel training;
    private final GenerateModel generate;
    private final DrawModel draw;
    private final BorderPane root = new BorderPane();

    /**
     * @param owner the window dialogs belong to
     * @param dialogs where paths are asked for
     */
    public Studio(StudioSettings settings, Window owner, FileDialogs dialogs) {
        ErrorDialogs errors = new ErrorDialogs(owner);
        shelf = new ModelShelf(worker, dialogs, errors, status);
        training = new TrainingModel(settings, shelf, status, errors, dataLocator(settings));
        generate = new GenerateModel(shelf, worker, errors);
        draw = new DrawModel(shelf, worker);

        TabPane tabs = new TabPane(
                tab("Train", trainTab(dialogs)),
                tab("Generate", new GenerateView(generate)),
                tab("Draw", new DrawView(draw)));
        tabs.setId("tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        root.setTop(new StudioMenuBar(shelf));
        root.setCenter(tabs);
        root.setBottom(new StudioStatusBar(status, training));
        root.getStyleClass().add("studio");
        root.getStylesheets().add(Studio.class.getResource("studio.css").toExternalForm());
        findStoredJudge(settings);
    }

    /** The root node of the studio's scene. */
    public Parent root() {
        return root;
    }

    /** Stops the studio's own model thread; a training run ends with the JVM (its files stay whole). */
    public void shutdown() {
        worker.shutdown();
    }

    TrainingModel training() {
        return training;
    }

    GenerateModel generate() {
        return generate;
    }

    DrawModel draw() {
        return draw;
    }

    ModelShelf shelf() {
        return shelf;
    }

    StatusLine status() {
        return status;
    }

    private HBox trainTab(FileDialogs dialogs) {
        TrainingForm form = new TrainingForm(training, dialogs);
        TrainingCharts charts = new TrainingCharts(training);
        SampleGridView grid = new SampleGridView(training);
        HBox.setHgrow(charts, Priority.ALWAYS);
        return new HBox(GAP, form, charts, grid);
    }

    private static Tab tab(String title, Region content) {
        content.setPadding(new Insets(GAP));
        Tab tab = new Tab(title, content);
        tab.setId("tab-" + title.toLowerCase(Locale.ROOT));
        return tab;
    }

    /** Takes the judge a previous run left in the per-user cache, if there is a usable one. */
    private void findStoredJudge(StudioSettings settings) {
        worker.execute(() -> {
            JudgeStore store = new JudgeStore(settings.cacheFolder().resolve("judge"));
            JudgeStore.StoredJudge stored = store.load(message -> { });
            if (stored != null) {
                Platform.runLater(() -> shelf.adoptJudge(stored.judge(), String.format(Locale.ROOT,
                        "from the cache (test accuracy %.4f)", stored.testAccuracy())));
            }
        });
    }

    /**
     * The folder named in the form, used alone; else MNIST as the command line finds it: the
     * cache, then a download, told to the status line as it goes.
     */
    private static DataLocator dataLocator(StudioSettings settings) {
        return (requested, status) -> {
            MnistSources sources = MnistSources.standard(null).withCacheFolder(settings.cacheFolder().resolve("mnist"));
            if (requested != null) {
                sources = sources.withExplicitFolder(requested, "the MNIST field");
            }
            return new MnistRepository(sources).acquire((file, bytesSoFar, totalBytes) -> status.accept(
                    String.format(Locale.ROOT, "Fetching %s: %.1f MB", file, bytesSoFar / 1e6)));
        };
    }
}
