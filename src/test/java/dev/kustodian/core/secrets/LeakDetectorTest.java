package dev.kustodian.core.secrets;

import dev.kustodian.core.model.LeakHint.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** All "credentials" here are synthetic: random-looking strings in the right shape, valid nowhere. */
class LeakDetectorTest {

    private static final String JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ0ZXN0LXVzZXIifQ.c2lnbmF0dXJlLW5vdC1yZWFs";

    /** Well-known formats, URLs with passwords and assignments of random-looking values, each with its kind. */
    static Stream<Arguments> credentials() {
        return Stream.of(
                arguments(Kind.AWS_ACCESS_KEY, "key: AKIAQ3EXAMPLEZZ7WQ2K"),
                arguments(Kind.PRIVATE_KEY_PEM, "-----BEGIN RSA PRIVATE KEY-----\nMIIE...\n"),
                arguments(Kind.PRIVATE_KEY_PEM, "-----BEGIN PRIVATE KEY-----"),
                arguments(Kind.PRIVATE_KEY_PEM, "-----BEGIN OPENSSH PRIVATE KEY-----"),
                arguments(Kind.PRIVATE_KEY_PEM, "-----BEGIN PGP PRIVATE KEY BLOCK-----"),
                arguments(Kind.JWT, "token=" + JWT),
                arguments(Kind.JWT, JWT),
                arguments(Kind.GENERIC_API_TOKEN, "ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8"),
                arguments(Kind.GENERIC_API_TOKEN, "glpat-" + "Zx9Yw8Vu7Ts6Rq5Po4Nm"),
                arguments(Kind.GENERIC_API_TOKEN, "xoxb-" + "1234567890-abcdefghij"),
                arguments(Kind.GENERIC_API_TOKEN, "hvs." + "CAESIJx9Yw8Vu7Ts6Rq5Po4Nm3Lk"),
                arguments(Kind.GENERIC_API_TOKEN, "Authorization: Bearer Qm9yZWQ1Xy9aQ2xhc3NpYzRiZWFy"),
                arguments(Kind.URL_WITH_PASSWORD, "postgres://app:Xk29fLq81@db.internal:5432/app"),
                arguments(Kind.URL_WITH_PASSWORD, "jdbc:mysql://root:s3cr3tPw!@mysql/app"),
                arguments(Kind.URL_WITH_PASSWORD, "amqp://guest:Sup3rLongPw@rabbit:5672"),
                arguments(Kind.PASSWORD_ASSIGNMENT, "db.password=Tq8#vLm2pZ9x"),
                arguments(Kind.PASSWORD_ASSIGNMENT, "api_key: 'a8F3kL0qZ7mN2xR5'"),
                arguments(Kind.PASSWORD_ASSIGNMENT, "client-secret = 7hG2kP9mQ4wX"),
                arguments(Kind.PASSWORD_ASSIGNMENT, "\"token\": \"p9Lk2Mn8Qz4Wx7Rt\""));
    }

    @ParameterizedTest
    @MethodSource("credentials")
    void recognisesCredentials(Kind kind, String v) {
        assertThat(LeakDetector.scan(v)).contains(kind);
    }

    /** URLs with placeholders or without passwords, and assignments that are not credentials. */
    @ParameterizedTest
    @ValueSource(strings = {
            "postgres://app:${DB_PASSWORD}@db/app",
            "postgres://app:{{ .Values.pw }}@db/app",
            "postgres://app:<password>@db/app",
            "postgres://app:password@db/app",
            "postgres://app:*****@db/app",
            "https://example.com/path?x=1",
            "http://user@host/",
            "password=changeme123",
            "password=${DB_PASSWORD}",
            "password: placeholder-value",
            "token_ttl=3600s",
            "secret=aaaaaaaaaaaa",
            "password=short",
            "log.level=debug\nfeature.flag=true",
            "The password policy requires a strong password.",
    })
    void placeholdersAndNonCredentialsAreNotReported(String v) {
        assertThat(LeakDetector.scan(v)).isEmpty();
    }

    @Test
    void namedLiteralsUseTheNameButSkipReferencesAndNames() {
        assertThat(LeakDetector.scan("DB_PASSWORD", "Rk7#pQ2!zL9w")).contains(Kind.SECRET_NAMED_LITERAL);
        assertThat(LeakDetector.scan("STRIPE_API_KEY", "x8Kp2Lq9Zr4Mw7Nt")).contains(Kind.SECRET_NAMED_LITERAL);
        // the same value under a neutral name is not a finding
        assertThat(LeakDetector.scan("GREETING", "Rk7#pQ2!zL9w")).isEmpty();
        // references, names and paths
        assertThat(LeakDetector.scan("DB_PASSWORD_FILE", "/run/secrets/Rk7pQ2zL9w")).isEmpty();
        assertThat(LeakDetector.scan("DB_PASSWORD", "/run/secrets/db")).isEmpty();
        assertThat(LeakDetector.scan("SECRET_NAME", "payments-db-credentials-v2")).isEmpty();
        assertThat(LeakDetector.scan("TOKEN_URL", "https://auth.example.com/token")).isEmpty();
        assertThat(LeakDetector.scan("API_TOKEN", "$(API_TOKEN_FROM_SECRET)")).isEmpty();
        assertThat(LeakDetector.scan("USE_TOKEN", "true")).isEmpty();
        assertThat(LeakDetector.scan("AWS_SECRET_ARN", "arn:aws:secretsmanager:eu-west-1:1:secret:x")).isEmpty();
        assertThat(LeakDetector.scan("PASSWORD", "not a secret at all")).isEmpty();
    }

