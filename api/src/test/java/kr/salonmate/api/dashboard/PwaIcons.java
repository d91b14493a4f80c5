package kr.salonmate.api.dashboard;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Area;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Draws the dashboard's PNG icons (the same picture as {@code static/icons/icon.svg}: a cream speech bubble with a
 * star on warm terracotta). Run once when the design changes; the PNGs are committed:
 * <pre>java api/src/test/java/kr/salonmate/api/dashboard/PwaIcons.java api/src/main/resources/static/icons</pre>
 */
public final class PwaIcons {

    private static final Color TOP = new Color(0xC9, 0x6A, 0x4F);
    private static final Color BOTTOM = new Color(0xA6, 0x48, 0x32);
    private static final Color CREAM = new Color(0xFF, 0xF6, 0xEE);
    private static final Color STAR = new Color(0xE0, 0xA5, 0x26);

    private PwaIcons() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "api/src/main/resources/static/icons");
        Files.createDirectories(out);
        write(draw(192, false), out.resolve("icon-192.png"));
        write(draw(512, false), out.resolve("icon-512.png"));
        write(draw(512, true), out.resolve("icon-maskable-512.png"));
        write(draw(180, true), out.resolve("apple-touch-icon.png"));
        write(draw(32, false), out.resolve("favicon-32.png"));
    }

    /**
     * @param fullBleed maskable / Apple icons: the background fills the square and the picture stays inside the
     *                  central safe zone (the platform cuts its own shape)
     */
    static BufferedImage draw(int size, boolean fullBleed) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        double s = size;
        g.setPaint(new GradientPaint(0, 0, TOP, 0, (float) s, BOTTOM));
        if (fullBleed) {
            g.fillRect(0, 0, size, size);
        } else {
            g.fill(new RoundRectangle2D.Double(0, 0, s, s, s * 0.45, s * 0.45));
        }
        // the picture lives in a 64-unit box; maskable icons shrink it into the 80 % safe zone
        double scale = (fullBleed ? s * 0.72 : s * 0.86) / 64.0;
        double offset = (s - 64 * scale) / 2;
        g.translate(offset, offset + (fullBleed ? 0 : s * 0.01));
        g.scale(scale, scale);

        // speech bubble: a rounded rectangle with a tail at the lower left
        Area bubble = new Area(new RoundRectangle2D.Double(8, 10, 48, 36, 18, 18));
        Path2D tail = new Path2D.Double();
        tail.moveTo(16, 40);
        tail.lineTo(14, 55);
        tail.lineTo(29, 44);
        tail.closePath();
        bubble.add(new Area(tail));
        g.setColor(new Color(0, 0, 0, 28));
        g.translate(0, 1.5);
        g.fill(bubble);
        g.translate(0, -1.5);
        g.setColor(CREAM);
        g.fill(bubble);

        // a five-pointed star in the bubble
        Path2D star = new Path2D.Double();
        double cx = 32;
        double cy = 28.5;
        for (int i = 0; i < 10; i++) {
            double radius = i % 2 == 0 ? 11.5 : 5.0;
            double angle = -Math.PI / 2 + i * Math.PI / 5;
            double x = cx + radius * Math.cos(angle);
            double y = cy + radius * Math.sin(angle);
            if (i == 0) {
                star.moveTo(x, y);
            } else {
                star.lineTo(x, y);
            }
        }
        star.closePath();
        g.setColor(STAR);
        g.fill(star);
        g.setStroke(new BasicStroke(1.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(star);
        g.dispose();
        return image;
    }

    private static void write(BufferedImage image, Path file) throws IOException {
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("No PNG writer");
        }
    }
}
