package dev.gauntlet.sandbox.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import dev.gauntlet.sandbox.SandboxException;
import java.time.Duration;

/** Opens a docker-java client that speaks the API version the engine reports. */
final class DockerClients {

    private DockerClients() {
    }

    /** A client and the endpoint it talks to. */
    record Connection(DockerClient client, EngineEndpoint engine) {
    }

    /**
     * Connects to {@code dockerHost} (null: {@code DOCKER_HOST}, else the local socket) and pins the client to
     * the engine's own API version, so old engines (1.41) and new ones (1.44+) both work.
     */
    static Connection connect(DockerHost host) {
        if (host.certPath() != null) {
            throw new SandboxException("the Docker engine at " + host + " is to be reached with TLS, which Gauntlet's shell "
                + "sessions do not speak yet");
        }
        String dockerHost = host.url();
        if (config(dockerHost, null).getSSLConfig() != null) {
            throw new SandboxException("the Docker engine at " + describe(dockerHost) + " is to be reached with TLS "
                + "(DOCKER_TLS_VERIFY is set), which Gauntlet's shell sessions do not speak yet; reach it through an SSH "
                + "tunnel to its unix socket instead (see docs/scaling.md)");
        }
        DockerClient probe = open(config(dockerHost, null));
        String apiVersion;
        try {
            apiVersion = probe.versionCmd().exec().getApiVersion();
        } catch (RuntimeException e) {
            throw new SandboxException("no Docker engine answers at " + describe(dockerHost)
                + ": " + e.getMessage() + " (start it, or point DOCKER_HOST at one)", e);
        } finally {
            closeQuietly(probe);
        }
        DefaultDockerClientConfig config = config(dockerHost, apiVersion);
        return new Connection(open(config), new EngineEndpoint(config.getDockerHost(), apiVersion));
    }

    private static DefaultDockerClientConfig config(String dockerHost, String apiVersion) {
        DefaultDockerClientConfig.Builder config = DefaultDockerClientConfig.createDefaultConfigBuilder();
        if (dockerHost != null) {
            config.withDockerHost(dockerHost);
        }
        if (apiVersion != null) {
            config.withApiVersion(apiVersion);
        }
        return config.build();
    }

    private static DockerClient open(DefaultDockerClientConfig built) {
        ApacheDockerHttpClient http = new ApacheDockerHttpClient.Builder()
            .dockerHost(built.getDockerHost())
            .sslConfig(built.getSSLConfig())
            .maxConnections(4096)
            .connectionTimeout(Duration.ofSeconds(30))
            .build();
        return DockerClientImpl.getInstance(built, http);
    }

    private static String describe(String dockerHost) {
        if (dockerHost != null) {
            return dockerHost;
        }
        String env = System.getenv("DOCKER_HOST");
        return env != null ? env : "unix:///var/run/docker.sock";
    }

    static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing a client that failed to connect
        }
    }
}
