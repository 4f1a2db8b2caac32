import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

/** Prints a file's SHA-256 in hex (sha256sum is not on every runner; shasum/certutil differ): java Sha256.java FILE */
public final class Sha256 {
    public static void main(String[] args) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        }
        System.out.println(HexFormat.of().formatHex(md.digest()));
    }
}
