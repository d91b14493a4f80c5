package kr.salonmate.api.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.SampleModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Turns an uploaded photo into what SalonMate keeps and Instagram fetches: an upright (EXIF orientation applied)
 * RGB JPEG without any metadata (so no location), at most {@value #MAX_WIDTH} pixels wide and at most 8 MiB.
 *
 * <p>Memory stays bounded whatever the upload: a few hundred KB of PNG can announce 6000 x 6000 pixels of 16-bit
 * RGBA (~290 MB decoded). The size and the sample layout are read from the header before anything is decoded, and
 * the photo is decoded subsampled so that the decoded pixels take at most {@value #MAX_DECODED_BYTES} bytes (4
 * megapixels of 8-bit RGBA; a 16-bit image gets half as many pixels). What cannot be decoded that way is refused
 * before decoding ({@link TooManyPixels}): more than {@value #MAX_PIXELS} pixels or a side over {@value #MAX_SIDE}
 * (row buffers grow with the width), a progressive JPEG over {@value #MAX_PROGRESSIVE_JPEG_PIXELS} pixels (its
 * decoder keeps every coefficient of the whole image), a WebP over {@value #MAX_WEBP_PIXELS} pixels (its decoder
 * works on the whole frame, whatever the subsampling).
 */
final class ImageRendition {

    /** Instagram shows photos at most 1080 wide and accepts up to 1440. */
    static final int MAX_WIDTH = 1_440;
    static final long MAX_JPEG_BYTES = 8L * 1024 * 1024;
    /** Beyond this a photo is refused rather than decoded (a decompression bomb, not a photo). */
    static final long MAX_PIXELS = 100_000_000L;
    /** The longest side accepted: the decoders hold a few full-width rows (16-bit RGBA: 8 bytes a pixel). */
    static final int MAX_SIDE = 30_000;
    /** What the decoded (subsampled) pixels may take: 4 megapixels of 8-bit RGBA. */
    static final long MAX_DECODED_BYTES = 4_000_000L * 4;
    /** A progressive JPEG's decoder buffers the coefficients of the whole image (about 3 bytes a pixel, native). */
    static final long MAX_PROGRESSIVE_JPEG_PIXELS = 24_000_000L;
    /** The WebP decoder works on the whole frame whatever the subsampling: only what fits the budget anyway. */
    static final long MAX_WEBP_PIXELS = 4_000_000L;
    private static final int HEAD_BYTES = 256 * 1024;

    private ImageRendition() {
    }

    /**
     * The upload as SalonMate read it: its type, upright size, the rendition's size in bytes, and the bytes its
     * decoded (subsampled) pixels took in memory.
     */
    record Result(ImageType type, int width, int height, long renditionBytes, long decodedBytes) {
    }

    /** Not an image of its announced type, or not one we decode. */
    static final class Unreadable extends Exception {
        Unreadable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The photo is too large in pixels. */
    static final class TooManyPixels extends Exception {
        TooManyPixels(String message) {
            super(message);
        }
    }

    /** The type of {@code upload} by its first bytes, or null. */
    static ImageType sniff(Path upload) throws IOException {
        byte[] head = new byte[12];
        int n;
        try (InputStream in = Files.newInputStream(upload)) {
            n = in.readNBytes(head, 0, head.length);
        }
        return ImageType.sniff(head, n);
    }

    static Result render(Path upload, ImageType type, Path jpeg) throws IOException, Unreadable, TooManyPixels {
        byte[] head = new byte[HEAD_BYTES];
        int headLength;
        try (InputStream in = Files.newInputStream(upload)) {
            headLength = in.readNBytes(head, 0, head.length);
        }
        int orientation = ExifOrientation.of(type, head, headLength);

        BufferedImage source;
        int width;
        int height;
        try (ImageInputStream in = ImageIO.createImageInputStream(upload.toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(type.imageIoFormat());
            if (!readers.hasNext()) {
                throw new Unreadable("No decoder for " + type, null);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                width = reader.getWidth(0);
                height = reader.getHeight(0);
                if (width <= 0 || height <= 0) {
                    throw new Unreadable("The image has no size", null);
                }
                refuseWhatCannotBeDecodedSafely(type, width, height, head, headLength);
                int step = subsampling(width, height, bytesPerDecodedPixel(reader));
                ImageReadParam param = reader.getDefaultReadParam();
                if (step > 1) {
                    param.setSourceSubsampling(step, step, 0, 0);
                }
                source = reader.read(0, param);
            } catch (IOException | RuntimeException e) {
                throw new Unreadable("The file is not a readable " + type + " image", e);
            } finally {
                reader.dispose();
            }
        }
        boolean quarterTurn = orientation >= 5;
        int uprightWidth = quarterTurn ? height : width;
        int uprightHeight = quarterTurn ? width : height;

        long decodedBytes = bytesOf(source);
        BufferedImage upright = draw(source, orientation);
        long bytes = writeJpeg(upright, jpeg);
        return new Result(type, uprightWidth, uprightHeight, bytes, decodedBytes);
    }

    private static long bytesOf(BufferedImage image) {
        DataBuffer buffer = image.getRaster().getDataBuffer();
        return (long) buffer.getSize() * buffer.getNumBanks() * DataBuffer.getDataTypeSize(buffer.getDataType()) / 8;
    }

    /** Refuses, from the header alone, a photo whose decoding would need memory beyond our bounds. */
    private static void refuseWhatCannotBeDecodedSafely(ImageType type, int width, int height, byte[] head,
                                                        int headLength) throws TooManyPixels {
        long pixels = (long) width * height;
        if (pixels > MAX_PIXELS || Math.max(width, height) > MAX_SIDE) {
            throw new TooManyPixels("The image is " + width + " x " + height + " pixels; at most "
                    + MAX_PIXELS / 1_000_000 + " megapixels and " + MAX_SIDE + " pixels a side are accepted");
        }
        if (type == ImageType.JPEG && pixels > MAX_PROGRESSIVE_JPEG_PIXELS && progressive(head, headLength)) {
            throw new TooManyPixels("The image is a progressive JPEG of " + width + " x " + height + " pixels; at most "
                    + MAX_PROGRESSIVE_JPEG_PIXELS / 1_000_000 + " megapixels are accepted for progressive JPEGs");
        }
        if (type == ImageType.WEBP && pixels > MAX_WEBP_PIXELS) {
            throw new TooManyPixels("The image is a WebP of " + width + " x " + height + " pixels; at most "
                    + MAX_WEBP_PIXELS / 1_000_000 + " megapixels are accepted for WebP (JPEG and PNG may be larger)");
        }
    }

    /**
     * The smallest subsampling step that keeps the decoded image at most {@code 2 x MAX_WIDTH} on its longest side
     * (enough to scale down from smoothly) and within {@link #MAX_DECODED_BYTES}.
     */
    static int subsampling(int width, int height, int bytesPerPixel) {
        int longest = Math.max(width, height);
        int step = Math.max(1, ceilDiv(longest, 2 * MAX_WIDTH));
        while ((long) ceilDiv(width, step) * ceilDiv(height, step) * bytesPerPixel > MAX_DECODED_BYTES) {
            step++;
        }
        return step;
    }

    /**
     * The bytes a decoded pixel takes in the image the reader will make (its first image type, as {@code read}
     * uses it): 16-bit samples take twice what 8-bit ones do. Unknown: refused, as it cannot be bounded.
     */
    private static int bytesPerDecodedPixel(ImageReader reader) throws IOException, Unreadable {
        Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
        if (types == null || !types.hasNext()) {
            throw new Unreadable("The image's pixel layout is not one we decode", null);
        }
        SampleModel sample = types.next().getSampleModel(1, 1);
        int bits = DataBuffer.getDataTypeSize(sample.getDataType()) * sample.getNumDataElements();
        return Math.max(1, ceilDiv(bits, 8));
    }

    /** Whether the JPEG's frame header (SOF) announces progressive coding; true when it is not in the head. */
    static boolean progressive(byte[] d, int length) {
        int i = 2;
        while (i + 4 <= length) {
            if ((d[i] & 0xff) != 0xFF) {
                return true;
            }
            int marker = d[i + 1] & 0xff;
            if (marker == 0xFF) { // fill byte
                i++;
                continue;
            }
            if (marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
                i += 2;
                continue;
            }
            boolean frame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (frame) {
                return marker == 0xC2 || marker == 0xC6 || marker == 0xCA || marker == 0xCE;
            }
            if (marker == 0xDA || marker == 0xD9) {
                return true;
            }
            i += 2 + (((d[i + 2] & 0xff) << 8) | (d[i + 3] & 0xff));
        }
        return true;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    /** The decoded pixels turned upright, scaled to at most {@link #MAX_WIDTH} wide, on white (no alpha). */
    private static BufferedImage draw(BufferedImage source, int orientation) {
        int w = source.getWidth();
        int h = source.getHeight();
        boolean quarterTurn = orientation >= 5;
        int uw = quarterTurn ? h : w;
        int uh = quarterTurn ? w : h;
        double scale = uw > MAX_WIDTH ? (double) MAX_WIDTH / uw : 1.0;
        int tw = Math.max(1, (int) Math.round(uw * scale));
        int th = Math.max(1, (int) Math.round(uh * scale));

        AffineTransform orient = switch (orientation) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);
            case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);
            case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);
            case 7 -> new AffineTransform(0, -1, -1, 0, h, w);
            case 8 -> new AffineTransform(0, -1, 1, 0, 0, w);
            default -> new AffineTransform();
        };
        AffineTransform transform = AffineTransform.getScaleInstance((double) tw / uw, (double) th / uh);
        transform.concatenate(orient);

        BufferedImage target = new BufferedImage(tw, th, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, tw, th);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, transform, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    /** Writes a baseline JPEG without metadata; lowers the quality until it is at most 8 MiB. */
    private static long writeJpeg(BufferedImage image, Path jpeg) throws IOException {
        for (float quality : new float[]{0.9f, 0.8f, 0.7f, 0.55f, 0.4f}) {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            try (ImageOutputStream out = ImageIO.createImageOutputStream(Files.newOutputStream(jpeg))) {
                writer.setOutput(out);
                ImageWriteParam param = writer.getDefaultWriteParam();
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(quality);
                writer.write(null, new IIOImage(image, null, null), param);
            } finally {
                writer.dispose();
            }
            long size = Files.size(jpeg);
            if (size <= MAX_JPEG_BYTES) {
                return size;
            }
        }
        throw new IOException("The JPEG rendition stays above 8 MiB");
    }
}
