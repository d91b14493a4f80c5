package kr.salonmate.api.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import kr.salonmate.api.support.ImageBombs;
import kr.salonmate.api.support.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Whatever an upload announces, the decoded pixels stay within {@link ImageRendition#MAX_DECODED_BYTES} (4
 * megapixels of 8-bit RGBA), and what cannot be decoded within it is refused before anything is decoded.
 */
class ImageRenditionTest {

    @TempDir
    Path dir;

    private ImageRendition.Result render(byte[] bytes) throws Exception {
        Path upload = Files.write(dir.resolve("upload"), bytes);
        ImageType type = ImageRendition.sniff(upload);
        return ImageRendition.render(upload, type, dir.resolve("rendition.jpg"));
    }

    @Test
    void aSixteenBitPngBombIsDecodedSubsampledWithinTheBudget() throws Exception {
        byte[] bomb = ImageBombs.png(6000, 6000, 16);
        assertThat(bomb.length).as("a few hundred KB of file").isLessThan(1024 * 1024);

        ImageRendition.Result result = render(bomb);

        assertThat(result.width()).isEqualTo(6000);
        assertThat(result.height()).isEqualTo(6000);
        // 6000 x 6000 x 8 bytes would be 288 MB; it used to be decoded at 3000 x 3000 (72 MB)
        assertThat(result.decodedBytes()).isPositive().isLessThanOrEqualTo(ImageRendition.MAX_DECODED_BYTES);
        BufferedImage rendition = TestImages.read(Files.readAllBytes(dir.resolve("rendition.jpg")));
        assertThat(rendition.getWidth()).isLessThanOrEqualTo(ImageRendition.MAX_WIDTH);
        assertThat(rendition.getWidth()).isEqualTo(rendition.getHeight());
    }

    @Test
    void aPhotoJustUnderTwiceTheWidthIsNoLongerDecodedAtFullSize() throws Exception {
        // 5,700 px on the long side: integer division gave a step of 1 (130 MB of 8-bit RGBA)
        ImageRendition.Result result = render(ImageBombs.png(5700, 5700, 8));

        assertThat(result.decodedBytes()).isLessThanOrEqualTo(ImageRendition.MAX_DECODED_BYTES);
        assertThat(result.width()).isEqualTo(5700);
    }

    @Test
    void anOrdinaryPhotoIsDecodedWhole() throws Exception {
        ImageRendition.Result result = render(TestImages.jpeg(1440, 1800));

        assertThat(result.decodedBytes()).as("not subsampled").isGreaterThanOrEqualTo(1440L * 1800 * 3);
        BufferedImage rendition = TestImages.read(Files.readAllBytes(dir.resolve("rendition.jpg")));
        assertThat(rendition.getWidth()).isEqualTo(1440);
        assertThat(rendition.getHeight()).isEqualTo(1800);
    }

    @ParameterizedTest(name = "{0} x {1}, {2} bytes a pixel")
    @CsvSource({"6000, 6000, 8", "6000, 6000, 4", "5760, 3840, 3", "30000, 3000, 8", "2880, 2880, 4", "1440, 1440, 3",
            "100, 29000, 8", "9999, 9999, 6"})
    void theSubsamplingStepIsTheSmallestThatKeepsTheDecodedImageWithinBounds(int width, int height, int bytes) {
        int step = ImageRendition.subsampling(width, height, bytes);

        assertThat(decoded(width, height, step, bytes)).isLessThanOrEqualTo(ImageRendition.MAX_DECODED_BYTES);
        assertThat(Math.max(ceil(width, step), ceil(height, step))).isLessThanOrEqualTo(2 * ImageRendition.MAX_WIDTH);
        if (step > 1) {
            int smaller = step - 1;
            assertThat(decoded(width, height, smaller, bytes) > ImageRendition.MAX_DECODED_BYTES
                    || Math.max(ceil(width, smaller), ceil(height, smaller)) > 2 * ImageRendition.MAX_WIDTH)
                    .as("step %d is the smallest that fits", step).isTrue();
        }
    }

    @ParameterizedTest(name = "{0} x {1}")
    @CsvSource({"60000, 60000", "100000, 1", "1, 40000", "10001, 10000"})
    void whatAnnouncesTooManyPixelsOrTooLongASideIsRefusedBeforeDecoding(int width, int height) {
        // the data holds only three rows: decoding anything would fail as unreadable, not as too large
        assertThatThrownBy(() -> render(ImageBombs.truncatedPng(width, height)))
                .isInstanceOf(ImageRendition.TooManyPixels.class);
    }

    @Test
    void aPngWhoseDataEndsEarlyIsUnreadable() {
        assertThatThrownBy(() -> render(ImageBombs.truncatedPng(4000, 4000)))
                .isInstanceOf(ImageRendition.Unreadable.class);
    }

    @Test
    void aLargeProgressiveJpegIsRefusedItsDecoderWouldBufferTheWholeImage() throws Exception {
        byte[] progressive = jpeg(64, 48, true);
        assertThat(ImageRendition.progressive(progressive, progressive.length)).isTrue();
        assertThat(render(progressive).width()).as("a small one is fine").isEqualTo(64);

        byte[] announcesThirtyMegapixels = withFrameSize(progressive, 6000, 5000);
        assertThatThrownBy(() -> render(announcesThirtyMegapixels))
                .isInstanceOf(ImageRendition.TooManyPixels.class).hasMessageContaining("progressive");

        byte[] baseline = jpeg(64, 48, false);
        assertThat(ImageRendition.progressive(baseline, baseline.length)).isFalse();
    }

    private static long decoded(int width, int height, int step, int bytes) {
        return (long) ceil(width, step) * ceil(height, step) * bytes;
    }

    private static int ceil(int a, int b) {
        return (a + b - 1) / b;
    }

    private static byte[] jpeg(int width, int height, boolean progressive) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (progressive) {
                param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** The same JPEG with its frame header (SOF) announcing another size. */
    private static byte[] withFrameSize(byte[] jpeg, int width, int height) {
        byte[] copy = jpeg.clone();
        for (int i = 2; i + 9 < copy.length; i++) {
            int marker = copy[i + 1] & 0xff;
            if ((copy[i] & 0xff) == 0xFF && (marker == 0xC0 || marker == 0xC2)) {
                copy[i + 5] = (byte) (height >> 8);
                copy[i + 6] = (byte) height;
                copy[i + 7] = (byte) (width >> 8);
                copy[i + 8] = (byte) width;
                return copy;
            }
        }
        throw new AssertionError("no frame header");
    }
}
