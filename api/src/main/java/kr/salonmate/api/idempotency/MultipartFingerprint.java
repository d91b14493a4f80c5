package kr.salonmate.api.idempotency;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * What makes two multipart requests "the same body" for {@code Idempotency-Key}: their parts (name, file name,
 * declared type and content), in name order. The raw bytes cannot say it, because a client picks a new boundary
 * for every request, retries included.
 */
final class MultipartFingerprint {

    private MultipartFingerprint() {
    }

    /** The SHA-256 of the parts, or {@code null} when the body is not valid multipart (or too large). */
    static String of(HttpServletRequest request) throws IOException {
        List<Part> parts;
        try {
            parts = new ArrayList<>(request.getParts());
        } catch (ServletException | IllegalStateException | IOException notMultipart) {
            return null;
        }
        parts.sort(Comparator.comparing(Part::getName).thenComparing(p -> Objects.toString(p.getSubmittedFileName(), "")));
        MessageDigest digest = sha256();
        byte[] buffer = new byte[64 * 1024];
        for (Part part : parts) {
            field(digest, part.getName());
            field(digest, part.getSubmittedFileName());
            field(digest, part.getContentType());
            digest.update(longBytes(part.getSize()));
            try (InputStream in = part.getInputStream()) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    digest.update(buffer, 0, n);
                }
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void field(MessageDigest digest, String value) {
        byte[] bytes = value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8);
        digest.update(longBytes(value == null ? -1 : bytes.length)); // length-prefixed: no ambiguity between fields
        digest.update(bytes);
    }

    private static byte[] longBytes(long value) {
        byte[] bytes = new byte[8];
        for (int i = 7; i >= 0; i--) {
            bytes[i] = (byte) value;
            value >>>= 8;
        }
        return bytes;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
