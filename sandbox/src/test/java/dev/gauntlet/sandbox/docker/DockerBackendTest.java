package dev.gauntlet.sandbox.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gauntlet.sandbox.ExecRequest;
import dev.gauntlet.sandbox.ExecResult;
import dev.gauntlet.sandbox.ImageSpec;
import dev.gauntlet.sandbox.Sandbox;
import dev.gauntlet.sandbox.SandboxException;
import dev.gauntlet.sandbox.SandboxSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against the real Docker engine that scripts/test starts; the base image is the one it makes. */
class DockerBackendTest {

    static final String IMAGE = "debian:bookworm-slim";
    static DockerBackend backend;
    final String runId = "test-" + UUID.randomUUID();

    @BeforeAll
    static void connect() {
        backend = DockerBackend.connect(null);
    }

    @AfterAll
    static void disconnect() {
        backend.close();
    }

    @AfterEach
    void removeThisRunsSandboxes() {
        backend.removeSandboxes(runId);
    }

    Sandbox sandbox(boolean network) {
        return backend.create(new SandboxSpec(IMAGE, runId, "t1", network, 1, 256, 64, Map.of("GREETING", "hi"), "/tmp",
            Duration.ofMinutes(5)));
    }

    static ExecResult.Completed completed(ExecResult result) {
        assertThat(result).isInstanceOf(ExecResult.Completed.class);
        return (ExecResult.Completed) result;
    }

    @Test
    void runsCommandsWithExitCodeWorkdirEnvAndUser() {
        try (Sandbox sandbox = sandbox(false)) {
            ExecResult.Completed done = completed(sandbox.exec(ExecRequest.of("echo $GREETING $EXTRA; pwd; id -u; exit 3", Duration.ofSeconds(30))
                .withEnv(Map.of("EXTRA", "there"))));
            assertThat(done.exitCode()).isEqualTo(3);
            assertThat(done.output()).isEqualTo("hi there\n/tmp\n0\n");

            ExecResult.Completed other = completed(sandbox.exec(ExecRequest.of("id -un; pwd", Duration.ofSeconds(30))
                .withUser("nobody").withWorkdir("/")));
            assertThat(other.output()).isEqualTo("nobody\n/\n");
        }
    }

    @Test
    void aCommandPastItsTimeoutIsAbandonedAndTheSandboxStillWorks() {
        try (Sandbox sandbox = sandbox(false)) {
            ExecResult result = sandbox.exec(ExecRequest.of("echo started; sleep 30", Duration.ofSeconds(1)));

            assertThat(result).isInstanceOf(ExecResult.TimedOut.class);
            assertThat(result.output()).isEqualTo("started\n");
            assertThat(completed(sandbox.exec(ExecRequest.of("echo alive", Duration.ofSeconds(30)))).output()).isEqualTo("alive\n");
        }
    }

    @Test
    void aCommandReadingStdinGetsEofAndLongOutputIsCapped() {
        try (Sandbox sandbox = sandbox(false)) {
            assertThat(completed(sandbox.exec(ExecRequest.of("cat; echo eof", Duration.ofSeconds(10)))).output()).isEqualTo("eof\n");

            ExecResult.Completed big = completed(sandbox.exec(new ExecRequest("seq 1 100000", Duration.ofSeconds(30), null, null,
                Map.of(), 1000)));
            assertThat(big.output()).startsWith("1\n2\n3\n").endsWith("99999\n100000\n").contains("bytes of output omitted");
            assertThat(big.output().length()).isLessThan(1100);
        }
    }

