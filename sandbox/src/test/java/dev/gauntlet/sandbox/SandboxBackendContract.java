package dev.gauntlet.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link SandboxBackend} must do. A backend proves itself by extending this class and giving a
 * backend and an image with a POSIX shell, coreutils and bash.
 */
public abstract class SandboxBackendContract {

    protected final String runId = "test-" + UUID.randomUUID();

    protected abstract SandboxBackend backend();

    protected abstract String image();

    @AfterEach
    void removeThisRunsSandboxes() {
        backend().removeSandboxes(runId);
    }

    protected Sandbox sandbox(boolean network) {
        return backend().create(new SandboxSpec(image(), runId, "t1", network, 1, 256, 64, Map.of("GREETING", "hi"), "/tmp",
            Duration.ofMinutes(5)));
    }

    protected static ExecResult.Completed completed(ExecResult result) {
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

            Path back = dir.resolve("back");
            assertThat(sandbox.copyOut("/opt/deep/tests", back, 1 << 20)).isTrue();
            assertThat(Files.readString(back.resolve("sub/data.txt"))).isEqualTo("h\u00e9llo");
            assertThat(Files.readString(back.resolve("run.sh"))).isEqualTo("echo ran\n");
            assertThat(sandbox.copyOut("/no/such/dir", dir.resolve("none"), 1 << 20)).isFalse();
            Path capped = dir.resolve("capped");
            assertThat(sandbox.copyOut("/opt/deep/tests", capped, 9)).isTrue();
            assertThat(capped.resolve("run.sh")).exists();
            assertThat(capped.resolve("sub/data.txt")).doesNotExist();
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

        assertThat(backend().removeSandboxes(runId)).isZero();
        assertThatThrownBy(() -> sandbox.exec(ExecRequest.of("true", Duration.ofSeconds(5)))).isInstanceOf(SandboxException.class);
    }

}
