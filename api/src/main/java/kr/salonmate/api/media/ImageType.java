package kr.salonmate.api.media;

import java.util.Arrays;

/** The image types an upload may be, recognised by their first bytes — never by name or declared type. */
public enum ImageType {
    JPEG("image/jpeg", "jpeg"),
    PNG("image/png", "png"),
    WEBP("image/webp", "webp");

    private final String contentType;
    private final String imageIoFormat;

    ImageType(String contentType, String imageIoFormat) {
        this.contentType = contentType;
        this.imageIoFormat = imageIoFormat;
    }

    public String contentType() {
        return contentType;
    }

    String imageIoFormat() {
        return imageIoFormat;
    }

    /** The type these leading bytes announce, or null for anything else. */
    public static ImageType sniff(byte[] head, int length) {
        if (length >= 3 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xD8 && (head[2] & 0xff) == 0xFF) {
            return JPEG;
        }
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
        if (length >= 8 && Arrays.equals(head, 0, 8, png, 0, 8)) {
            return PNG;
        }
        if (length >= 12 && head[0] == 'R' && head[1] == 'I' && head[2] == 'F' && head[3] == 'F'
                && head[8] == 'W' && head[9] == 'E' && head[10] == 'B' && head[11] == 'P') {
            return WEBP;
        }
        return null;
    }
}
