import javax.imageio.ImageIO;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes the Windows (.ico) and macOS (.icns) icons from the brand PNG at build time, with the JDK only:
 * {@code java installers/icons/Icons.java resources/brand/kustodian.png target/icons}. Both formats hold PNG images
 * (ICO since Windows Vista, ICNS types icp4..ic10 since macOS 10.7), so ImageIO's PNG writer is all it needs.
 */
public final class Icons {
    private static final int[] ICO_SIZES = {16, 24, 32, 48, 64, 128, 256};
    private static final String[] ICNS_TYPES = {"icp4", "icp5", "icp6", "ic07", "ic08", "ic09", "ic10"};
    private static final int[] ICNS_SIZES = {16, 32, 64, 128, 256, 512, 1024};

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: java Icons.java SOURCE.png OUTPUT-DIR");
            System.exit(2);
        }
        BufferedImage source = ImageIO.read(Path.of(args[0]).toFile());
        if (source == null) {
            System.err.println("error: " + args[0] + " is not an image ImageIO can read.");
            System.exit(2);
        }
        Path out = Files.createDirectories(Path.of(args[1]));
        Files.write(out.resolve("kustodian.ico"), ico(source));
        Files.write(out.resolve("kustodian.icns"), icns(source));
        Files.write(out.resolve("kustodian.png"), png(scaled(source, 256)));
        System.out.println("icons written to " + out);
    }

    static byte[] ico(BufferedImage source) throws IOException {
        List<byte[]> images = new ArrayList<>();
        for (int size : ICO_SIZES) {
            images.add(png(scaled(source, size)));
        }
        int offset = 6 + 16 * images.size();
        ByteBuffer b = ByteBuffer.allocate(offset + images.stream().mapToInt(i -> i.length).sum())
                .order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) 0).putShort((short) 1).putShort((short) images.size());
        for (int i = 0; i < images.size(); i++) {
            int size = ICO_SIZES[i];
            b.put((byte) (size >= 256 ? 0 : size)).put((byte) (size >= 256 ? 0 : size)).put((byte) 0).put((byte) 0);
            b.putShort((short) 1).putShort((short) 32).putInt(images.get(i).length).putInt(offset);
            offset += images.get(i).length;
        }
        images.forEach(b::put);
        return b.array();
    }

    static byte[] icns(BufferedImage source) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(body); // big-endian, as ICNS wants
        for (int i = 0; i < ICNS_TYPES.length; i++) {
            byte[] png = png(scaled(source, ICNS_SIZES[i]));
            d.writeBytes(ICNS_TYPES[i]);
            d.writeInt(8 + png.length);
            d.write(png);
        }
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        DataOutputStream f = new DataOutputStream(file);
        f.writeBytes("icns");
        f.writeInt(8 + body.size());
        body.writeTo(f);
        return file.toByteArray();
    }

    static BufferedImage scaled(BufferedImage source, int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        var g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.drawImage(source, 0, 0, size, size, null);
        g.dispose();
        return img;
    }

    static byte[] png(BufferedImage img) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }
}
