package dev.gauntlet.sandbox.docker;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;

/**
 * Where the engine listens, for the connections Gauntlet speaks itself (hijacked exec streams): a unix
 * socket ({@code unix:///var/run/docker.sock}) or plain TCP ({@code tcp://host:2375}).
 *
 * @param dockerHost the engine's address as docker-java resolved it
 * @param apiVersion the API version the engine reported, such as {@code 1.41}
 */
record EngineEndpoint(URI dockerHost, String apiVersion) {

    EngineEndpoint {
        String scheme = dockerHost.getScheme();
        if (!"unix".equals(scheme) && !"tcp".equals(scheme)) {
            throw new IllegalArgumentException("Docker host " + dockerHost + " is not supported for shell sessions; use unix:// or tcp://");
        }
    }

    /** A new blocking connection; blocking reads park a virtual thread without holding a platform thread. */
    SocketChannel connect() throws IOException {
        if ("unix".equals(dockerHost.getScheme())) {
            return SocketChannel.open(UnixDomainSocketAddress.of(dockerHost.getPath()));
        }
        return SocketChannel.open(new InetSocketAddress(dockerHost.getHost(), dockerHost.getPort() < 0 ? 2375 : dockerHost.getPort()));
    }

    String path(String rest) {
        return "/v" + apiVersion + rest;
    }

    String hostHeader() {
        return "unix".equals(dockerHost.getScheme()) ? "docker" : dockerHost.getHost();
    }
}
