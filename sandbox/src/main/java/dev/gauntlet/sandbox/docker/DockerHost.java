package dev.gauntlet.sandbox.docker;

import java.nio.file.Path;

/**
 * Where a Docker engine is and how to reach it, as the docker CLI reads it.
 *
 * @param url      {@code unix:///var/run/docker.sock} or {@code tcp://host:port}; null: {@code DOCKER_HOST}, else the
 *                 local socket
 * @param certPath for an engine reached with TLS, the directory holding {@code ca.pem}, {@code cert.pem} and
 *                 {@code key.pem} (what {@code DOCKER_CERT_PATH} names); null: TLS only when
 *                 {@code DOCKER_TLS_VERIFY} is set, with {@code DOCKER_CERT_PATH}
 */
public record DockerHost(String url, Path certPath) {

    /** The engine named by {@code DOCKER_HOST} (and the TLS variables), else the local socket. */
    public static DockerHost fromEnvironment() {
        return new DockerHost(null, null);
    }

    public static DockerHost of(String url) {
        return new DockerHost(url, null);
    }

    @Override
    public String toString() {
        return url != null ? url : "$DOCKER_HOST or the local socket";
    }
}
