package kr.salonmate.api.error;

import static kr.salonmate.api.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import kr.salonmate.api.error.ApiExceptionHandler;
import kr.salonmate.api.support.HttpApi;
import kr.salonmate.api.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Clients that give up mid-download (a closed tab, a scraper's time-out, thousands of them under load) are normal:
 * at most one DEBUG line each, no ERROR, no stack trace, and no attempt to write an error body to the dead socket.
 */
@ExtendWith(OutputCaptureExtension.class)
class ClientGoneTest extends IntegrationTest {

    private static final String HANDLER = ApiExceptionHandler.class.getName();

    @Autowired
    private LoggingSystem logging;

    @BeforeEach
    void showTheQuietLine() {
        logging.setLogLevel(HANDLER, LogLevel.DEBUG);
    }

    @AfterEach
    void restore() {
        logging.setLogLevel(HANDLER, null);
    }

    @Test
    void downloadsAbortedByTheClientAreNotErrors(CapturedOutput log) throws Exception {
        Owner owner = signUp("살롱 끊긴 다운로드");
        HttpApi.Response upload = api.upload(owner.shop("/media"), owner.token(), "file", "noise.jpg", "image/jpeg",
                noisyJpeg(1440, 1800));
        assertThat(upload.status()).as(upload.body()).isEqualTo(201);
        URI photo = URI.create(upload.json().path("url").asText());
        String photoTarget = photo.getRawPath() + "?" + photo.getRawQuery();

        for (int i = 0; i < 10; i++) {
            abort(photoTarget, "");
            abort("/actuator/prometheus", "Authorization: " + METRICS_AUTHORIZATION + "\r\n"); // operators only
        }

        assertThat(api.get("/actuator/health", null).status()).as("the server is fine").isEqualTo(200);
        assertThat(api.fetch(photo.toString()).statusCode()).as("a patient client gets the photo").isEqualTo(200);
        eventually(() -> log.getAll(), text -> text.contains("Client went away"), "an aborted download handled");
        // beyond that one DEBUG line each: no ERROR of ours or Tomcat's, no stack trace of a client going away
        String output = log.getAll().lines().filter(line -> !line.contains(" DEBUG "))
                .collect(java.util.stream.Collectors.joining("\n"));
        assertThat(output).doesNotContain("Unhandled failure", "Servlet.service()", "ClientAbortException:",
                "AsyncRequestNotUsableException:", "\tat org.apache.catalina.connector.OutputBuffer");
    }

    /** Sends the request, reads a little, and resets the connection (RST) instead of reading the rest. */
    private void abort(String target, String headers) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoLinger(true, 0);
            socket.setReceiveBufferSize(4096);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            socket.getInputStream().readNBytes(1024);
        }
    }

    private static byte[] noisyJpeg(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(7);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.8f);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