    @Test
    void nullShortAndOrdinaryValuesAreIgnored() {
        assertThat(LeakDetector.scan(null)).isEmpty();
        assertThat(LeakDetector.scan("abc")).isEmpty();
        assertThat(LeakDetector.scan("server { listen 80; server_name _; }")).isEmpty();
        assertThat(LeakDetector.scan("{\"replicas\": 3, \"image\": \"nginx:1.27\"}")).isEmpty();
    }

    @Test
    void looksRandomNeedsEntropyAndCharacterClasses() {
        assertThat(LeakDetector.looksRandom("Tq8#vLm2pZ9x")).isTrue();
        assertThat(LeakDetector.looksRandom("abcdefgh")).isFalse(); // one class
        assertThat(LeakDetector.looksRandom("aaaaBBBB")).isFalse(); // low entropy
        assertThat(LeakDetector.looksRandom("<your-token-here>")).isFalse();
        assertThat(LeakDetector.looksRandom("x".repeat(5000))).isFalse();
    }

    @Test
    void resultNeverCarriesTheValue() {
        Optional<Kind> k = LeakDetector.scan("DB_PASSWORD", "CANARY-Rk7#pQ2!zL9w");
        assertThat(k).isPresent();
        assertThat(k.get().toString() + k.get().description()).doesNotContain("CANARY");
    }

    @Test
    void pathologicalInputsFinishQuickly() {
        // long runs that made an unbounded scheme pattern backtrack quadratically
        String dots = "a.".repeat(200_000) + "://";
        String b64 = "QUJD".repeat(250_000);
        assertThat(LeakDetector.scan(dots)).isEmpty();
        assertThat(LeakDetector.scan(b64)).isEmpty();
    }

    /**
     * The literals checked before each pattern are in every match of it: on random values made of the patterns'
     * pieces (any case, around runs of letters and digits, unicode that changes length when lower-cased), a value
     * the pattern finds something in always passes its literal check, so skipping the others changes no result.
     */
    @Test
    void literalChecksNeverSkipAMatch() {
        java.util.Random rnd = new java.util.Random(7);
        String[] pieces = {"-----BEGIN ", "RSA ", "OPENSSH ", "PRIVATE KEY", "-----", " BLOCK", "AKIA", "ASIA", "eyJ",
                ".", "ghp_", "gho_", "github_pat_", "xoxb-", "sk_live_", "rk_live_", "AIza", "glpat-", "npm_", "sk-",
                "sk-proj-", "hvs.", "Bearer ", "BASIC ", "bEaReR\t", "://", "postgres", "jdbc:mysql", ":", "@", "/",
                " ", "\n", "=", ": ", "'", "\"", "PassWord", "passwd", "PWD", "Secret", "client_secret", "TOKEN",
                "api-key", "Access_Key", "private-key", "é", "\u0130", "\u212A", "_", "-", "$", "{{"};
        java.util.Map<LeakDetector.Literals, Integer> found = new java.util.HashMap<>();
        List<LeakDetector.Literals> all = List.of(LeakDetector.PEM_LITERALS, LeakDetector.AWS_KEY_LITERALS,
                LeakDetector.JWT_LITERALS, LeakDetector.TOKEN_LITERALS, LeakDetector.AUTH_HEADER_LITERALS,
                LeakDetector.ASSIGNMENT_LITERALS);
        for (int i = 0; i < 40_000; i++) {
            StringBuilder v = new StringBuilder();
            for (int n = 1 + rnd.nextInt(8); n > 0; n--) {
                switch (rnd.nextInt(6)) {
                    case 4 -> v.append(pieces[rnd.nextInt(3)]).append("PRIVATE KEY").append(pieces[rnd.nextInt(6)]);
                    case 5 -> v.append(rnd.nextBoolean() ? "eyJ" : "").append(run(rnd, "abcXYZ019_-", 8))
                            .append(".eyJ").append(run(rnd, "abcXYZ019_-", 7 + rnd.nextInt(3))).append('.')
                            .append(run(rnd, "abcXYZ019_-", 8));
                    case 0 -> v.append(run(rnd, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 16 + rnd.nextInt(3)));
                    case 1 -> v.append(run(rnd, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-",
                            8 + rnd.nextInt(40)));
                    default -> v.append(pieces[rnd.nextInt(pieces.length)]);
                }
            }
            String value = v.toString();
            for (LeakDetector.Literals l : all) {
                if (l.pattern().matcher(value).find()) {
                    found.merge(l, 1, Integer::sum);
                    assertThat(l.mayFind(value, null)).as(l.pattern() + " finds a match in " + value).isTrue();
                }
            }
        }
        assertThat(found).as("every pattern matched some values").hasSize(all.size())
                .allSatisfy((l, n) -> assertThat(n).as(l.pattern().pattern()).isGreaterThan(10));
    }

    private static String run(java.util.Random rnd, String alphabet, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
