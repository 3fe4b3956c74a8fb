package dev.gauntlet.sandbox.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.LogConfig;
import dev.gauntlet.sandbox.ImageSpec;
import dev.gauntlet.sandbox.LiveSandboxes;
import dev.gauntlet.sandbox.Sandbox;
import dev.gauntlet.sandbox.SandboxBackend;
import dev.gauntlet.sandbox.SandboxException;
import dev.gauntlet.sandbox.SandboxLabels;
import dev.gauntlet.sandbox.SandboxNetwork;
import dev.gauntlet.sandbox.SandboxSpec;
import dev.gauntlet.sandbox.internal.ShellScripts;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Sandboxes as Docker containers. Each container's first process is a shell loop that ends at the
 * sandbox's maximum lifetime, so an orphan stops on its own; it has no network unless asked, memory/CPU/process limits, every capability
 * dropped but the few a root shell needs to manage files and processes, and {@code no-new-privileges}.
 */
public final class DockerBackend implements SandboxBackend {

    /** Capabilities kept: file ownership and permissions, signals, setuid for {@code user} switches, low ports. */
    private static final Capability[] KEPT = {Capability.CHOWN, Capability.DAC_OVERRIDE, Capability.FOWNER,
        Capability.FSETID, Capability.KILL, Capability.SETGID, Capability.SETUID, Capability.NET_BIND_SERVICE};

    /**
     * The container's first process: lives until the maximum lifetime ($1 seconds), survives {@code kill -9 -1}
     * (which spares PID 1) and reaps the orphans a trial leaves, so none lingers as a zombie. It starts one shell
     * ($2) on the container's stdin, which the sandbox's first session attaches to: a session without an exec,
     * which would cost the engine a runc process. When that shell ends, $3 and its exit code are printed: the
     * attached stream, unlike an exec's, stays open. A sandbox without network gets an empty {@code /etc/hosts} from
     * the engine; the first process names localhost in it.
     */
    private static final String FIRST_PROCESS =
        "[ -s /etc/hosts ] || printf '127.0.0.1\\tlocalhost\\n::1\\tlocalhost ip6-localhost ip6-loopback\\n' 2>/dev/null >/etc/hosts; "
        + "exec 3<&0; { sh -c \"$2\" 0<&3 3<&-; printf '%s%d\\n' \"$3\" \"$?\"; } & exec 0</dev/null 3<&-; "
        + "end=$(( $(date +%s) + $1 )); while [ \"$(date +%s)\" -lt \"$end\" ]; do sleep 60 & wait $!; done";

    private final DockerClient client;
    private final EngineEndpoint engine;
    private final DockerImages images;
    private final String process;
    private final Map<String, Boolean> rootImages = new java.util.concurrent.ConcurrentHashMap<>();
    /**
     * Containers being created and started at once. The engine does each start's work (runc, mounts, cgroups, the
     * network hook) in processes of its own; a thousand at once thrash a small machine and start far fewer a second
     * than a few at a time do. Four per core.
     */
    private final java.util.concurrent.Semaphore starting = fourPerCore();

    /**
     * Containers being killed and removed at once. When a thousand trials end together, a thousand force-removals at
     * once made the engine log "failed to exit within 10 seconds of kill" for each and left entries stuck in "Removal
     * In Progress" that only a restart cleared. Four per core, like starts.
     */
    private final java.util.concurrent.Semaphore removing = fourPerCore();

    private static java.util.concurrent.Semaphore fourPerCore() {
        return new java.util.concurrent.Semaphore(Math.max(4, 4 * Runtime.getRuntime().availableProcessors()));
    }

    DockerBackend(DockerClients.Connection connection, String process) {
        this.client = connection.client();
        this.engine = connection.engine();
        this.images = new DockerImages(connection.client());
        this.process = process;
    }

    /** Connects to the engine at {@code dockerHost}, or with null to {@code DOCKER_HOST} or the local socket. */
    public static DockerBackend connect(String dockerHost) {
        return connect(DockerHost.of(dockerHost));
    }

    /** Connects to the engine at {@code host}, with TLS when it gives certificates or the environment asks for it. */
    public static DockerBackend connect(DockerHost host) {
        return new DockerBackend(DockerClients.connect(host), ProcessOwner.current());
    }

    /**
     * A backend whose sandboxes outlive this process ({@code gauntlet fork}): they are never reaped as a
     * dead run's, only removed by {@code gauntlet cleanup --all} or at their maximum lifetime.
     */
    public static DockerBackend connectDetached(DockerHost host) {
        return new DockerBackend(DockerClients.connect(host), ProcessOwner.KEPT);
    }

    @Override
    public String ensureImage(ImageSpec spec) {
        return images.ensure(spec);
    }

    @Override
    public java.util.Optional<String> imageId(String reference) {
        try {
            return java.util.Optional.of(client.inspectImageCmd(reference).exec().getId());
        } catch (NotFoundException e) {
            return java.util.Optional.empty();
        }
    }