    @Test
    void copiesDirectoriesInAndReadsFilesBack(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("run.sh"), "echo ran\n");
        dir.resolve("run.sh").toFile().setExecutable(true);
        Files.writeString(dir.resolve("sub/data.txt"), "h\u00e9llo");
        try (Sandbox sandbox = sandbox(false)) {
            sandbox.copyIn(dir, "/opt/deep/tests");

            assertThat(completed(sandbox.exec(ExecRequest.of("/opt/deep/tests/run.sh", Duration.ofSeconds(10)))).output()).isEqualTo("ran\n");
            assertThat(sandbox.readFile("/opt/deep/tests/sub/data.txt", 1000)).hasValueSatisfying(
                bytes -> assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("h\u00e9llo"));
            assertThat(sandbox.readFile("/no/such/file", 1000)).isEmpty();
        }
    }

    @Test
    void sandboxesAreLockedDownByDefault() {
        try (Sandbox sandbox = sandbox(false)) {
            String status = completed(sandbox.exec(ExecRequest.of("grep -E '^(CapEff|NoNewPrivs)' /proc/self/status", Duration.ofSeconds(10)))).output();
            assertThat(status).contains("NoNewPrivs:\t1");
            long caps = Long.parseLong(status.lines().filter(l -> l.startsWith("CapEff")).findFirst().orElseThrow().split("\\s+")[1], 16);
            long netRaw = 1L << 13;
            long sysAdmin = 1L << 21;
            long chown = 1L;
            assertThat(caps & netRaw).isZero();
            assertThat(caps & sysAdmin).isZero();
            assertThat(caps & chown).isNotZero();

            String limits = completed(sandbox.exec(ExecRequest.of(
                "cat /sys/fs/cgroup/memory/memory.limit_in_bytes /sys/fs/cgroup/memory.max /sys/fs/cgroup/pids/pids.max /sys/fs/cgroup/pids.max 2>/dev/null",
                Duration.ofSeconds(10)))).output();
            assertThat(limits).contains(String.valueOf(256L * 1024 * 1024)).contains("64");

            assertThat(completed(sandbox.exec(ExecRequest.of("ls /sys/class/net", Duration.ofSeconds(10)))).output()).isEqualTo("lo\n");
        }
    }

    @Test
    void networkCanBeGivenAndTakenAway() {
        try (Sandbox sandbox = sandbox(false)) {
            sandbox.setNetwork(true);
            assertThat(completed(sandbox.exec(ExecRequest.of("ls /sys/class/net", Duration.ofSeconds(10)))).output()).contains("eth0");
            sandbox.setNetwork(false);
            assertThat(completed(sandbox.exec(ExecRequest.of("ls /sys/class/net", Duration.ofSeconds(10)))).output()).isEqualTo("lo\n");
        }
    }

    @Test
    void closingRemovesTheContainerAndIsIdempotent() {
        Sandbox sandbox = sandbox(false);
        sandbox.close();
        sandbox.close();

        assertThat(backend.removeSandboxes(runId)).isZero();
        assertThatThrownBy(() -> sandbox.exec(ExecRequest.of("true", Duration.ofSeconds(5)))).isInstanceOf(SandboxException.class);
    }

    @Test
    void sandboxesOfDeadProcessesAreReapedAndLiveOnesAreNot() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        DockerBackend crashed = new DockerBackend(DockerClients.connect(null), ProcessOwner.current().replaceAll(":\\d+$", ":" + gone.pid()));
        crashed.create(new SandboxSpec(IMAGE, runId, "orphan", false, 1, 128, 16, Map.of(), null, Duration.ofMinutes(5)));
        Sandbox live = sandbox(false);

        int reaped = backend.removeSandboxes(null);

        assertThat(reaped).isGreaterThanOrEqualTo(1);
        assertThat(completed(live.exec(ExecRequest.of("echo still here", Duration.ofSeconds(10)))).output()).isEqualTo("still here\n");
        assertThat(backend.removeSandboxes(runId)).as("only the live sandbox is left").isEqualTo(1);
        crashed.close();
    }

    @Test
    void buildsAnImageOnceForConcurrentCallersAndTagsItByContentHash(@TempDir Path context) throws Exception {
        String hash = UUID.randomUUID().toString().replace("-", "") + "00000000000000000000000000000000";
        Files.writeString(context.resolve("Dockerfile"), "FROM " + IMAGE + "\nRUN echo " + hash + " > /marker\n");
        ImageSpec spec = ImageSpec.build(context, hash, "test/task", Duration.ofMinutes(5));
        try {
            List<CompletableFuture<String>> calls = List.of(
                CompletableFuture.supplyAsync(() -> backend.ensureImage(spec)),
                CompletableFuture.supplyAsync(() -> backend.ensureImage(spec)));
            String tag = calls.get(0).join();

            assertThat(calls.get(1).join()).isEqualTo(tag).isEqualTo("gauntlet-env:" + hash.substring(0, 16));
            try (Sandbox sandbox = backend.create(new SandboxSpec(tag, runId, "t", false, 1, 128, 16, Map.of(), null, Duration.ofMinutes(5)))) {
                assertThat(completed(sandbox.exec(ExecRequest.of("cat /marker", Duration.ofSeconds(10)))).output()).isEqualTo(hash + "\n");
            }
        } finally {
            new ProcessBuilder("docker", "rmi", "-f", "gauntlet-env:" + hash.substring(0, 16)).start().waitFor();
        }
    }

    @Test
    void aBrokenDockerfileFailsWithTheFileAndTheBuildOutput(@TempDir Path context) throws Exception {
        Files.writeString(context.resolve("Dockerfile"), "FROM " + IMAGE + "\nRUN echo about to fail && exit 7\n");
        ImageSpec spec = ImageSpec.build(context, "f".repeat(64), "test/broken", Duration.ofMinutes(5));

        assertThatThrownBy(() -> backend.ensureImage(spec))
            .isInstanceOf(SandboxException.class)
            .hasMessageContaining("test/broken")
            .hasMessageContaining(context.resolve("Dockerfile").toString())
            .hasMessageContaining("about to fail");
    }

    @Test
    void aMissingImageThatCannotBePulledIsNamed() {
        assertThatThrownBy(() -> backend.ensureImage(new ImageSpec("gauntlet-test/does-not-exist:1", null, null, "t", Duration.ofSeconds(20))))
            .isInstanceOf(SandboxException.class)
            .hasMessageContaining("gauntlet-test/does-not-exist:1");
    }
}
