package dev.notespipeline.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Ports on the loopback interface. */
public final class FreePorts {

    private FreePorts() {
    }

    /** A port nobody listens on right now, for servers whose port must be known before they start. */
    public static int pick() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on loopback", e);
        }
    }

    /** Fails with a message a person can act on when {@code port} is already taken. */
    public static void requireFree(int port, String what) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            throw new PortTakenException(port, what);
        }
    }

    /** A port the stack needs is in use by another program. */
    public static final class PortTakenException extends RuntimeException {
        public PortTakenException(int port, String what) {
            super("port " + port + " (" + what + ") is already in use by another program; stop it or choose another port");
        }
    }
}
