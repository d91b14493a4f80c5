package kr.salonmate.api.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Decompression bombs and lying images, written chunk by chunk (the test never holds the decoded pixels): a
 * 6000 x 6000 16-bit RGBA PNG is about 290 MB decoded but a few hundred KB of file.
 */
public final class ImageBombs {

    private ImageBombs() {
    }

    /** A valid PNG of that size, {@code bitDepth} 8 or 16 bits a sample, RGBA, every row a gentle gradient. */
    public static byte[] png(int width, int height, int bitDepth) {
        int bytesPerPixel = 4 * bitDepth / 8;
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflate = new DeflaterOutputStream(compressed,
                new Deflater(Deflater.BEST_COMPRESSION), 64 * 1024)) {
            byte[] row = new byte[1 + width * bytesPerPixel];
            row[0] = 1; // "sub" filter: every pixel the same as the one before, plus a small step in red
            for (int x = 0; x < width; x++) {
                row[1 + x * bytesPerPixel] = 1;
            }
            for (int y = 0; y < height; y++) {
                deflate.write(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png(width, height, bitDepth, compressed.toByteArray());
    }

    /** A PNG whose header announces {@code width x height} pixels but whose data holds only a few rows. */
    public static byte[] truncatedPng(int width, int height) {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflate = new DeflaterOutputStream(compressed)) {
            deflate.write(new byte[(1 + width * 4) * 3]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png(width, height, 8, compressed.toByteArray());
    }

    private static byte[] png(int width, int height, int bitDepth, byte[] idat) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        byte[] header = new byte[13];
        putInt(header, 0, width);
        putInt(header, 4, height);
        header[8] = (byte) bitDepth;
        header[9] = 6; // RGBA
        chunk(png, "IHDR", header);
        chunk(png, "IDAT", idat);
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] length = new byte[4];
        putInt(length, 0, data.length);
        out.writeBytes(length);
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(name);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        byte[] sum = new byte[4];
        putInt(sum, 0, (int) crc.getValue());
        out.writeBytes(sum);
    }

    private static void putInt(byte[] target, int at, int value) {
        target[at] = (byte) (value >>> 24);
        target[at + 1] = (byte) (value >>> 16);
        target[at + 2] = (byte) (value >>> 8);
        target[at + 3] = (byte) value;
    }
}
