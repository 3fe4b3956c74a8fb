package dev.gauntlet.sandbox.docker;

import dev.gauntlet.sandbox.SandboxBackendContract;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The whole sandbox contract against an engine reached with TLS: the second engine {@code scripts/second-engine.sh}
 * starts, at its TLS address with its client certificates. Every session, exec and copy goes over TLS.
 */
class TlsDockerBackendIT extends SandboxBackendContract {

    private static final String SCRIPT = "../scripts/second-engine.sh";
    private static boolean startedHere;
    private static DockerBackend backend;

    @Override
    protected DockerBackend backend() {
        return backend;
    }

    @Override
    protected String image() {
        return DockerBackendTest.IMAGE;
    }

    @BeforeAll
    static void connect() throws Exception {
        startedHere = !answers(script("host").getLast());
        script("start");
        String[] tls = script("tls").getLast().split(" ");
        backend = DockerBackend.connect(new DockerHost(tls[0], Path.of(tls[1])));
    }

    @AfterAll
    static void disconnect() throws Exception {
        if (backend != null) {
            backend.close();
        }
        if (startedHere) {
            script("stop");
        }
    }

    private static boolean answers(String socket) throws Exception {
        return new ProcessBuilder("docker", "-H", socket, "info").redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0;
    }

    private static List<String> script(String action) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", SCRIPT, action).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(SCRIPT + " " + action + " failed: " + out);
        }
        return out.lines().filter(l -> !l.isBlank()).toList();
    }
}
