package dev.gauntlet.sandbox.docker;

import com.github.dockerjava.core.LocalDirectorySSLConfig;
import dev.gauntlet.sandbox.SandboxException;
import java.nio.file.Files;
import java.net.SocketException;
import java.nio.file.Path;
import java.security.cert.CertPathValidatorException;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * The TLS material for one engine, read from a directory laid out as the docker CLI's {@code DOCKER_CERT_PATH}:
 * {@code ca.pem} (the CA that signed the engine's certificate), {@code cert.pem} and {@code key.pem} (this client's
 * certificate and key, which the engine verifies).
 *
 * @param certDir the directory the files came from
 * @param context the TLS context for both docker-java's connections and Gauntlet's own exec streams
 */
record EngineTls(Path certDir, SSLContext context) {

    static final List<String> FILES = List.of("ca.pem", "cert.pem", "key.pem");

    /**
     * Reads {@code certDir} for the engine at {@code engine}.
     *
     * @throws SandboxException naming the directory or file when one is missing or cannot be read
     */
    static EngineTls read(Path certDir, String engine) {
        String expected = "it must hold ca.pem (the CA that signed the engine's certificate), cert.pem and key.pem (this "
            + "client's certificate and key), as DOCKER_CERT_PATH does for the docker CLI";
        if (!Files.isDirectory(certDir)) {
            throw new SandboxException("the TLS certificate directory " + certDir + " for the Docker engine at " + engine
                + " does not exist; " + expected);
        }
        for (String file : FILES) {
            if (!Files.isRegularFile(certDir.resolve(file))) {
                throw new SandboxException("the TLS certificate directory for the Docker engine at " + engine + " has no "
                    + certDir.resolve(file) + "; " + expected);
            }
        }
        try {
            return new EngineTls(certDir, new LocalDirectorySSLConfig(certDir.toString()).getSSLContext());
        } catch (RuntimeException e) {
            throw new SandboxException("cannot read the TLS certificates in " + certDir + " for the Docker engine at " + engine
                + " (" + FILES + " must be PEM files): " + rootMessage(e), e);
        }
    }

    /**
     * What a TLS failure talking to {@code engine} means, or null when {@code failure} is not one. {@code tls} is null
     * for an engine reached without TLS.
     */
    static String explain(Throwable failure, String engine, EngineTls tls) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String message = String.valueOf(cause.getMessage());
            if (message.contains("HTTP request to an HTTPS server")) {
                return "the Docker engine at " + engine + " speaks TLS and was reached without it: give its certificate "
                    + "directory (set DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH, as for the docker CLI)";
            }
            if (tls == null) {
                continue;
            }
            if (cause instanceof CertPathValidatorException || message.contains("PKIX path")) {
                return "the certificate of the Docker engine at " + engine + " does not verify: it is not signed by the CA in "
                    + tls.certDir().resolve("ca.pem") + " (" + message + ")";
            }
            if (cause instanceof SSLPeerUnverifiedException || message.contains("subject alternative name")
                || message.contains("No name matching")) {
                return "the certificate of the Docker engine at " + engine + " does not verify: it is not made out to the "
                    + "host name in that address (" + message + ")";
            }
            if (message.contains("bad_certificate") || message.contains("unknown_ca") || message.contains("certificate_required")) {
                return "the Docker engine at " + engine + " refused this client's certificate " + tls.certDir().resolve("cert.pem")
                    + ": it is not signed by a CA the engine trusts (" + message + ")";
            }
            if (cause instanceof SocketException && duringHandshake(cause)) {
                // an engine that rejects a client's certificate closes the connection, often before its alert is read
                return "the Docker engine at " + engine + " closed the connection during the TLS handshake, most likely "
                    + "refusing this client's certificate " + tls.certDir().resolve("cert.pem") + " as not signed by a CA it "
                    + "trusts (" + message + ")";
            }
            if (message.contains("Unsupported or unrecognized SSL message")) {
                return "the Docker engine at " + engine + " does not speak TLS: reach it without a certificate directory "
                    + "(and without DOCKER_TLS_VERIFY)";
            }
            if (cause instanceof SSLException) {
                return "TLS with the Docker engine at " + engine + " failed: " + message;
            }
        }
        return null;
    }

    private static boolean duringHandshake(Throwable failure) {
        for (StackTraceElement frame : failure.getStackTrace()) {
            if (frame.getMethodName().equals("startHandshake")) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + ": " + root;
    }
}
