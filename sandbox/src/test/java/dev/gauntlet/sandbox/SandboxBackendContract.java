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
        return backend().create(new SandboxSpec(image(), runId, "t1", network ? SandboxNetwork.ON : SandboxNetwork.OFF, 1, 256, 64, Map.of("GREETING", "hi"), "/tmp",
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
            assertThat(result.output()).startsWith("started\n");
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
    void copiesBinaryFilesInByteForByte(@TempDir Path dir) throws Exception {
        byte[] blob = {0, 1, 2, (byte) 0xff, '\n', (byte) 0xc3};
        Files.write(dir.resolve("blob.bin"), blob);
        Files.writeString(dir.resolve("it's text.txt"), "quote ' and $HOME stay\n");
        try (Sandbox sandbox = sandbox(false)) {
            sandbox.copyIn(dir, "/opt/bin-tests");

            assertThat(sandbox.readFile("/opt/bin-tests/blob.bin", 1000)).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(blob));
            assertThat(sandbox.readFile("/opt/bin-tests/it's text.txt", 1000)).hasValueSatisfying(
                bytes -> assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("quote ' and $HOME stay\n"));
        }
    }

    @Test
    void copiesDirectoriesInAndReadsFilesBack(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("run.sh"), "echo ran\n");
        dir.resolve("run.sh").toFile().setExecutable(true);
        Files.writeString(dir.resolve("sub/data.txt"), "h\u00e9llo");
        Files.writeString(dir.resolve("sub/quotes.txt"), "it's '$HOME' \\n `x`");
        try (Sandbox sandbox = sandbox(false)) {
            sandbox.copyIn(dir, "/opt/deep/tests");
            assertThat(completed(sandbox.exec(ExecRequest.of("cat /opt/deep/tests/sub/quotes.txt; stat -c %a /opt/deep/tests/run.sh "
                + "/opt/deep/tests/sub/data.txt /opt/deep/tests/sub", Duration.ofSeconds(10)))).output())
                .isEqualTo("it's '$HOME' \\n `x`755\n644\n755\n");

            assertThat(completed(sandbox.exec(ExecRequest.of("/opt/deep/tests/run.sh", Duration.ofSeconds(10)))).output()).isEqualTo("ran\n");
            assertThat(completed(sandbox.exec(ExecRequest.of("false; echo $-; umask", Duration.ofSeconds(10)).withUser("0"))).output())
                .as("the root shell's options and umask are as before the copy").doesNotContain("e").endsWith("0022\n");
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
    void aSandboxMadeWithoutNetworkStillHasLoopbackAndLocalhostButCannotBeConnected() {
        try (Sandbox sandbox = backend().create(new SandboxSpec(image(), runId, "t1", SandboxNetwork.NONE, 1, 256, 64, Map.of(), null,
                Duration.ofMinutes(5)))) {
            assertThat(completed(sandbox.exec(ExecRequest.of("ls /sys/class/net; getent hosts localhost | head -1",
                Duration.ofSeconds(10)))).output()).startsWith("lo\n").contains("localhost");

            assertThatThrownBy(() -> sandbox.setNetwork(true)).isInstanceOf(SandboxException.class).hasMessageContaining("without network");
            sandbox.setNetwork(false);
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


    @Test
    void aSessionKeepsItsWorkingDirectoryAndVariablesLikeATerminal() {
        try (Sandbox sandbox = sandbox(false)) {
            completed(sandbox.exec(ExecRequest.of("mkdir -p /work/here && cd /work/here && export COLOR=blue", Duration.ofSeconds(10))));

            assertThat(completed(sandbox.exec(ExecRequest.of("pwd; echo $COLOR", Duration.ofSeconds(10)))).output())
                .isEqualTo("/work/here\nblue\n");
            assertThat(completed(sandbox.exec(ExecRequest.of("pwd; echo ${X:-unset}", Duration.ofSeconds(10))
                .withWorkdir("/").withEnv(Map.of("X", "it's scoped")))).output()).isEqualTo("/\nit's scoped\n");
            assertThat(completed(sandbox.exec(ExecRequest.of("pwd; echo ${X:-unset}", Duration.ofSeconds(10)))).output())
                .as("a request's own workdir and variables do not stick").isEqualTo("/work/here\nunset\n");
        }
    }

    @Test
    void quotesSyntaxErrorsAndBinaryOutputDoNotBreakTheSession() {
        try (Sandbox sandbox = sandbox(false)) {
            assertThat(completed(sandbox.exec(ExecRequest.of("echo \"it's\" 'a \"test\"'", Duration.ofSeconds(10)))).output())
                .isEqualTo("it's a \"test\"\n");
            ExecResult.Completed broken = completed(sandbox.exec(ExecRequest.of("if then fi (", Duration.ofSeconds(10))));
            assertThat(broken.exitCode()).isEqualTo(2);
            assertThat(broken.output()).contains("syntax error");
            ExecResult.Completed binary = completed(sandbox.exec(ExecRequest.of("head -c 100000 /dev/urandom; echo; echo end", Duration.ofSeconds(10))));
            assertThat(binary.exitCode()).isZero();
            assertThat(binary.output()).endsWith("\nend\n");
            assertThat(completed(sandbox.exec(ExecRequest.of("printf 'no newline'", Duration.ofSeconds(10)))).output()).isEqualTo("no newline");
        }
    }

    @Test
    void aShellThatExitsIsReportedAndReplaced() {
        try (Sandbox sandbox = sandbox(false)) {
            completed(sandbox.exec(ExecRequest.of("cd /etc", Duration.ofSeconds(10))));
            ExecResult.Completed exited = completed(sandbox.exec(ExecRequest.of("echo bye; exit 7", Duration.ofSeconds(10))));

            assertThat(exited.exitCode()).isEqualTo(7);
            assertThat(exited.output()).startsWith("bye\n").contains("a new shell was started");
            assertThat(completed(sandbox.exec(ExecRequest.of("echo back; pwd", Duration.ofSeconds(10)))).output()).isEqualTo("back\n/tmp\n");
            completed(sandbox.exec(ExecRequest.of("kill -9 $$", Duration.ofSeconds(10))));
            assertThat(completed(sandbox.exec(ExecRequest.of("echo again", Duration.ofSeconds(10)))).output()).isEqualTo("again\n");
        }
    }

    @Test
    void aTimeoutKillsTheWholeCommandTreeButABusyShellIsReplaced() {
        try (Sandbox sandbox = sandbox(false)) {
            assertThat(sandbox.exec(ExecRequest.of("sh -c 'sleep 100 & sleep 100; wait'", Duration.ofSeconds(1))))
                .isInstanceOf(ExecResult.TimedOut.class);
            assertThat(completed(sandbox.exec(ExecRequest.of("cat /proc/[0-9]*/comm | grep -c '^sleep$'", Duration.ofSeconds(10)))).output())
                .as("only the sandbox's own first process sleeps on").isEqualTo("1\n");
            assertThat(sandbox.exec(ExecRequest.of("while :; do :; done", Duration.ofSeconds(1)))).isInstanceOf(ExecResult.TimedOut.class);
            assertThat(completed(sandbox.exec(ExecRequest.of("echo usable", Duration.ofSeconds(10)))).output()).isEqualTo("usable\n");
        }
    }

    @Test
    void stopProcessesLeavesNothingRunningButTheSandboxItself() {
        try (Sandbox sandbox = sandbox(false)) {
            completed(sandbox.exec(ExecRequest.of("nohup sh -c 'sleep 300' >/dev/null 2>&1 &", Duration.ofSeconds(10))));
            completed(sandbox.exec(ExecRequest.of("cd /etc", Duration.ofSeconds(10)).withUser("nobody")));
            completed(sandbox.exec(ExecRequest.of("cd /var; export LEFT_BY_AGENT=1", Duration.ofSeconds(10))));
            assertThat(completed(sandbox.exec(ExecRequest.of("grep -l 'sleep 30[0]' /proc/[0-9]*/cmdline 2>/dev/null | wc -l", Duration.ofSeconds(10)))).output())
                .isNotEqualTo("0\n");

            sandbox.stopProcesses();

            assertThat(completed(sandbox.exec(ExecRequest.of("grep -l 'sleep 30[0]' /proc/[0-9]*/cmdline 2>/dev/null | wc -l", Duration.ofSeconds(10)))).output())
                .isEqualTo("0\n");
            assertThat(completed(sandbox.exec(ExecRequest.of("pwd", Duration.ofSeconds(10)).withUser("nobody"))).output())
                .as("a new shell for the next command").isEqualTo("/tmp\n");
            assertThat(completed(sandbox.exec(ExecRequest.of("pwd; echo ${LEFT_BY_AGENT:-unset}", Duration.ofSeconds(10)))).output())
                .as("nothing of the earlier default shell survives").isEqualTo("/tmp\nunset\n");
        }
    }

    @Test
    void aSnapshotRestoresTheFilesystemInNewSandboxes() {
        String name = "contract-" + UUID.randomUUID();
        try (Sandbox sandbox = sandbox(false)) {
            completed(sandbox.exec(ExecRequest.of("echo saved > /tmp/state; cd /tmp", Duration.ofSeconds(10))));
            String reference = sandbox.snapshot(name);
            try (Sandbox restored = backend().create(new SandboxSpec(reference, runId, "t2", SandboxNetwork.NONE, 1, 256, 64, Map.of(), null,
                    Duration.ofMinutes(5)))) {
                assertThat(completed(restored.exec(ExecRequest.of("cat /tmp/state", Duration.ofSeconds(10)))).output()).isEqualTo("saved\n");
            }
        } finally {
            backend().removeSnapshot(name);
        }
        assertThat(backend().imageId("gauntlet-snap:" + name)).isEmpty();
    }

    @Test
    void aPoolHandsOutWarmSandboxesEachToOneCallerAndDrainsOnClose() throws Exception {
        LiveSandboxes live = new LiveSandboxes(3);
        SandboxSpec spec = new SandboxSpec(image(), runId, "pool", SandboxNetwork.NONE, 1, 256, 64, Map.of(), null, Duration.ofMinutes(5));
        java.util.Set<String> seen = new java.util.HashSet<>();
        try (SandboxPool pool = new SandboxPool(backend(), spec, live, 2)) {
            awaitReady(pool, 2);
            assertThat(live.inUse()).isEqualTo(2);
            Sandbox first = pool.acquire();
            Sandbox second = pool.acquire();
            seen.add(first.id());
            seen.add(second.id());
            assertThat(seen).hasSize(2);
            awaitReady(pool, 1);
            assertThat(live.inUse()).as("the limit holds: two in use, one warm").isEqualTo(3);
            completed(first.exec(ExecRequest.of("touch /tmp/mine", Duration.ofSeconds(10))));
            first.close();
            second.close();
            awaitReady(pool, 2);
            Sandbox third = pool.acquire();
            assertThat(seen).doesNotContain(third.id());
            assertThat(completed(third.exec(ExecRequest.of("ls /tmp/mine 2>&1; true", Duration.ofSeconds(10)))).output())
                .contains("No such file");
            third.close();
        }
        assertThat(live.inUse()).isZero();
        assertThat(backend().removeSandboxes(runId)).as("closing the pool removed the warm ones").isZero();
    }

    @Test
    void aCrowdOfCallersTakesTheSandboxesOnTheWayInsteadOfMakingMore() throws Exception {
        LiveSandboxes live = new LiveSandboxes(6);
        SandboxSpec spec = new SandboxSpec(image(), runId, "pool", SandboxNetwork.NONE, 1, 256, 64, Map.of(), null, Duration.ofMinutes(5));
        java.util.List<Sandbox> taken = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        try (SandboxPool pool = new SandboxPool(backend(), spec, live, 3)) {
            // three are on the way and hold three of the six permits; six callers at once must share them, not wait
            // for permits the warm ones hold, nor make sandboxes nobody takes
            try (var callers = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
                java.util.List<java.util.concurrent.Future<?>> calls = new java.util.ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    calls.add(callers.submit(() -> taken.add(pool.acquire())));
                }
                for (java.util.concurrent.Future<?> call : calls) {
                    call.get(2, java.util.concurrent.TimeUnit.MINUTES);
                }
            }
            assertThat(taken).extracting(Sandbox::id).doesNotHaveDuplicates().hasSize(6);
            assertThat(live.inUse()).isEqualTo(6);
        } finally {
            taken.forEach(Sandbox::close);
        }
        assertThat(live.inUse()).isZero();
        assertThat(backend().removeSandboxes(runId)).as("nothing made beyond what was taken is left").isZero();
    }

    private static void awaitReady(SandboxPool pool, int count) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (pool.ready() < count && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertThat(pool.ready()).isGreaterThanOrEqualTo(count);
    }

    @Test
    void hugeOutputIsCappedWithoutHoldingItAll() {
        try (Sandbox sandbox = sandbox(false)) {
            ExecResult.Completed huge = completed(sandbox.exec(new ExecRequest(
                "head -c 50000000 /dev/zero | tr '\\0' x; echo; echo tail-marker", Duration.ofSeconds(60), null, null, Map.of(), 4096)));

            assertThat(huge.exitCode()).isZero();
            assertThat(huge.output()).startsWith("xxxx").endsWith("tail-marker\n").contains("bytes of output omitted");
            assertThat(huge.output().length()).isLessThan(4200);
            assertThat(completed(sandbox.exec(ExecRequest.of("echo next", Duration.ofSeconds(10)))).output()).isEqualTo("next\n");
        }
    }
}
