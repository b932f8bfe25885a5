package dev.cganstudio.ui;

import dev.cganstudio.model.ModelKind;
import javafx.application.Platform;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;

/** The menus: quitting, and loading and saving each kind of network and checkpoint. */
final class StudioMenuBar extends MenuBar {

    StudioMenuBar(ModelShelf shelf) {
        Menu file = new Menu("File");
        MenuItem quit = new MenuItem("Quit");
        quit.setOnAction(event -> Platform.exit());
        file.getItems().add(quit);

        Menu models = new Menu("Models");
        models.setId("models-menu");
        for (ModelKind kind : ModelKind.values()) {
            models.getItems().add(item("Load " + kind.displayName() + "…", "load-" + kind.displayName(),
                    () -> shelf.load(kind)));
        }
        models.getItems().add(item("Load checkpoint…", "load-checkpoint", shelf::loadCheckpoint));
        models.getItems().add(new SeparatorMenuItem());
        for (ModelKind kind : ModelKind.values()) {
            models.getItems().add(item("Save " + kind.displayName() + "…", "save-" + kind.displayName(),
                    () -> shelf.save(kind)));
        }
        models.getItems().add(item("Save checkpoint…", "save-checkpoint", shelf::saveCheckpoint));
        getMenus().addAll(file, models);
    }

    private static MenuItem item(String text, String id, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setOnAction(event -> action.run());
        return item;
    }
}
