package dev.gauntlet.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gauntlet.sandbox.ExecRequest;
import dev.gauntlet.sandbox.ExecResult;
import dev.gauntlet.sandbox.Sandbox;
import dev.gauntlet.sandbox.SandboxException;
import dev.gauntlet.sandbox.SandboxLabels;
import dev.gauntlet.sandbox.SandboxNetwork;
import dev.gauntlet.sandbox.SandboxSpec;
import dev.gauntlet.sandbox.docker.DockerBackend;
import dev.gauntlet.sandbox.docker.DockerHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Docker engine reached with TLS: the second engine {@code scripts/second-engine.sh} starts listens at
 * {@code tcp://127.0.0.1:23760} and verifies clients against a CA of its own. Sandboxes there work as on a local
 * socket (the attached first shell, exec shells of other users, copies), and every way TLS can go wrong says so.
 */
class TlsEngineIT {

    private static final Path SCRIPT = Path.of("../scripts/second-engine.sh");
    private static final String IMAGE = "debian:bookworm-slim";
    private static boolean startedHere;
    private static String socket;
    private static String url;
    private static Path certs;

    @BeforeAll
    static void startSecondEngine() {
        socket = Docker.run("bash", SCRIPT.toString(), "host").getLast();
        startedHere = !answers(socket);
        Docker.run("bash", SCRIPT.toString(), "start");
        String[] tls = Docker.run("bash", SCRIPT.toString(), "tls").getLast().split(" ");
        url = tls[0];
        certs = Path.of(tls[1]);
    }

    @AfterAll
    static void stopSecondEngine() {
        if (startedHere) {
            Docker.run("bash", SCRIPT.toString(), "stop");
        }
    }

    @Test
    void sandboxesOnATlsEngineRunShellsOfSeveralUsersAndCopyFiles(@TempDir Path tmp) throws Exception {
        String runId = "tls-it-" + UUID.randomUUID();
        try (DockerBackend backend = DockerBackend.connect(new DockerHost(url, certs))) {
            assertThat(backend.host()).isEqualTo(url);
            try (Sandbox sandbox = backend.create(new SandboxSpec(IMAGE, runId, "tls", SandboxNetwork.NONE, 1, 256, 64, Map.of(),
                null, Duration.ofMinutes(10)))) {
                // the default user's session is the attached first shell: state persists between commands
                assertThat(output(sandbox.exec(ExecRequest.of("cd /tmp && export GREETING=hello", Duration.ofSeconds(30))))).isEmpty();
                assertThat(output(sandbox.exec(ExecRequest.of("echo \"$GREETING from $(pwd) as $(id -un)\"; echo to stderr >&2",
                    Duration.ofSeconds(30))))).isEqualTo("hello from /tmp as root\nto stderr\n");
                // another user's session is an exec
                assertThat(output(sandbox.exec(ExecRequest.of("id -un", Duration.ofSeconds(30)).withUser("nobody")))).isEqualTo("nobody\n");
                // more output than a TLS record holds, in many frames
                assertThat(output(sandbox.exec(new ExecRequest("head -c 300000 /dev/zero | tr '\\0' x; echo", Duration.ofSeconds(30),
                    null, null, Map.of(), 1_000_000)))).hasSize(300_001);
                // a command past its timeout is killed by a housekeeping exec, and the shell lives on
                assertThat(sandbox.exec(ExecRequest.of("sleep 60", Duration.ofSeconds(1)))).isInstanceOf(ExecResult.TimedOut.class);
                assertThat(output(sandbox.exec(ExecRequest.of("echo $GREETING", Duration.ofSeconds(30))))).isEqualTo("hello\n");

                Path in = Files.createDirectories(tmp.resolve("in"));
                Files.writeString(in.resolve("note.txt"), "over TLS\n");
                sandbox.copyIn(in, "/work");
                assertThat(output(sandbox.exec(ExecRequest.of("cat /work/note.txt && echo again >> /work/note.txt", Duration.ofSeconds(30)))))
                    .isEqualTo("over TLS\n");
                Path out = Files.createDirectories(tmp.resolve("out"));
                assertThat(sandbox.copyOut("/work/note.txt", out, 1 << 20)).isTrue();
                try (var files = Files.walk(out)) {
                    Path copied = files.filter(p -> p.getFileName().toString().equals("note.txt")).findFirst().orElseThrow();
                    assertThat(Files.readString(copied)).isEqualTo("over TLS\nagain\n");
                }
            }
        }
        assertThat(Docker.run("docker", "-H", socket, "ps", "-aq", "--filter", "label=" + SandboxLabels.RUN + "=" + runId)).isEmpty();
    }

    @Test
    void theCliReachesATlsEngineAsTheEnvironmentSays(@TempDir Path tmp) throws Exception {
        String runId = leaveASandbox();

        String printed = cleanup(tmp, runId, url, Map.of("DOCKER_TLS_VERIFY", "1", "DOCKER_CERT_PATH", certs.toString()));

        assertThat(printed).contains("Removed 1 sandbox(es) of " + runId);
        assertThat(Docker.run("docker", "-H", socket, "ps", "-aq", "--filter", "label=" + SandboxLabels.RUN + "=" + runId)).isEmpty();
    }

    @Test
    void theCliReachesATlsEngineWithTheDirectoryItsEntryGives(@TempDir Path tmp) throws Exception {
        String runId = leaveASandbox();

        String printed = cleanup(tmp, runId, url + ",tls=" + certs, Map.of());

        assertThat(printed).contains("Removed 1 sandbox(es) of " + runId);
        assertThat(Docker.run("docker", "-H", socket, "ps", "-aq", "--filter", "label=" + SandboxLabels.RUN + "=" + runId)).isEmpty();
    }

    /** A sandbox of a run of its own, whose id it returns, left on the engine for the CLI to remove. */
    private static String leaveASandbox() {
        String runId = "tls-it-" + UUID.randomUUID();
        try (DockerBackend backend = DockerBackend.connect(new DockerHost(url, certs))) {
            backend.create(new SandboxSpec(IMAGE, runId, "cli", SandboxNetwork.NONE, 1, 128, 16, Map.of(), null, Duration.ofMinutes(10)));
        }
        return runId;
    }

    /** {@code gauntlet cleanup --run RUN_ID --docker-host ENTRY} from the packaged jar; returns what it printed. */
    private static String cleanup(Path tmp, String runId, String entry, Map<String, String> env) throws Exception {
        Path output = tmp.resolve("output.txt");
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
            "--enable-native-access=ALL-UNNAMED", "-jar", CliIT.JAR.toString(), "cleanup", "--run", runId, "--docker-host", entry));
        ProcessBuilder cli = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        cli.environment().remove("DOCKER_TLS_VERIFY");
        cli.environment().remove("DOCKER_CERT_PATH");
        cli.environment().putAll(env);
        int exit = cli.start().waitFor();
        String printed = Files.readString(output);
        assertThat(exit).as(printed).isZero();
        return printed;
    }

    @Test
    void aCertificateDirectoryWithoutKeyPemIsRefusedNamingTheFile(@TempDir Path tmp) throws Exception {
        Path partial = Files.createDirectories(tmp.resolve("partial"));
        Files.copy(certs.resolve("ca.pem"), partial.resolve("ca.pem"));
        Files.copy(certs.resolve("cert.pem"), partial.resolve("cert.pem"));

        assertThatThrownBy(() -> DockerBackend.connect(new DockerHost(url, partial)))
            .isInstanceOf(SandboxException.class)
            .hasMessageContaining(url)
            .hasMessageContaining("has no " + partial.resolve("key.pem"))
            .hasMessageContaining("ca.pem").hasMessageContaining("cert.pem");
        assertThatThrownBy(() -> DockerBackend.connect(new DockerHost(url, tmp.resolve("nowhere"))))
            .hasMessageContaining(tmp.resolve("nowhere") + " for the Docker engine at " + url + " does not exist");
    }

    @Test
    void anEngineWhoseCertificateAnotherCaSignedIsRefusedNamingItsAddress(@TempDir Path tmp) throws Exception {
        Path other = otherCa(tmp);

        assertThatThrownBy(() -> DockerBackend.connect(new DockerHost(url, other)))
            .isInstanceOf(SandboxException.class)
            .hasMessageContaining("the certificate of the Docker engine at " + url + " does not verify")
            .hasMessageContaining("not signed by the CA in " + other.resolve("ca.pem"));
    }

    @Test
    void aClientCertificateAnotherCaSignedIsRefusedByTheEngine(@TempDir Path tmp) throws Exception {
        Path other = otherCa(tmp);
        Files.copy(certs.resolve("ca.pem"), other.resolve("ca.pem"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        assertThatThrownBy(() -> DockerBackend.connect(new DockerHost(url, other)))
            .isInstanceOf(SandboxException.class)
            .hasMessageContaining("the Docker engine at " + url)
            .hasMessageContaining("this client's certificate " + other.resolve("cert.pem"));
    }

    @Test
    void anAddressTheEnginesCertificateDoesNotNameIsRefused() {
        String elsewhere = url.replace("127.0.0.1", "127.0.0.2"); // the engine listens there too

        assertThatThrownBy(() -> DockerBackend.connect(new DockerHost(elsewhere, certs)))
            .isInstanceOf(SandboxException.class)
            .hasMessageContaining("the certificate of the Docker engine at " + elsewhere + " does not verify: it is not made out to");
    }

    @Test
    void aTlsEngineReachedWithoutTlsSaysSo() {
        assertThatThrownBy(() -> DockerBackend.connect(DockerHost.of(url)))
            .isInstanceOf(SandboxException.class)
            .hasMessageContaining("the Docker engine at " + url + " speaks TLS and was reached without it");
    }

    /** A directory like the engine's client one, but of a CA the engine does not know. */
    private static Path otherCa(Path tmp) {
        Path dir = tmp.resolve("other-ca");
        String script = "set -e; mkdir -p \"$1\"; cd \"$1\"; "
            + "openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=another-ca -keyout ca-key.pem -out ca.pem; "
            + "openssl req -newkey rsa:2048 -nodes -subj /CN=client -keyout key.pem -out client.csr; "
            + "openssl x509 -req -in client.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial -days 1 -out cert.pem";
        Docker.run("bash", "-c", script, "other-ca", dir.toString());
        return dir;
    }

    private static String output(ExecResult result) {
        assertThat(result).isInstanceOf(ExecResult.Completed.class);
        ExecResult.Completed done = (ExecResult.Completed) result;
        assertThat(done.exitCode()).as(done.output()).isZero();
        return done.output();
    }

    private static boolean answers(String host) {
        try {
            Docker.run("docker", "-H", host, "info");
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }
}
