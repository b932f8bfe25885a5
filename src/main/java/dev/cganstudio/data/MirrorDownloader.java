package dev.cganstudio.data;

import dev.cganstudio.io.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads gzipped MNIST files from a list of mirrors into the cache, trying the next mirror
 * when one fails. A file is cached only once its uncompressed content has the expected SHA-256,
 * and then in one atomic rename. One instance serves one acquisition: a mirror that could not be
 * reached is not asked again for the other files.
 *
 * <p>{@link HttpURLConnection} rather than {@code java.net.http.HttpClient}: its read timeout
 * bounds every wait for body bytes, where HttpClient's only bounds the wait for the headers.
 */
final class MirrorDownloader {

    private static final Logger LOG = LoggerFactory.getLogger(MirrorDownloader.class);

    /** Largest download accepted; the largest MNIST file is 9.9 MB gzipped, 47 MB raw. */
    static final long MAX_DOWNLOAD_BYTES = 64L << 20;
    private static final int MAX_REDIRECTS = 5;
    private static final int HTTP_MULTIPLE_CHOICES = 300;
    private static final int HTTP_BAD_REQUEST = 400;
    private static final int HTTP_NOT_MODIFIED = 304;

    private final List<URI> mirrors;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Set<URI> unreachable = new HashSet<>();

    MirrorDownloader(List<URI> mirrors, Duration connectTimeout, Duration readTimeout) {
        this.mirrors = mirrors;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
    }

    /**
     * Fetches {@code name}.gz from the first mirror serving content with digest {@code sha256} and
     * caches it in {@code cacheFolder}. Failures are recorded in {@code attempts}.
     *
     * @return whether the file is now cached
     */
    boolean fetch(String name, String sha256, Path cacheFolder, DownloadProgress progress,
            SourceAttempts attempts) {
        String remoteName = name + MnistFiles.GZIP_SUFFIX;
        for (URI mirror : mirrors) {
            if (unreachable.contains(mirror)) {
                continue;
            }
            URI url = mirror.resolve(remoteName);
            try {
                LOG.info("Downloading {}", url);
                long bytes = download(url, cacheFolder.resolve(remoteName), sha256, progress);
                LOG.info("Verified and cached {} ({} bytes from {})", remoteName, bytes, mirror);
                return true;
            } catch (SourceRefusedException e) {
                LOG.warn("Mirror {} refused for {}: {}", mirror, remoteName, e.getMessage());
                attempts.failed(mirror.toString(), remoteName + ": " + e.getMessage());
            } catch (IOException e) {
                unreachable.add(mirror);
                LOG.warn("Mirror {} failed for {}: {}", mirror, remoteName, SourceAttempts.describe(e));
                attempts.failed(mirror.toString(), remoteName + ": " + SourceAttempts.describe(e)
                        + " (not asked again)");
            }
        }
        return false;
    }

    private long download(URI url, Path target, String sha256, DownloadProgress progress) throws IOException {
        HttpURLConnection connection = open(url);
        try {
            long total = connection.getContentLengthLong();
            if (total > MAX_DOWNLOAD_BYTES) {
                throw new SourceRefusedException("expected at most " + MAX_DOWNLOAD_BYTES
                        + " bytes, found a length of " + total + "; not cached");
            }
            String fileName = target.getFileName().toString();
            long[] received = new long[1];
            AtomicFiles.writePath(target, temporary -> {
                try (InputStream in = connection.getInputStream();
                        OutputStream out = Files.newOutputStream(temporary)) {
                    received[0] = copy(in, out, fileName, total, progress);
                }
                verify(temporary, sha256);
            });
            return received[0];
        } finally {
            connection.disconnect();
        }
    }

    /** Connects and follows redirects, but never from https down to http. */
    private HttpURLConnection open(URI url) throws IOException {
        URI current = url;
        for (int redirect = 0; redirect <= MAX_REDIRECTS; redirect++) {
            HttpURLConnection connection = (HttpURLConnection) current.toURL().openConnection();
            connection.setConnectTimeout(Math.toIntExact(connectTimeout.toMillis()));
            connection.setReadTimeout(Math.toIntExact(readTimeout.toMillis()));
            connection.setInstanceFollowRedirects(false);
            connection.setUseCaches(false);
            int status = connection.getResponseCode();
            if (status == HttpURLConnection.HTTP_OK) {
                return connection;
            }
            String location = connection.getHeaderField("Location");
            String reason = connection.getResponseMessage();
            connection.disconnect();
            if (!isRedirect(status) || location == null) {
                String found = reason == null ? String.valueOf(status) : status + " " + reason;
                throw new SourceRefusedException("expected HTTP 200, found HTTP " + found);
            }
            URI next = current.resolve(location);
            if ("https".equals(current.getScheme()) && !"https".equals(next.getScheme())) {
                throw new SourceRefusedException("expected a redirect to https, found one to " + next);
            }
            current = next;
        }
        throw new SourceRefusedException("expected at most " + MAX_REDIRECTS + " redirects, found more");
    }

    private static boolean isRedirect(int status) {
        return status >= HTTP_MULTIPLE_CHOICES && status < HTTP_BAD_REQUEST && status != HTTP_NOT_MODIFIED;
    }

    private static long copy(InputStream in, OutputStream out, String fileName, long total, DownloadProgress progress)
            throws IOException {
        byte[] buffer = new byte[Gzip.BUFFER_BYTES];
        long received = 0;
        progress.onProgress(fileName, received, total);
        int read;
        while ((read = in.read(buffer)) >= 0) {
            received += read;
            if (received > MAX_DOWNLOAD_BYTES) {
                throw new SourceRefusedException("expected at most " + MAX_DOWNLOAD_BYTES
                        + " bytes, found more; not cached");
            }
            out.write(buffer, 0, read);
            progress.onProgress(fileName, received, total);
        }
        if (total >= 0 && received != total) {
            throw new IOException("expected " + total + " bytes as announced, found " + received);
        }
        return received;
    }

    private static void verify(Path temporary, String sha256) throws IOException {
        try {
            ContentDigest.requireSha256(temporary, sha256, MnistRepository.MAX_CONTENT_BYTES);
        } catch (IdxFormatException e) {
            throw SourceRefusedException.of(e, temporary);
        }
    }
}
