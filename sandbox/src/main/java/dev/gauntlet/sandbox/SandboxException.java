package dev.gauntlet.sandbox;

/** The infrastructure failed: a sandbox or image could not be made, or a sandbox stopped answering. */
public class SandboxException extends RuntimeException {

    public SandboxException(String message) {
        super(message);
    }

    public SandboxException(String message, Throwable cause) {
        super(message, cause);
    }
}
