package kr.salonmate.api.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * The JDK's HTTP server on a free loopback port, for the fakes of Google, Instagram, OpenAI, the sign-in providers
 * and Toss, with Nagle's algorithm off on its connections ({@code sun.net.httpserver.nodelay}). With it on, the
 * server writes a response's headers and body apart and the second write waits for the client's delayed ACK: about
 * 40 ms per request that no real service adds. In the ingest benchmark that was half of a sync of 2,000 reviews
 * (forty pages of fifty, one after the other; docs/benchmarks.md). The JDK reads the property once, when its first
 * server is made, so every fake makes its server here.
 */
public final class FakeHttpServers {

    static {
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private FakeHttpServers() {
    }

    /** A server on 127.0.0.1 and a port of the system's choosing, not started. */
    public static HttpServer onLoopback(int backlog) throws IOException {
        return HttpServer.create(new InetSocketAddress("127.0.0.1", 0), backlog);
    }
}
