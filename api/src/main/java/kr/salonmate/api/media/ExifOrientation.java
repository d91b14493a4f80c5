package kr.salonmate.api.media;

import java.nio.charset.StandardCharsets;

/**
 * Reads the EXIF orientation (tag 0x0112, values 1–8) from the start of a JPEG (APP1 "Exif"), PNG ({@code eXIf}
 * chunk) or WebP ({@code EXIF} chunk) — the only EXIF fact SalonMate keeps: the rendition is drawn upright and
 * written without any metadata, so location and camera data never leave the upload.
 */
final class ExifOrientation {

    static final int NORMAL = 1;

    private ExifOrientation() {
    }

    static int of(ImageType type, byte[] data, int length) {
        try {
            return switch (type) {
                case JPEG -> jpeg(data, length);
                case PNG -> png(data, length);
                case WEBP -> webp(data, length);
            };
        } catch (RuntimeException malformed) {
            return NORMAL; // unreadable metadata is ignored, like a viewer would
        }
    }

    private static int jpeg(byte[] d, int length) {
        int i = 2;
        while (i + 4 <= length) {
            if ((d[i] & 0xff) != 0xFF) {
                return NORMAL;
            }
            int marker = d[i + 1] & 0xff;
            if (marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
                i += 2;
                continue;
            }
            if (marker == 0xDA || marker == 0xD9) {
                return NORMAL; // image data starts: no EXIF before it
            }
            int size = u16(d, i + 2, true);
            if (marker == 0xE1 && size >= 8 && i + 10 <= length
                    && new String(d, i + 4, 6, StandardCharsets.ISO_8859_1).equals("Exif\0\0")) {
                return tiff(d, i + 10, Math.min(length, i + 2 + size));
            }
            i += 2 + size;
        }
        return NORMAL;
    }

    private static int png(byte[] d, int length) {
        int i = 8;
        while (i + 8 <= length) {
            int size = (int) u32(d, i, true);
            String type = new String(d, i + 4, 4, StandardCharsets.ISO_8859_1);
            if (type.equals("eXIf")) {
                return tiff(d, i + 8, Math.min(length, i + 8 + size));
            }
            if (type.equals("IDAT") || type.equals("IEND") || size < 0) {
                return NORMAL;
            }
            i += 12 + size;
        }
        return NORMAL;
    }

    private static int webp(byte[] d, int length) {
        int i = 12;
        while (i + 8 <= length) {
            String type = new String(d, i, 4, StandardCharsets.ISO_8859_1);
            int size = (int) u32(d, i + 4, false);
            if (type.equals("EXIF")) {
                int start = i + 8;
                if (start + 6 <= length && new String(d, start, 6, StandardCharsets.ISO_8859_1).equals("Exif\0\0")) {
                    start += 6;
                }
                return tiff(d, start, Math.min(length, i + 8 + size));
            }
            if (size < 0) {
                return NORMAL;
            }
            i += 8 + size + (size & 1);
        }
        return NORMAL;
    }

    /** IFD0 of a TIFF structure starting at {@code start}. */
    private static int tiff(byte[] d, int start, int end) {
        boolean bigEndian;
        if (d[start] == 'M' && d[start + 1] == 'M') {
            bigEndian = true;
        } else if (d[start] == 'I' && d[start + 1] == 'I') {
            bigEndian = false;
        } else {
            return NORMAL;
        }
        int ifd = start + (int) u32(d, start + 4, bigEndian);
        int entries = u16(d, ifd, bigEndian);
        for (int n = 0; n < entries; n++) {
            int entry = ifd + 2 + n * 12;
            if (entry + 12 > end) {
                return NORMAL;
            }
            if (u16(d, entry, bigEndian) == 0x0112) {
                int value = u16(d, entry + 8, bigEndian);
                return value >= 1 && value <= 8 ? value : NORMAL;
            }
        }
        return NORMAL;
    }

    private static int u16(byte[] d, int at, boolean bigEndian) {
        int a = d[at] & 0xff;
        int b = d[at + 1] & 0xff;
        return bigEndian ? (a << 8) | b : (b << 8) | a;
    }

    private static long u32(byte[] d, int at, boolean bigEndian) {
        long a = d[at] & 0xff;
        long b = d[at + 1] & 0xff;
        long c = d[at + 2] & 0xff;
        long e = d[at + 3] & 0xff;
        return bigEndian ? (a << 24) | (b << 16) | (c << 8) | e : (e << 24) | (c << 16) | (b << 8) | a;
    }
}
