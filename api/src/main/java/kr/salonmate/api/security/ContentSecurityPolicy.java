package kr.salonmate.api.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.security.web.header.HeaderWriter;

/**
 * A {@code Content-Security-Policy} on every response. HTML (the dashboard page, Swagger UI) and scripts (the
 * service worker takes its policy from its own response) get the page's policy: scripts, styles and everything
 * else only from this origin, with two additions — the origin of Toss's payment SDK
 * ({@code salonmate.toss.sdk-url}) in {@code script-src} and {@code frame-src}, because its card-registration
 * window is that script and its frame; and the origin of {@code salonmate.public-base-url} in {@code img-src},
 * because photo links are signed against it and it may be another host than the page's. No inline script, no
 * inline handler, no {@code eval}: review text is rendered as text, and this policy is the second line. Anything
 * else (JSON, images, CSV) gets a policy that allows nothing, so a response that a browser is tricked into
 * rendering runs nothing.
 */
final class ContentSecurityPolicy implements HeaderWriter {

    static final String HEADER = "Content-Security-Policy";
    static final String NOTHING = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private final String tossSdkUrl;
    private final Supplier<String> publicBaseUrl;
    private volatile String page;

    /** {@code publicBaseUrl} is read at the first response: it may name the port the server is given at start. */
    ContentSecurityPolicy(String tossSdkUrl, Supplier<String> publicBaseUrl) {
        this.tossSdkUrl = tossSdkUrl;
        this.publicBaseUrl = publicBaseUrl;
    }

    String pagePolicy() {
        String policy = page;
        if (policy == null) {
            Set<String> scripts = sources("'self'", originOf(tossSdkUrl));
            Set<String> frames = sources("'self'", originOf(tossSdkUrl));
            if (originOf(tossSdkUrl) != null && originOf(tossSdkUrl).endsWith(".tosspayments.com")) {
                frames.add("https://*.tosspayments.com"); // Toss's own SDK opens its card window from its other hosts
            }
            Set<String> images = sources("'self'", "data:", originOf(publicBaseUrl.get()));
            policy = "default-src 'self'; script-src " + String.join(" ", scripts) + "; style-src 'self'; img-src "
                    + String.join(" ", images) + "; connect-src 'self'; font-src 'self'; manifest-src 'self'; "
                    + "worker-src 'self'; frame-src " + String.join(" ", frames) + "; object-src 'none'; "
                    + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
            page = policy;
        }
        return policy;
    }

    @Override
    public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
        if (response.containsHeader(HEADER)) {
            return;
        }
        response.setHeader(HEADER, isPage(request, response.getContentType()) ? pagePolicy() : NOTHING);
    }

    /**
     * The content type decides where it is known (headers are written when the response commits); a static file
     * whose type is not set yet is judged by its name, and the root is the page.
     */
    private static boolean isPage(HttpServletRequest request, String contentType) {
        if (contentType != null) {
            String type = contentType.toLowerCase(Locale.ROOT);
            return type.startsWith("text/html") || type.contains("javascript");
        }
        String path = request.getRequestURI();
        return "/".equals(path) || path.endsWith(".html") || path.endsWith(".js");
    }

    private static Set<String> sources(String... candidates) {
        Set<String> sources = new LinkedHashSet<>();
        for (String candidate : candidates) {
            if (candidate != null) {
                sources.add(candidate);
            }
        }
        return sources;
    }

    /** {@code scheme://host[:port]} of an http(s) URL; null when there is none (unset or not a URL). */
    static String originOf(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            URI uri = URI.create(url.trim());
            String scheme = uri.getScheme();
            if (uri.getHost() == null || scheme == null
                    || !(scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))) {
                return null;
            }
            return scheme.toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT)
                    + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
