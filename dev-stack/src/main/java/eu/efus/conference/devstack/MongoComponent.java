package eu.efus.conference.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/** mongo-java-server with the H2 (MVStore) file backend: MongoDB wire protocol, data kept on disk. */
public final class MongoComponent implements AutoCloseable {

    private final H2Backend backend;
    private final MongoServer server;

    private MongoComponent(H2Backend backend, MongoServer server) {
        this.backend = backend;
        this.server = server;
    }

    /** Opens (or creates) {@code file} and listens on {@code host:port}. */
    public static MongoComponent start(Path file, String host, int port) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        H2Backend backend = new H2Backend(file.toAbsolutePath().toString());
        MongoServer server = new MongoServer(backend);
        try {
            server.bind(host, port);
        } catch (RuntimeException e) {
            backend.close();
            throw e;
        }
        return new MongoComponent(backend, server);
    }

    public int port() {
        return server.getLocalAddress().getPort();
    }

    /** Closes client connections and the H2 store (which flushes it to disk). */
    @Override
    public void close() {
        try {
            server.shutdownNow();
        } finally {
            backend.close();
        }
    }
}
