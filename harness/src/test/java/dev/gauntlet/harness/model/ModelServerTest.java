package dev.gauntlet.harness.model;

import static dev.gauntlet.harness.model.FakeModelServer.await;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** One Vert.x per test class, and per test a fresh {@link FakeModelServer} and a client of it. */
abstract class ModelServerTest<C extends ModelClient> {

    static Vertx vertx;
    FakeModelServer server;
    C client;

    /** The client each test starts with, talking to {@link #server}. */
    abstract C newClient();

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() throws Exception {
        await(vertx.close());
    }

    @BeforeEach
    void start() throws Exception {
        server = new FakeModelServer(vertx);
        client = newClient();
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        server.close();
    }
}
