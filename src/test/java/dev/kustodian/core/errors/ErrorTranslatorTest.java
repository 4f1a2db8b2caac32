package dev.kustodian.core.errors;

import dev.kustodian.core.util.UserFacingException;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorTranslatorTest {
    private static final java.util.regex.Pattern CLASS = java.util.regex.Pattern.compile("[A-Z]\\w*(Exception|Error)\\b");

    @Test
    void everyFailureBecomesASentenceWithoutClassNames() {
        Object[][] cases = {
                {new StackOverflowError(), 2, "nested too deeply"},
                {new OutOfMemoryError("Java heap space"), 1, "ran out of memory"},
                {new java.nio.charset.MalformedInputException(1), 2, "not UTF-8"},
                {new java.io.UncheckedIOException(new java.nio.file.AccessDeniedException("/x")), 1, "permission denied"},
                {new KubernetesClientException("Failure executing: GET at: https://a:pw@h/api. Message: Unauthorized.",
                        401, null), 3, "401"},
                {new KubernetesClientException("boom", new ConnectException("Connection refused")), 3, "refused"},
                {new IllegalArgumentException("--fail-on must be one of low, medium, high, critical."), 2, "--fail-on"},
                {new NullPointerException("Cannot invoke \"String.length()\" because \"x\" is null"), 1, "internal error"},
                {new RuntimeException(new tools.jackson.core.exc.StreamReadException(null, "Unexpected character")),
                        2, "expected structure"},
        };
        for (Object[] c : cases) {
            UserFacingException u = ErrorTranslator.translate((Throwable) c[0], "the input (--snapshot s.yaml)");
            assertThat(u.category().exitCode()).as(c[0].toString()).isEqualTo(c[1]);
            assertThat(u.getMessage()).as(c[0].toString()).contains((String) c[2]).doesNotContain("pw@")
                    .doesNotContainPattern(CLASS).doesNotContain("java.");
        }
        assertThat(ErrorTranslator.translate(new StackOverflowError(), "the input (--snapshot s.yaml)").getMessage())
                .startsWith("The input (--snapshot s.yaml) is nested too deeply");
    }

    @Test
    void userFacingMessagesAreCleanedNotReworded() {
        var u = new UserFacingException(UserFacingException.Category.BAD_INPUT,
                "Cannot read x (NoSuchFileException). The server https://u:secret@h:6443/?t=1 said no.");
        var t = ErrorTranslator.translate(u, null);
        assertThat(t.getMessage()).isEqualTo("Cannot read x. The server https://…@h:6443/?… said no.");
        assertThat(t.category()).isEqualTo(UserFacingException.Category.BAD_INPUT);
        var same = UserFacingException.badInput("Fine as it is.");
        assertThat(ErrorTranslator.translate(same, null)).isSameAs(same);
    }
}
