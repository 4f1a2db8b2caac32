package dev.kustodian.core.util;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DurationsTest {
    @Test
    void readsKubectlDurationsAndPlainSeconds() {
        assertThat(Durations.parse("--request-timeout", "30")).isEqualTo(Duration.ofSeconds(30));
        assertThat(Durations.parse("--request-timeout", "1.5")).isEqualTo(Duration.ofMillis(1500));
        assertThat(Durations.parse("--request-timeout", "500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("--request-timeout", "1m30s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Durations.parse("--request-timeout", "2h")).isEqualTo(Duration.ofHours(2));
        assertThat(Durations.parse("--request-timeout", "9999h")).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void zeroNegativeAndGarbageAreBadInputNamingTheFlag() {
        for (String v : new String[]{"0", "0s", "-1", "abc", "10x", "", "5s garbage"}) {
            assertThatThrownBy(() -> Durations.parse("--exec-timeout", v)).isInstanceOf(UserFacingException.class)
                    .hasMessageContaining("--exec-timeout")
                    .satisfies(e -> assertThat(((UserFacingException) e).category())
                            .isEqualTo(UserFacingException.Category.BAD_INPUT));
        }
    }

    @Test
    void describesDeadlinesForMessages() {
        assertThat(Durations.describe(Duration.ofMillis(700))).isEqualTo("700 ms");
        assertThat(Durations.describe(Duration.ofSeconds(30))).isEqualTo("30 s");
        assertThat(Durations.describe(Duration.ofMillis(1500))).isEqualTo("1.5 s");
    }
}
