package dev.gauntlet.sandbox.docker;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** {@code host:pid} of a process, to tell whether the run that made a sandbox is still alive. */
final class ProcessOwner {

    /** The owner of sandboxes kept on purpose ({@code gauntlet fork}); only {@code cleanup --all} removes them. */
    static final String KEPT = "kept";

    private ProcessOwner() {
    }

    static String current() {
        return host() + ":" + ProcessHandle.current().pid();
    }

    /**
     * True unless the owner is a process of this host that no longer exists. Sandboxes of other hosts are
     * assumed alive: only their own host can tell (they still stop at their maximum lifetime).
     */
    static boolean isAlive(String owner) {
        if (owner == null) {
            return false;
        }
        int colon = owner.lastIndexOf(':');
        if (colon < 0) {
            return false;
        }
        if (!owner.substring(0, colon).equals(host())) {
            return true;
        }
        try {
            return ProcessHandle.of(Long.parseLong(owner.substring(colon + 1))).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
