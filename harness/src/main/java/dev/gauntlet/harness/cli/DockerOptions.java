package dev.gauntlet.harness.cli;

import dev.gauntlet.harness.trial.Fleet;
import dev.gauntlet.sandbox.docker.DockerBackend;
import dev.gauntlet.sandbox.docker.DockerHost;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The engine option every command that touches Docker takes (a picocli mixin). */
final class DockerOptions {

    @Option(names = "--docker-host", paramLabel = "URL[,capacity=N][,tls=DIR]",
        description = "Docker engine, e.g. unix:///var/run/docker.sock or tcp://10.0.0.5:2375; `run` and `resume` take it "
            + "more than once and spread trials over the engines, each holding at most N sandboxes (default: "
            + "--max-sandboxes, else from the engine's memory and CPUs). tls=DIR reaches a tcp:// engine with TLS, with "
            + "ca.pem, cert.pem and key.pem from DIR (default: as $DOCKER_TLS_VERIFY and $DOCKER_CERT_PATH say). "
            + "Default: $DOCKER_HOST or the local socket.")
    List<String> dockerHosts = new ArrayList<>();

    @Option(names = "--engines", paramLabel = "FILE",
        description = "A YAML file with an `engines:` list, each entry with host, and optionally capacity and tls (a "
            + "directory, relative to the file); adds to any --docker-host. See docs/scaling.md.")
    Path enginesFile;

    /** One engine, with the capacity and TLS certificate directory given with it, if any. */
    record Address(String host, Integer capacity, Path certPath) {

        static Address parse(String text) {
            String[] parts = text.split(",");
            Integer capacity = null;
            Path certPath = null;
            for (int i = 1; i < parts.length; i++) {
                String part = parts[i].trim();
                if (part.startsWith("tls=") && part.length() > "tls=".length()) {
                    certPath = Path.of(part.substring("tls=".length()));
                    continue;
                }
                if (!part.startsWith("capacity=")) {
                    throw new IllegalArgumentException("--docker-host " + text + ": '" + part + "' is not understood; the "
                        + "settings after the address are capacity=N (sandboxes at once) and tls=DIR (the directory of the "
                        + "engine's ca.pem, cert.pem and key.pem)");
                }
                try {
                    capacity = Integer.parseInt(part.substring("capacity=".length()));
                } catch (NumberFormatException e) {
                    capacity = 0;
                }
                if (capacity < 1) {
                    throw new IllegalArgumentException("--docker-host " + text + ": capacity must be a whole number of at least 1");
                }
            }
            return new Address(parts[0].isBlank() ? null : parts[0].trim(), capacity, certPath);
        }

        DockerHost dockerHost() {
            return new DockerHost(host, certPath);
        }
    }

    /** The single engine of a command that uses one. */
    DockerBackend connect() {
        return DockerBackend.connect(single());
    }

    DockerBackend connectDetached() {
        return DockerBackend.connectDetached(single());
    }

    private DockerHost single() {
        List<Address> given = given();
        if (given.size() > 1) {
            throw new IllegalArgumentException("this command works on one engine; give one --docker-host (or an --engines "
                + "file of one entry), not " + given.size() + " (`run`, `resume` and `cleanup` take several)");
        }
        return given.isEmpty() ? DockerHost.fromEnvironment() : given.getFirst().dockerHost();
    }

    /** Every engine given, or the default one, for a command that does the same on each. */
    List<DockerHost> each() {
        List<Address> given = given();
        return given.isEmpty() ? List.of(DockerHost.fromEnvironment()) : given.stream().map(Address::dockerHost).toList();
    }

    /** The engines named by --engines, then by --docker-host. */
    private List<Address> given() {
        List<Address> given = new ArrayList<>(enginesFile == null ? List.of() : EnginesFile.read(enginesFile));
        dockerHosts.stream().map(Address::parse).forEach(given::add);
        return given;
    }

    /**
     * Every engine given (or the default one), connected, with its capacity: its own, else {@code maxSandboxes} when
     * positive, else the engine's default. Engines connected before one that fails are closed.
     */
    List<Fleet.Engine> connectAll(int maxSandboxes) {
        List<Address> given = given();
        List<Address> addresses = given.isEmpty() ? List.of(new Address(null, null, null)) : given;
        List<Fleet.Engine> engines = new ArrayList<>();
        try {
            for (Address address : addresses) {
                DockerBackend backend = DockerBackend.connect(address.dockerHost());
                engines.add(new Fleet.Engine(backend, address.capacity() != null ? address.capacity()
                    : maxSandboxes > 0 ? maxSandboxes : backend.defaultCapacity()));
            }
        } catch (RuntimeException e) {
            closeAll(engines);
            throw e;
        }
        if (engines.stream().map(e -> e.backend().host()).distinct().count() < engines.size()) {
            closeAll(engines);
            throw new IllegalArgumentException("the same engine is named twice: " + addresses.stream().map(Address::host).toList());
        }
        return engines;
    }

    static void closeAll(List<Fleet.Engine> engines) {
        engines.forEach(e -> e.backend().close());
    }
}
