package dev.cganstudio.data;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local HTTP server on 127.0.0.1 playing several MNIST mirrors, one per path: good, serving
 * altered content, serving damaged gzip, answering 404, stalling mid-file, or redirecting.
 */
final class FixtureMirror implements AutoCloseable {

    /** Serves the gzipped fixtures. */
    static final String GOOD = "/good/";
    /** Serves valid gzip of content with one byte changed, so the digest differs. */
    static final String ALTERED = "/altered/";
    /** Serves the gzipped fixtures with a byte of the compressed stream flipped. */
    static final String DAMAGED = "/damaged/";
    /** Answers 404 to everything. */
    static final String MISSING = "/missing/";
    /** Sends the headers and a few bytes, then nothing for longer than any test's read timeout. */
    static final String STALLING = "/stalling/";
    /** Redirects every file to the same file under {@link #GOOD}. */
    static final String REDIRECTING = "/redirecting/";

    private static final int HTTP_OK = 200;
    private static final int HTTP_FOUND = 302;
    private static final int HTTP_NOT_FOUND = 404;
    private static final int STALLED_PREFIX_BYTES = 10;
    private static final long STALL_MILLIS = 5_000;

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, byte[]> files;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    FixtureMirror(Map<String, byte[]> files) throws IOException {
        this.files = files;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** Base URL of one of the mirrors, such as {@code base(GOOD)}. */
    URI base(String mirror) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + mirror);
    }

    /** Paths requested so far, in order. */
    List<String> requests() {
        return List.copyOf(requests);
    }

    /** Number of requests to one mirror. */
    long requestsTo(String mirror) {
        return requests.stream().filter(path -> path.startsWith(mirror)).count();
    }

    /** A base URL on which nothing listens, so connecting is refused at once. */
    static URI closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/closed/");
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            requests.add(path);
            String mirror = path.substring(0, path.indexOf('/', 1) + 1);
            String fileName = path.substring(mirror.length());
            byte[] content = files.get(fileName.replace(MnistFiles.GZIP_SUFFIX, ""));
            if (content == null || mirror.equals(MISSING)) {
                exchange.sendResponseHeaders(HTTP_NOT_FOUND, -1);
                return;
            }
            switch (mirror) {
                case GOOD -> send(exchange, IdxFixtures.gzip(content));
                case ALTERED -> send(exchange, IdxFixtures.gzip(IdxFixtures.withByte(content, content.length - 1, 1)));
                case DAMAGED -> send(exchange, flipMiddleByte(IdxFixtures.gzip(content)));
                case STALLING -> stall(exchange, IdxFixtures.gzip(content));
                case REDIRECTING -> {
                    exchange.getResponseHeaders().add("Location", GOOD + fileName);
                    exchange.sendResponseHeaders(HTTP_FOUND, -1);
                }
                default -> exchange.sendResponseHeaders(HTTP_NOT_FOUND, -1);
            }
        }
    }

    private static void send(HttpExchange exchange, byte[] body) throws IOException {
        exchange.sendResponseHeaders(HTTP_OK, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static void stall(HttpExchange exchange, byte[] body) throws IOException {
        exchange.sendResponseHeaders(HTTP_OK, body.length);
        OutputStream out = exchange.getResponseBody();
        out.write(body, 0, STALLED_PREFIX_BYTES);
        out.flush();
        try {
            Thread.sleep(STALL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static byte[] flipMiddleByte(byte[] gzip) {
        int middle = gzip.length / 2;
        return IdxFixtures.withByte(gzip, middle, ~gzip[middle]);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
