package dev.gauntlet.sandbox.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gauntlet.sandbox.ExecRequest;
import dev.gauntlet.sandbox.ExecResult;
import dev.gauntlet.sandbox.ImageSpec;
import dev.gauntlet.sandbox.Sandbox;
import dev.gauntlet.sandbox.SandboxBackendContract;
import dev.gauntlet.sandbox.SandboxException;
import dev.gauntlet.sandbox.SandboxNetwork;
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
class DockerBackendTest extends SandboxBackendContract {

    static final String IMAGE = "debian:bookworm-slim";
    static DockerBackend backend;

    @Override
    protected DockerBackend backend() {
        return backend;
    }

    @Override
    protected String image() {
        return IMAGE;
    }

    @BeforeAll
    static void connect() {
        backend = DockerBackend.connect(DockerHost.fromEnvironment());
    }

    @AfterAll
    static void disconnect() {
        backend.close();
    }

    @Test
    void sandboxesOfDeadProcessesAreReapedAndLiveOnesAreNot() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        DockerBackend crashed = new DockerBackend(DockerClients.connect(DockerHost.fromEnvironment()), ProcessOwner.current().replaceAll(":\\d+$", ":" + gone.pid()));
        crashed.create(new SandboxSpec(IMAGE, runId, "orphan", SandboxNetwork.NONE, 1, 128, 16, Map.of(), null, Duration.ofMinutes(5)));
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
            try (Sandbox sandbox = backend.create(new SandboxSpec(tag, runId, "t", SandboxNetwork.NONE, 1, 128, 16, Map.of(), null, Duration.ofMinutes(5)))) {
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

    @Test
    void aContainerKilledFromOutsideEndsTheCommandWithASandboxError() throws Exception {
        try (Sandbox sandbox = sandbox(false)) {
            completed(sandbox.exec(ExecRequest.of("true", Duration.ofSeconds(10))));
            CompletableFuture<ExecResult> running = CompletableFuture.supplyAsync(
                () -> sandbox.exec(ExecRequest.of("sleep 60", Duration.ofSeconds(90))));
            Thread.sleep(500);
            new ProcessBuilder("docker", "kill", sandbox.id()).start().waitFor();

            assertThatThrownBy(() -> running.get(30, java.util.concurrent.TimeUnit.SECONDS))
                .hasCauseInstanceOf(SandboxException.class)
                .hasMessageContaining("is gone: it exited with exit code 137");
        }
    }

    /**
     * Snapshot collection is engine-wide: snapshots that existed before (other runs' task snapshots) are named as
     * kept, so only this test's own are collected.
     */
    @Test
    void snapshotsPastTheSizeBudgetAreRemovedOldestFirstAndKeptOnesStay() throws Exception {
        String older = "budget-old-" + UUID.randomUUID();
        String newer = "budget-new-" + UUID.randomUUID();
        java.util.Set<String> others = new java.util.HashSet<>(List.of(new String(new ProcessBuilder("docker", "images", "gauntlet-snap",
            "--format", "{{.Repository}}:{{.Tag}}").start().getInputStream().readAllBytes()).strip().split("\n")));
        try (Sandbox sandbox = sandbox(false)) {
            sandbox.snapshot(older);
            Thread.sleep(1100); // image creation times have one-second resolution
            sandbox.snapshot(newer);
        }
        try {
            assertThat(backend.removeSnapshots(Duration.ofDays(7), Long.MAX_VALUE, others)).isZero();
            long oneImage = Long.parseLong(String.join("", new String(new ProcessBuilder("docker", "image", "inspect", "-f", "{{.Size}}",
                "gauntlet-snap:" + newer).start().getInputStream().readAllBytes()).strip()));

            int removed = backend.removeSnapshots(Duration.ofDays(7), oneImage, others);

            assertThat(removed).isEqualTo(1);
            assertThat(backend.imageId("gauntlet-snap:" + newer)).as("the newest fits the budget").isPresent();
            assertThat(backend.imageId("gauntlet-snap:" + older)).isEmpty();
            others.add("gauntlet-snap:" + newer);
            backend.removeSnapshots(Duration.ZERO, 0, others);
            assertThat(backend.imageId("gauntlet-snap:" + newer)).as("kept by name").isPresent();
        } finally {
            backend.removeSnapshot(older);
            backend.removeSnapshot(newer);
        }
    }
}
