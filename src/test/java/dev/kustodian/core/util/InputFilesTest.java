package dev.kustodian.core.util;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InputFilesTest {
    @TempDir
    Path dir;

    @Test
    void specialFilesAreRefusedBeforeOpening() throws Exception {
        Path fifo = dir.resolve("p");
        new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor();
        assertThatThrownBy(() -> InputFiles.readBytes(fifo, "sealing certificate", 1024))
                .isInstanceOf(InputFiles.InputException.class)
                .hasMessage(fifo + ": is not a regular file (a pipe, socket or device), so it is not read as the "
                        + "sealing certificate. Save the content to a file and give that file.");
        assertThatThrownBy(() -> InputFiles.readText(dir, "kubeconfig", 1024)).hasMessageContaining("is a folder");
        assertThatThrownBy(() -> InputFiles.readText(Path.of("/dev/zero"), "kubeconfig", 1024))
                .hasMessageContaining("not a regular file");
        assertThatThrownBy(() -> InputFiles.readText(dir.resolve("nope"), "kubeconfig", 1024))
                .hasMessage(dir.resolve("nope") + ": the kubeconfig does not exist. Check the path.");
    }

    @Test
    void sizeBudgetHoldsEvenWhenTheFileSystemReportsNoSize() throws Exception {
        Path big = Files.writeString(dir.resolve("big.yaml"), "x".repeat(2048));
        assertThatThrownBy(() -> InputFiles.readText(big, "kubeconfig", 1024)).hasMessageContaining("larger than 1 KiB");
        assertThatThrownBy(() -> {
            try (Reader r = InputFiles.openText(big, "kubeconfig", 1024)) {
                r.read(new char[4096]);
            }
        }).hasMessageContaining("larger than");
    }

    @Test
    void decodesUtf8AndUtf16WithBomAndNamesTheLineOfBadBytes() throws Exception {
        assertThat(InputFiles.decode(bom(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "a: é", StandardCharsets.UTF_8),
                "f", "x")).isEqualTo("a: é");
        assertThat(InputFiles.decode(bom(new byte[]{(byte) 0xFF, (byte) 0xFE}, "a: é", StandardCharsets.UTF_16LE),
                "f", "x")).isEqualTo("a: é");
        assertThat(InputFiles.decode(bom(new byte[]{(byte) 0xFE, (byte) 0xFF}, "a: é", StandardCharsets.UTF_16BE),
                "f", "x")).isEqualTo("a: é");
        byte[] latin1 = "a: 1\nb: Z\u00fcrich\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> InputFiles.decode(latin1, "f.yaml", "kubeconfig"))
                .hasMessageStartingWith("f.yaml:2: is not UTF-8 text");
        assertThatThrownBy(() -> InputFiles.decode("a\nb\u0000".getBytes(StandardCharsets.UTF_8), "f.yaml", "kubeconfig"))
                .hasMessageStartingWith("f.yaml:2: holds a NUL byte");
        Path f = Files.write(dir.resolve("l.yaml"), latin1);
        assertThatThrownBy(() -> {
            try (Reader r = InputFiles.openText(f, "snapshot", 1 << 20)) {
                r.read(new char[4096]);
            }
        }).isInstanceOf(InputFiles.InputException.class).hasMessageContaining("is not UTF-8 text");
    }

    private static byte[] bom(byte[] bom, String text, java.nio.charset.Charset cs) {
        byte[] t = text.getBytes(cs);
        byte[] all = new byte[bom.length + t.length];
        System.arraycopy(bom, 0, all, 0, bom.length);
        System.arraycopy(t, 0, all, bom.length, t.length);
        return all;
    }

    @Test
    void ioErrorsInWords() {
        assertThat(IoErrors.describe(new java.io.IOException("No space left on device"))).isEqualTo("the disk is full");
        assertThat(IoErrors.describe(new java.nio.file.FileSystemException("/sys/x", null, "Read-only file system")))
                .isEqualTo("read-only location");
        var e = IoErrors.writeFailure(Path.of("r.html"), new java.io.IOException("No space left on device"));
        assertThat(e.getMessage()).isEqualTo("Cannot write r.html: the disk is full. Free some space or write "
                + "elsewhere; nothing was written.");
        assertThat(e.category()).isEqualTo(UserFacingException.Category.FAILED);
    }
}
