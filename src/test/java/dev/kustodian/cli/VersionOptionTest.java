package dev.kustodian.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code kustodian -V} prints the version the pom declares (filtered build.properties), never "dev". */
class VersionOptionTest {

    @Test
    void versionComesFromThePom() throws Exception {
        Matcher m = Pattern.compile("<artifactId>kustodian</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(Path.of("pom.xml")));
        assertThat(m.find()).as("project version in pom.xml").isTrue();

        CommandLine cl = KustodianCommand.commandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        int code = cl.execute("-V");

        assertThat(code).isZero();
        assertThat(out.toString().trim()).isEqualTo("kustodian " + m.group(1));
    }
}
