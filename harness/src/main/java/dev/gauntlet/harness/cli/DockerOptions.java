package dev.gauntlet.harness.cli;

import dev.gauntlet.sandbox.docker.DockerBackend;
import picocli.CommandLine.Option;

/** The engine option every command that touches Docker takes (a picocli mixin). */
final class DockerOptions {

    @Option(names = "--docker-host", description = "Docker engine, e.g. unix:///var/run/docker.sock. Default: $DOCKER_HOST or the local socket.")
    String dockerHost;

    DockerBackend connect() {
        return DockerBackend.connect(dockerHost);
    }

    DockerBackend connectDetached() {
        return DockerBackend.connectDetached(dockerHost);
    }
}
