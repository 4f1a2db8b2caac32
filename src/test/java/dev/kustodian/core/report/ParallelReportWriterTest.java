package dev.kustodian.core.report;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * JSON and SARIF with their findings formatted in chunks on worker threads write the same bytes as the golden files
 * (which were written finding by finding): here with tiny chunks, two workers and no size threshold, so every case
 * goes through the parallel path, chunk borders included.
 */
class ParallelReportWriterTest {
    private static final List<ReportFormat> FORMATS = List.of(ReportFormat.JSON, ReportFormat.SARIF);
    private int chunk;
    private int minElements;
    private int threads;

    @BeforeAll
    static void load() throws Exception {
        StreamingReportWriterTest.load();
    }

    @BeforeEach
    void parallelAlways() {
        chunk = ParallelArray.chunk;
        minElements = ParallelArray.minElements;
        threads = ParallelArray.threads;
        ParallelArray.chunk = 7;
        ParallelArray.minElements = 2;
        ParallelArray.threads = 2;
    }

    @AfterEach
    void restore() {
        ParallelArray.chunk = chunk;
        ParallelArray.minElements = minElements;
        ParallelArray.threads = threads;
    }

    static List<StreamingReportWriterTest.Case> cases() {
        return StreamingReportWriterTest.cases();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void sameBytesAsTheGoldenFiles(StreamingReportWriterTest.Case c) throws IOException {
        new StreamingReportWriterTest().sameBytesAsTheGoldenFiles(c, FORMATS);
    }

    @Test
    void threeWorkersAndLargeChunksToo() throws IOException {
        ParallelArray.threads = 3;
        ParallelArray.chunk = 1_000;
        for (StreamingReportWriterTest.Case c : cases()) {
            new StreamingReportWriterTest().sameBytesAsTheGoldenFiles(c, FORMATS);
        }
    }

    /** A failure while writing the chunks reaches the caller as it is (and the workers stop). */
    @Test
    void failureWhileWritingReachesTheCaller() {
        Report r = StreamingReportWriterTest.cases().get(2).report();
        Writer failing = new Writer() {
            private long written;

            @Override
            public void write(char[] cbuf, int off, int len) throws IOException {
                written += len;
                if (written > 100_000) {
                    throw new IOException("No space left on device");
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        assertThatThrownBy(() -> ReportWriter.write(r, ReportFormat.SARIF, failing))
                .isInstanceOf(IOException.class).hasMessage("No space left on device");
    }
}
