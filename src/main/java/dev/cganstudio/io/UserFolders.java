package dev.cganstudio.io;

import java.nio.file.Path;
import java.util.Map;

/**
 * The per-user folders cGAN Studio keeps things in between runs (MNIST, the trained judge):
 * {@code $CGAN_CACHE_DIR}, else {@code $XDG_CACHE_HOME/cgan-studio}, else
 * {@code ~/.cache/cgan-studio}, as the XDG base directory specification asks.
 */
public final class UserFolders {

    /** Environment variable that overrides the cache folder. */
    public static final String CACHE_VARIABLE = "CGAN_CACHE_DIR";
    private static final String APPLICATION = "cgan-studio";

    private UserFolders() {
    }

    /** The cache folder for this user and environment. */
    public static Path cache() {
        return cache(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    static Path cache(Map<String, String> environment, Path home) {
        String explicit = environment.get(CACHE_VARIABLE);
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = environment.get("XDG_CACHE_HOME");
        // The XDG specification says a relative path in these variables is invalid and must be ignored.
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg).resolve(APPLICATION);
        }
        return home.resolve(".cache").resolve(APPLICATION);
    }
}
