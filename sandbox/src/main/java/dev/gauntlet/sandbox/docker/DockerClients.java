package dev.gauntlet.sandbox.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.core.LocalDirectorySSLConfig;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import dev.gauntlet.sandbox.SandboxException;
import java.nio.file.Path;
import java.time.Duration;

/** Opens a docker-java client that speaks the API version the engine reports, with TLS when the engine is reached so. */
final class DockerClients {

    private DockerClients() {
    }

    /** A client and the endpoint it talks to. */
    record Connection(DockerClient client, EngineEndpoint engine) {
    }

    /**
     * Connects to {@code host} and pins the client to the engine's own API version, so old engines (1.41) and new
     * ones (1.44+) both work. A {@code tcp://} engine is reached with TLS when {@code host} gives a certificate
     * directory, or when it gives none and the environment asks for TLS ({@code DOCKER_TLS_VERIFY}, with
     * {@code DOCKER_CERT_PATH} or {@code ~/.docker}), as the docker CLI does.
     *
     * @throws SandboxException when the engine does not answer, when its certificate directory lacks a file, or when
     *                          TLS fails (the engine's certificate does not verify, or the engine wants TLS and was
     *                          reached without it); the message names the engine's address
     */
    static Connection connect(DockerHost host) {
        EngineTls given = host.certPath() == null ? null : EngineTls.read(host.certPath(), describe(host.url()));
        DefaultDockerClientConfig.Builder builder = DefaultDockerClientConfig.createDefaultConfigBuilder();
        if (host.url() != null) {
            builder.withDockerHost(host.url());
        }
        if (given != null) {
            builder.withDockerTlsVerify(true).withDockerCertPath(given.certDir().toString());
        }
        DefaultDockerClientConfig config = build(builder, describe(host.url()));
        String engine = config.getDockerHost().toString();
        boolean tcp = "tcp".equals(config.getDockerHost().getScheme());
        if (given != null && !tcp) {
            throw new SandboxException("TLS certificates (" + given.certDir() + ") were given for the Docker engine at " + engine
                + ", which is not reached over TCP; TLS is for tcp:// engines");
        }
        EngineTls tls = given != null ? given : tcp ? fromEnvironment(config, engine) : null;
        DockerClient probe = open(config, tls);
        String apiVersion;
        try {
            apiVersion = probe.versionCmd().exec().getApiVersion();
        } catch (RuntimeException e) {
            String why = EngineTls.explain(e, engine, tls);
            throw new SandboxException(why != null ? why : "no Docker engine answers at " + engine
                + ": " + e.getMessage() + " (start it, or point DOCKER_HOST at one)", e);
        } finally {
            closeQuietly(probe);
        }
        config = build(builder.withApiVersion(apiVersion), engine);
        return new Connection(open(config, tls), new EngineEndpoint(config.getDockerHost(), apiVersion, tls));
    }

    private static DefaultDockerClientConfig build(DefaultDockerClientConfig.Builder builder, String engine) {
        try {
            return builder.build();
        } catch (RuntimeException e) {
            throw new SandboxException("cannot configure the connection to the Docker engine at " + engine + ": " + e.getMessage()
                + " (check DOCKER_HOST, DOCKER_TLS_VERIFY and DOCKER_CERT_PATH)", e);
        }
    }

    /**
     * The TLS material the environment names when it asks for TLS. docker-java would fall back to the system's CAs
     * when a file of it is missing; this says which one is.
     */
    private static EngineTls fromEnvironment(DefaultDockerClientConfig config, String engine) {
        return config.getSSLConfig() instanceof LocalDirectorySSLConfig local
            ? EngineTls.read(Path.of(local.getDockerCertPath()), engine) : null;
    }

    private static DockerClient open(DefaultDockerClientConfig config, EngineTls tls) {
        ApacheDockerHttpClient http = new ApacheDockerHttpClient.Builder()
            .dockerHost(config.getDockerHost())
            .sslConfig(tls == null ? null : tls::context)
            .maxConnections(4096)
            .connectionTimeout(Duration.ofSeconds(30))
            .build();
        return DockerClientImpl.getInstance(config, http);
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
