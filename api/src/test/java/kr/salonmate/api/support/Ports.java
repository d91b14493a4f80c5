package kr.salonmate.api.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/** Whether something listens on a TCP port (a broker, a store) that a test needs or can do without. */
public final class Ports {

    private Ports() {
    }

    public static boolean listens(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException notListening) {
            return false;
        }
    }
}