    @Override
    public Sandbox create(SandboxSpec spec) {
        String firstShellEnd = "@@GAUNTLET_SHELL_END_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()) + "@@:";
        String name = "gauntlet-" + shortId(spec.trialId()) + "-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()).substring(4);
        Map<String, String> labels = new HashMap<>();
        labels.put(SandboxLabels.OWNER, "sandbox");
        labels.put(SandboxLabels.RUN, spec.runId());
        labels.put(SandboxLabels.TRIAL, spec.trialId());
        labels.put(SandboxLabels.PROCESS, process);
        long memoryBytes = spec.memoryMb() * 1024 * 1024;
        HostConfig host = HostConfig.newHostConfig()
            .withNetworkMode(spec.network() == SandboxNetwork.ON ? "bridge" : "none")
            .withMemory(memoryBytes).withMemorySwap(memoryBytes)
            .withNanoCPUs(Math.round(spec.cpus() * 1e9))
            .withPidsLimit((long) spec.pidsLimit())
            .withCapDrop(Capability.ALL).withCapAdd(KEPT)
            .withSecurityOpts(List.of("no-new-privileges"))
            .withInit(false)
            .withLogConfig(new LogConfig(LogConfig.LoggingType.NONE)); // the first shell's output is a session's, not a log
        CreateContainerCmd create = client.createContainerCmd(spec.image())
            .withName(name)
            // NONE: no network at all rather than the engine's "none" network: the container still gets its own network
            // namespace with loopback up, and the engine skips the libnetwork hook it runs per start (5 starts a
            // second become 8 on this machine).
            .withNetworkDisabled(spec.network() == SandboxNetwork.NONE)
            .withLabels(labels)
            .withEntrypoint("sh", "-c", FIRST_PROCESS, "sandbox", String.valueOf(Math.max(1, spec.maxLifetime().toSeconds())),
                ShellScripts.START, firstShellEnd)
            .withStdinOpen(true).withStdInOnce(false)
            .withCmd(List.of())
            .withEnv(spec.env().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList())
            .withHostConfig(host);
        if (spec.workdir() != null) {
            create.withWorkingDir(spec.workdir());
        }
        String id;
        try {
            starting.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SandboxException("interrupted while waiting to start a sandbox from " + spec.image(), e);
        }
        try {
            try {
                id = create.exec().getId();
            } catch (RuntimeException e) {
                throw new SandboxException("creating a sandbox from " + spec.image() + " failed: " + e.getMessage(), e);
            }
            try {
                client.startContainerCmd(id).exec();
            } catch (RuntimeException e) {
                remove(id);
                throw new SandboxException("starting sandbox " + name + " from " + spec.image() + " failed: " + e.getMessage(), e);
            }
        } finally {
            starting.release();
        }
        return new DockerSandbox(client, engine, id, name, spec.network(), rootByDefault(spec.image()), firstShellEnd, this::remove);
    }

    /** Whether the image's processes run as root unless told otherwise; asked once per image. */
    private boolean rootByDefault(String image) {
        return rootImages.computeIfAbsent(image, i -> {
            try {
                String user = client.inspectImageCmd(i).exec().getConfig().getUser();
                return user == null || user.isBlank() || user.matches("(root|0)(:(root|0))?");
            } catch (RuntimeException e) {
                return false;
            }
        });
    }

    @Override
    public int removeSandboxes(String runId) {
        List<Container> ours = client.listContainersCmd().withShowAll(true)
            .withLabelFilter(runId == null ? Map.of(SandboxLabels.OWNER, "sandbox") : Map.of(SandboxLabels.RUN, runId))
            .exec();
        int removed = 0;
        for (Container container : ours) {
            String owner = container.getLabels().get(SandboxLabels.PROCESS);
            if (runId != null || (!ProcessOwner.KEPT.equals(owner) && !ProcessOwner.isAlive(owner))) {
                remove(container.getId());
                removed++;
            }
        }
        return removed;
    }

    /** Removes every container Gauntlet made, whether or not its run is alive. */
    public int removeAllSandboxes() {
        List<Container> ours = client.listContainersCmd().withShowAll(true)
            .withLabelFilter(Map.of(SandboxLabels.OWNER, "sandbox")).exec();
        ours.forEach(c -> remove(c.getId()));
        return ours.size();
    }

    @Override
    public void removeSnapshot(String name) {
        try {
            client.removeImageCmd(DockerSnapshots.REPOSITORY + ":" + name).exec();
        } catch (NotFoundException ignored) {
            // already gone
        }
    }

    @Override
    public int removeSnapshots(java.time.Duration maxAge, long maxBytes, java.util.Set<String> keep) {
        return DockerSnapshots.remove(client, maxAge, maxBytes, keep);
    }

    /** Removes the environment images Gauntlet built; returns how many. */
    public int removeEnvironmentImages() {
        var images = client.listImagesCmd().withLabelFilter(Map.of(SandboxLabels.OWNER, "environment")).exec();
        int removed = 0;
        for (var image : images) {
            try {
                client.removeImageCmd(image.getId()).withForce(true).exec();
                removed++;
            } catch (NotFoundException ignored) {
                // removed meanwhile
            }
        }
        return removed;
    }

    @Override
    public String host() {
        return engine.dockerHost().toString();
    }

    @Override
    public boolean answers() {
        try {
            client.pingCmd().exec();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** {@link LiveSandboxes#capacity} of the memory and CPUs the engine reports. */
    @Override
    public int defaultCapacity() {
        var info = client.infoCmd().exec();
        return LiveSandboxes.capacity(info.getMemTotal() == null ? 0 : info.getMemTotal(), info.getNCPU() == null ? 1 : info.getNCPU());
    }

    /** Kills and removes a container, a few at a time (see {@link #removing}). */
    void remove(String id) {
        try {
            removing.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SandboxException("interrupted while waiting to remove container " + id, e);
        }
        try {
            client.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
        } catch (NotFoundException ignored) {
            // already gone
        } catch (RuntimeException e) {
            if (!String.valueOf(e.getMessage()).contains("already in progress")) {
                throw new SandboxException("removing container " + id + " failed: " + e.getMessage(), e);
            }
        } finally {
            removing.release();
        }
    }

    private static String shortId(String trialId) {
        return trialId.length() > 12 ? trialId.substring(0, 12) : trialId;
    }

    @Override
    public void close() {
        DockerClients.closeQuietly(client);
    }
}
