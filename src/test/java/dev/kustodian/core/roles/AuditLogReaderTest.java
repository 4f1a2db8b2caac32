package dev.kustodian.core.roles;

import dev.kustodian.core.util.Cancellation;
import dev.kustodian.core.util.Progress;
import dev.kustodian.core.util.UserFacingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditLogReaderTest {
    static final Path V1 = Path.of("src/test/resources/audit/sample-v1.jsonl");
    static final Path V1BETA1 = Path.of("src/test/resources/audit/sample-v1beta1.jsonl");

    static List<AuditEvent> readAll(List<Path> files, AuditLogReader.Result[] result) {
        List<AuditEvent> events = new ArrayList<>();
        AuditLogReader.Result r = new AuditLogReader(Progress.NONE, new Cancellation()).read(files, events::add);
        if (result != null) {
            result[0] = r;
        }
        return events;
    }

    @Test
    void readsV1EventsOncePerRequestWithTheirFacts() {
        AuditLogReader.Result[] r = new AuditLogReader.Result[1];
        List<AuditEvent> events = readAll(List.of(V1), r);
        assertThat(r[0].lines()).isEqualTo(23);
        assertThat(r[0].events()).isEqualTo(20);
        assertThat(r[0].skippedStage()).isEqualTo(1); // the RequestReceived stage of a request
        assertThat(r[0].passed()).isEqualTo(19);
        assertThat(events).hasSize(19).allMatch(e -> e.stage().equals("ResponseComplete"));

        AuditEvent first = events.get(0);
        assertThat(first.verb()).isEqualTo("get");
        assertThat(first.resource()).isEqualTo("secrets");
        assertThat(first.apiGroup()).isEmpty();
        assertThat(first.namespace()).isEqualTo("shop");
        assertThat(first.name()).isEqualTo("db-creds");
        assertThat(first.user()).isEqualTo("system:serviceaccount:shop:api");
        assertThat(first.groups()).contains("system:serviceaccounts:shop");
        assertThat(first.code()).isEqualTo(200);
        assertThat(first.time()).isEqualTo(Instant.parse("2026-11-01T10:00:00Z"));
        assertThat(first.path()).isNull();

        AuditEvent scale = events.stream().filter(e -> "scale".equals(e.subresource())).findFirst().orElseThrow();
        assertThat(scale.apiGroup()).isEqualTo("apps");
        assertThat(scale.rbacResource()).isEqualTo("deployments/scale");

        AuditEvent apis = events.stream().filter(e -> !e.isResourceRequest() && e.path().startsWith("/apis"))
                .findFirst().orElseThrow();
        assertThat(apis.path()).isEqualTo("/apis"); // query string dropped

        assertThat(events).filteredOn(AuditEvent::denied).hasSize(1);
    }

    @Test
    void impersonatedUserIsTheEffectiveIdentity() {
        List<AuditEvent> events = readAll(List.of(V1), null);
        AuditEvent imp = events.stream().filter(e -> e.verb().equals("create")).findFirst().orElseThrow();
        assertThat(imp.user()).isEqualTo("system:serviceaccount:shop:api");
        assertThat(imp.groups()).containsExactly("system:serviceaccounts");
    }

    @Test
    void malformedLinesAreCountedByFileAndLineWithoutTheirContent() {
        AuditLogReader.Result[] r = new AuditLogReader.Result[1];
        readAll(List.of(V1), r);
        assertThat(r[0].malformed()).isEqualTo(2);
        assertThat(r[0].problems()).containsExactly(
                V1 + ":7: not valid JSON",
                V1 + ":23: not an audit event (no verb)");
        assertThat(String.join("\n", r[0].problems())).doesNotContain("this is not json");
    }

    @Test
    void bodiesAreNeverKept() {
        List<AuditEvent> events = readAll(List.of(V1, V1BETA1), null);
        String all = events.toString();
        assertThat(all).doesNotContain("c3VwZXJzZWNyZXQtdmFsdWU=").doesNotContain("plain-text-token")
                .doesNotContain("JTI=abc");
    }

    @Test
    void readsV1beta1WithTheLegacyTimestamp() {
        List<AuditEvent> events = readAll(List.of(V1BETA1), null);
        assertThat(events).hasSize(2);
        assertThat(events.get(0).user()).isEqualTo("jenkins");
        assertThat(events.get(0).time()).isEqualTo(Instant.parse("2019-03-01T08:00:00.100Z"));
        assertThat(events.get(1).time()).isEqualTo(Instant.parse("2019-03-02T08:00:00Z"));
        assertThat(events.get(1).apiGroup()).isEqualTo("apps");
        assertThat(events.get(1).verb()).isEqualTo("update");
    }

    @Test
    void gzipIsDetectedByMagicBytesNotByName(@TempDir Path dir) throws IOException {
        Path gz = dir.resolve("audit.log"); // gzip content, no .gz extension
        Files.write(gz, gzip(Files.readAllBytes(V1)));
        Path plain = dir.resolve("audit.log.gz"); // plain content, misleading extension
        Files.copy(V1BETA1, plain);
        AuditLogReader.Result[] r = new AuditLogReader.Result[1];
        List<AuditEvent> events = readAll(List.of(gz, plain), r);
        assertThat(events).hasSize(21);
        assertThat(r[0].files()).isEqualTo(2);
        assertThat(r[0].malformed()).isEqualTo(2);
        assertThat(r[0].problems().get(0)).startsWith(gz + ":7:");
        // events keep file order
        assertThat(events.get(20).user()).isEqualTo("jenkins");
    }

    @Test
    void aTruncatedGzipFileIsReportedAndTheRestIsKept(@TempDir Path dir) throws IOException {
        byte[] full = gzip(Files.readAllBytes(V1));
        Path cut = dir.resolve("cut.gz");
        Files.write(cut, Arrays.copyOf(full, full.length - 12)); // loses the trailer (and maybe some data)
        AuditLogReader.Result[] r = new AuditLogReader.Result[1];
        List<AuditEvent> events = readAll(List.of(cut, V1BETA1), r);
        assertThat(r[0].problems()).anyMatch(p -> p.startsWith(cut + ": damaged after line"));
        assertThat(events).filteredOn(e -> e.user().equals("jenkins")).hasSize(2);
    }

    @Test
    void eventListLinesAndLongLinesAndCrLf() throws IOException {
        String big = "x".repeat(300_000); // longer than the reader's buffer: a huge requestObject
        String line1 = "{\"kind\":\"EventList\",\"apiVersion\":\"audit.k8s.io/v1\",\"items\":["
                + "{\"stage\":\"ResponseComplete\",\"verb\":\"get\",\"user\":{\"username\":\"a\"},\"objectRef\":{\"resource\":\"pods\",\"namespace\":\"n\"}},"
                + "{\"stage\":\"ResponseComplete\",\"verb\":\"list\",\"user\":{\"username\":\"a\"},\"objectRef\":{\"resource\":\"pods\",\"namespace\":\"n\"}}]}\r\n";
        String line2 = "{\"stage\":\"ResponseComplete\",\"verb\":\"create\",\"requestObject\":{\"data\":{\"k\":\"" + big
                + "\"}},\"user\":{\"username\":\"a\"},\"objectRef\":{\"resource\":\"secrets\",\"namespace\":\"n\"},\"responseStatus\":{\"code\":201}}\n";
        List<AuditEvent> events = new ArrayList<>();
        AuditLogReader.Result r = new AuditLogReader(Progress.NONE, new Cancellation())
                .read(new ByteArrayInputStream((line1 + line2).getBytes(StandardCharsets.UTF_8)), "mem", events::add);
        assertThat(r.malformed()).isZero();
        assertThat(events).extracting(AuditEvent::verb).containsExactly("get", "list", "create");
        assertThat(events.get(2).code()).isEqualTo(201);
    }

    @Test
    void missingFileIsBadInput() {
        assertThatThrownBy(() -> readAll(List.of(Path.of("no/such/audit.log")), null))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("no/such/audit.log")
                .extracting(e -> ((UserFacingException) e).category())
                .isEqualTo(UserFacingException.Category.BAD_INPUT);
    }

    @Test
    void reportsProgressAndCanBeCancelled(@TempDir Path dir) throws IOException {
        Path log = dir.resolve("big.log");
        String line = Files.readAllLines(V1).get(1) + "\n";
        Files.writeString(log, line.repeat(5_000));
        List<Double> fractions = new ArrayList<>();
        AuditLogReader.Result r = new AuditLogReader((f, m) -> fractions.add(f), new Cancellation())
                .read(List.of(log), e -> { });
        assertThat(r.events()).isEqualTo(5_000);
        assertThat(fractions).isNotEmpty().isSorted();
        assertThat(fractions.get(fractions.size() - 1)).isEqualTo(1.0);

        Cancellation cancel = new Cancellation();
        cancel.cancel();
        assertThatThrownBy(() -> new AuditLogReader(Progress.NONE, cancel).read(List.of(log), e -> { }))
                .isInstanceOf(UserFacingException.class)
                .extracting(e -> ((UserFacingException) e).category())
                .isEqualTo(UserFacingException.Category.CANCELLED);
    }

    @Test
    void timestampsInEveryRfc3339Form() {
        for (String t : List.of("2026-11-01T10:00:00Z", "2026-11-01T10:00:00.1Z", "2026-11-01T10:00:00.123456Z",
                "2026-11-01T10:00:00.123456789Z", "2024-02-29T23:59:59.5Z", "2026-11-01T12:00:00+02:00")) {
            assertThat(AuditLogReader.instant(t)).as(t).isEqualTo(java.time.OffsetDateTime.parse(t).toInstant());
        }
        assertThat(AuditLogReader.instant("2026-02-30T10:00:00Z")).isNull();
        assertThat(AuditLogReader.instant("yesterday")).isNull();
        assertThat(AuditLogReader.instant("")).isNull();
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bos)) {
            gz.write(data);
        }
        return bos.toByteArray();
    }
}
