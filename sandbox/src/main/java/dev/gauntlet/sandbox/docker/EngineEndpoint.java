package dev.gauntlet.sandbox.docker;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * Where the engine listens, for the connections Gauntlet speaks itself (hijacked exec streams): a unix
 * socket ({@code unix:///var/run/docker.sock}), plain TCP ({@code tcp://host:2375}) or TCP with TLS
 * ({@code tcp://host:2376} with certificates).
 *
 * @param dockerHost the engine's address as docker-java resolved it
 * @param apiVersion the API version the engine reported, such as {@code 1.41}
 * @param tls        the engine's TLS material, or null for a unix socket or plain TCP
 */
record EngineEndpoint(URI dockerHost, String apiVersion, EngineTls tls) {

    EngineEndpoint {
        String scheme = dockerHost.getScheme();
        if (!"unix".equals(scheme) && !"tcp".equals(scheme)) {
            throw new IllegalArgumentException("Docker host " + dockerHost + " is not supported for shell sessions; use unix:// or tcp://");
        }
        if (tls != null && "unix".equals(scheme)) {
            throw new IllegalArgumentException("Docker host " + dockerHost + " is a unix socket, which is not spoken with TLS");
        }
    }

    /**
     * A new blocking connection; blocking reads park a virtual thread without holding a platform thread. A TLS
     * connection has checked the engine's certificate against the CA and the address's host name.
     *
     * @throws IOException whose message says why when the engine's certificate does not verify
     */
    EngineWire connect() throws IOException {
        if ("unix".equals(dockerHost.getScheme())) {
            return new EngineWire.Plain(SocketChannel.open(UnixDomainSocketAddress.of(dockerHost.getPath())));
        }
        if (tls == null) {
            return new EngineWire.Plain(SocketChannel.open(new InetSocketAddress(dockerHost.getHost(), port())));
        }
        SSLSocket socket = (SSLSocket) tls.context().getSocketFactory().createSocket(dockerHost.getHost(), port());
        try {
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            socket.setSSLParameters(parameters);
            socket.startHandshake();
            return new EngineWire.Tls(socket);
        } catch (IOException e) {
            socket.close();
            String why = EngineTls.explain(e, dockerHost.toString(), tls);
            throw why == null ? e : new IOException(why, e);
        }
    }

    private int port() {
        return dockerHost.getPort() >= 0 ? dockerHost.getPort() : tls != null ? 2376 : 2375;
    }

    String path(String rest) {
        return "/v" + apiVersion + rest;
    }

    String hostHeader() {
        return "unix".equals(dockerHost.getScheme()) ? "docker" : dockerHost.getHost();
    }
}
