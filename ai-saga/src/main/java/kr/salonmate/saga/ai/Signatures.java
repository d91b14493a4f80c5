package kr.salonmate.saga.ai;

/** Appends the shop's signature on its own line, once. */
final class Signatures {

    private Signatures() {
    }

    static String append(String text, String signature) {
        String body = text.strip();
        if (signature == null || signature.isBlank()) {
            return body;
        }
        String sig = signature.strip();
        return body.endsWith(sig) ? body : body + "\n\n" + sig;
    }
}
