package kr.salonmate.api.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Turns an uploaded photo into what SalonMate keeps and Instagram fetches: an upright (EXIF orientation applied)
 * RGB JPEG without any metadata (so no location), at most {@value #MAX_WIDTH} pixels wide and at most 8 MiB.
 * Very large photos are decoded subsampled, so memory stays bounded whatever the upload.
 */
final class ImageRendition {

    /** Instagram shows photos at most 1080 wide and accepts up to 1440. */
    static final int MAX_WIDTH = 1_440;
    static final long MAX_JPEG_BYTES = 8L * 1024 * 1024;
    /** Beyond this a photo is refused rather than decoded (a decompression bomb, not a photo). */
    static final long MAX_PIXELS = 100_000_000L;
    private static final int HEAD_BYTES = 256 * 1024;

    private ImageRendition() {
    }

    /** The upload as SalonMate read it: its type, upright size, and the rendition's size in bytes. */
    record Result(ImageType type, int width, int height, long renditionBytes) {
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
                if ((long) width * height > MAX_PIXELS) {
                    throw new TooManyPixels("The image has " + ((long) width * height / 1_000_000)
                            + " megapixels; at most " + MAX_PIXELS / 1_000_000 + " are accepted");
                }
                ImageReadParam param = reader.getDefaultReadParam();
                int longest = Math.max(width, height);
                int step = Math.max(1, longest / (2 * MAX_WIDTH));
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

        BufferedImage upright = draw(source, orientation);
        long bytes = writeJpeg(upright, jpeg);
        return new Result(type, uprightWidth, uprightHeight, bytes);
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
