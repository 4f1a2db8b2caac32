package dev.kustodian.core.encryption;

import dev.kustodian.core.output.Bundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EncryptionConfigValidatorTest {
    static final String K32 = "YWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXoxMjM0NTY="; // 32 bytes
    static final String K16 = "c2VjcmV0IGlzIHNlY3VyZQ==";                     // 16 bytes
    static final String K24 = "MTIzNDU2Nzg5MDEyMzQ1Njc4OTAxMjM0";             // 24 bytes

    static List<String> errors(String yaml) {
        return errors(yaml, false);
    }

    static List<String> errors(String yaml, boolean reload) {
        EncryptionConfigParser.Result r = EncryptionConfigParser.parse(yaml, "test.yaml");
        List<String> out = new ArrayList<>();
        r.errors().forEach(e -> out.add(e.describe()));
        if (r.config() != null) {
            EncryptionConfigValidator.validate(r.config(), reload).forEach(e -> out.add(e.describe()));
        }
        return out;
    }

    static String config(String resources, String providers) {
        return "apiVersion: apiserver.config.k8s.io/v1\nkind: EncryptionConfiguration\nresources:\n"
                + "- resources: " + resources + "\n  providers:\n" + providers.indent(2);
    }

    static String secretbox(String secret) {
        return "- secretbox:\n    keys:\n    - name: k1\n      secret: " + secret + "\n";
    }

    @Test
    void validMinimalConfigs() {
        assertThat(errors(config("[secrets]", secretbox(K32) + "- identity: {}\n"))).isEmpty();
        assertThat(errors(config("[secrets, configmaps]", "- aesgcm:\n    keys:\n    - {name: a, secret: " + K16
                + "}\n    - {name: b, secret: " + K24 + "}\n"))).isEmpty();
        assertThat(errors(config("[secrets]", "- aescbc:\n    keys:\n    - {name: a, secret: " + K32 + "}\n"))).isEmpty();
        assertThat(errors(config("['*.', '*.apps']", "- kms:\n    apiVersion: v2\n    name: vault\n"
                + "    endpoint: unix:///var/run/kms.sock\n    timeout: 3s\n"))).isEmpty();
    }

    @Test
    void upstreamDocumentationExampleIsInvalidAndKeysAreNeverEchoed() throws IOException {
        String text;
        try (InputStream in = getClass().getResourceAsStream("/encryption/upstream-doc-example.yaml")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> errs = errors(text);
        assertThat(errs).containsExactly(
                "resources[2].providers[0].aescbc.keys[0].secret: Invalid value: \"REDACTED\": secret is not of the expected length, got 28, expected one of [16 24 32]",
                "resources[3].providers[0].aescbc.keys[0].secret: Invalid value: \"REDACTED\": secret is not of the expected length, got 25, expected one of [16 24 32]");
        assertThat(String.join("\n", errs)).doesNotContain("c2VjcmV0", "YWJj", "dGhpcyBp");
    }

    @Test
    void emptyFileAndMissingResources() {
        assertThat(errors("")).containsExactly("encryption provider configuration file \"test.yaml\" is empty");
        assertThat(errors("apiVersion: apiserver.config.k8s.io/v1\nkind: EncryptionConfiguration\n"))
                .containsExactly("resources: Required value: at least one resources is required");
    }

    @Test
    void strictDecodingRejectsUnknownFieldsAndWrongKinds() {
        assertThat(errors(config("[secrets]", secretbox(K32)) + "extra: 1\n"))
                .containsExactly("extra: strict decoding error: unknown field \"extra\"");
        assertThat(errors(config("[secrets]", "- secretbox:\n    keys:\n    - name: k1\n      secret: " + K32
                + "\n      sekret: x\n"))).containsExactly(
                "resources[0].providers[0].secretbox.keys[0].sekret: strict decoding error: unknown field \"resources[0].providers[0].secretbox.keys[0].sekret\"");
        assertThat(errors(config("[secrets]", "- kms:\n    name: a\n    endpoint: unix:///s\n    bogus: 1\n")))
                .anyMatch(e -> e.contains("unknown field \"resources[0].providers[0].kms.bogus\""));
        assertThat(errors("apiVersion: v1\nkind: Secret\n")).singleElement().asString().startsWith("apiVersion: Invalid value: \"v1\"");
        assertThat(errors("apiVersion: apiserver.config.k8s.io/v1\nkind: Foo\nresources: []\n"))
                .singleElement().asString().startsWith("kind: Invalid value: \"Foo\"");
        assertThat(errors("kind: EncryptionConfiguration\n")).singleElement().asString().startsWith("apiVersion: ");
        assertThat(errors("resources: notalist\napiVersion: apiserver.config.k8s.io/v1\nkind: EncryptionConfiguration\n"))
                .contains("resources: cannot decode: expected a list");
    }

    @Test
    void legacyV1EncryptionConfigIsAccepted() {
        String legacy = "kind: EncryptionConfig\napiVersion: v1\nresources:\n- resources: [secrets]\n  providers:\n"
                + secretbox(K32).indent(2);
        EncryptionConfigParser.Result r = EncryptionConfigParser.parse(legacy, "x");
        assertThat(r.ok()).isTrue();
        assertThat(r.config().legacy()).isTrue();
        assertThat(EncryptionConfigValidator.validate(r.config(), false)).isEmpty();
    }

    @Test
    void eachEntryNeedsResourcesAndProviders() {
        assertThat(errors(config("[]", "- identity: {}\n")))
                .containsExactly("resources[0].resources: Required value: at least one resources[0].resources is required");
        assertThat(errors("apiVersion: apiserver.config.k8s.io/v1\nkind: EncryptionConfiguration\nresources:\n- resources: [secrets]\n"))
                .containsExactly("resources[0].providers: Required value: at least one resources[0].providers is required");
    }

    @Test
    void resourceNameRules() {
        assertThat(errors(config("[Secrets]", secretbox(K32))))
                .containsExactly("resources[0].resources[0]: Invalid value: \"Secrets\": resource name should not contain capital letters");
        assertThat(errors(config("['*']", secretbox(K32))))
                .containsExactly("resources[0].resources[0]: Invalid value: \"*\": use '*.' to encrypt all the resources from core API group or *.* to encrypt all resources");
        for (String r : List.of("apiserveripinfo", "serviceipallocations", "servicenodeportallocations")) {
            assertThat(errors(config("[" + r + "]", secretbox(K32))))
                    .containsExactly("resources[0].resources[0]: Invalid value: \"" + r + "\": resources which do not have REST API/s cannot be encrypted");
        }
        assertThat(errors(config("[events.events.k8s.io]", secretbox(K32)))).singleElement().asString()
                .contains("'*.events.k8s.io' objects are stored using the 'events' API group");
        assertThat(errors(config("[deployments.extensions]", secretbox(K32)))).singleElement().asString()
                .endsWith("'extensions' group has been removed and cannot be used for encryption");
        assertThat(errors(config("['secrets.*']", secretbox(K32))))
                .containsExactly("resources[0].resources[0]: Invalid value: \"secrets.*\": encrypting the same resource across groups is not supported");
        // valid wildcards
        assertThat(errors(config("['*.']", secretbox(K32)))).isEmpty();
        assertThat(errors(config("['*.apps']", secretbox(K32)))).isEmpty();
        assertThat(errors(config("['*.*']", secretbox(K32)))).isEmpty();
        assertThat(errors(config("[deployments.apps, pandas.awesome.bears.example]", secretbox(K32)))).isEmpty();
    }

    @Test
    void duplicatesAndOverlapsInOneList() {
        assertThat(errors(config("[secrets, secrets]", secretbox(K32))))
                .containsExactly("resources[0].resources: Invalid value: \"secrets,secrets\": the same resource cannot be specified multiple times");
        assertThat(errors(config("[secrets, '*.']", secretbox(K32))))
                .containsExactly("resources[0].resources: Invalid value: \"secrets,*.\": using overlapping resources such as 'secrets' and '*.' in the same resource list is not allowed as they will be masked");
        assertThat(errors(config("[deployments.apps, '*.*']", secretbox(K32)))).singleElement().asString()
                .contains("overlapping resources");
        assertThat(errors(config("[deployments.apps, '*.batch']", secretbox(K32)))).isEmpty();
    }

    /** Two identity entries, {@code first} then {@code second}: a later resource an earlier wildcard covers is masked. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "*.apps | deployments.apps | resources[1].resources[0]: resource \"deployments.apps\" is masked by earlier rule \"*.apps\"",
            "*.*    | secrets          | resources[1].resources[0]: resource \"secrets\" is masked by earlier rule \"*.*\"",
            "*.     | secrets          | resources[1].resources[0]: resource \"secrets\" is masked by earlier rule \"*.\"",
            "secrets | *.*             |",
    })
    void maskingByAnEarlierWildcardEntry(String first, String second, String error) {
        String yaml = "apiVersion: apiserver.config.k8s.io/v1\nkind: EncryptionConfiguration\nresources:\n"
                + "- resources: ['" + first + "']\n  providers:\n  - identity: {}\n"
                + "- resources: ['" + second + "']\n  providers:\n  - identity: {}\n";
        assertThat(errors(yaml)).containsExactlyElementsOf(error == null ? List.of() : List.of(error));
    }

    @Test
    void exactlyOneProviderPerElement() {
        assertThat(errors(config("[secrets]", "- identity: {}\n  secretbox:\n    keys:\n    - {name: a, secret: " + K32 + "}\n")))
                .containsExactly("resources[0].providers[0]: Invalid value: \"Provider\": more than one provider specified in a single element, should split into different list elements");
        assertThat(errors(config("[secrets]", "- {}\n")))
                .containsExactly("resources[0].providers[0]: Invalid value: \"Provider\": provider does not contain any of the expected providers: KMS, AESGCM, AESCBC, Secretbox, Identity");
    }

    @Test
    void keyRules() {
        assertThat(errors(config("[secrets]", "- secretbox:\n    keys: []\n")))
                .containsExactly("resources[0].providers[0].secretbox.keys: Required value: at least one keys is required");
        assertThat(errors(config("[secrets]", "- aescbc:\n    keys:\n    - {secret: " + K32 + "}\n")))
                .containsExactly("resources[0].providers[0].aescbc.keys[0].name: Required value: name is a mandatory field for a key");
        assertThat(errors(config("[secrets]", "- aescbc:\n    keys:\n    - {name: a}\n")))
                .containsExactly("resources[0].providers[0].aescbc.keys[0].secret: Required value: secret is a mandatory field for a key");
        assertThat(errors(config("[secrets]", "- aesgcm:\n    keys:\n    - {name: a, secret: 'not*base64'}\n")))
                .containsExactly("resources[0].providers[0].aesgcm.keys[0].secret: Invalid value: \"REDACTED\": secrets must be base64 encoded");
        // secretbox needs exactly 32 bytes
        assertThat(errors(config("[secrets]", secretbox(K16))))
                .containsExactly("resources[0].providers[0].secretbox.keys[0].secret: Invalid value: \"REDACTED\": secret is not of the expected length, got 16, expected one of [32]");
        assertThat(errors(config("[secrets]", secretbox(K24)))).hasSize(1);
        // aes: 16/24/32
        for (String k : List.of(K16, K24, K32)) {
            assertThat(errors(config("[secrets]", "- aesgcm:\n    keys:\n    - {name: a, secret: " + k + "}\n"))).isEmpty();
        }
        assertThat(errors(config("[secrets]", "- aescbc:\n    keys:\n    - {name: a, secret: " + "YWJj" + "}\n")))
                .singleElement().asString().endsWith("got 3, expected one of [16 24 32]");
    }

    @Test
    void kmsRules() {
        String base = "- kms:\n    apiVersion: %s\n    name: %s\n    endpoint: %s\n";
        assertThat(errors(config("[secrets]", base.formatted("v2", "a:b", "unix:///s"))))
                .containsExactly("resources[0].providers[0].kms.name: Invalid value: \"a:b\": invalid KMS provider name a:b, must not contain ':'");
        assertThat(errors(config("[secrets]", base.formatted("v1", "a:b", "unix:///s")))).isEmpty();
        assertThat(errors(config("[secrets]", "- kms:\n    apiVersion: v2\n    endpoint: unix:///s\n")))
                .containsExactly("resources[0].providers[0].kms.name: Required value: name is a mandatory field for a provider");
        assertThat(errors(config("[secrets]", base.formatted("v2", "a", "tcp://1.2.3.4:80"))))
                .containsExactly("resources[0].providers[0].kms.endpoint: Invalid value: \"tcp://1.2.3.4:80\": unsupported scheme \"tcp\" for KMS provider, only unix is supported");
        assertThat(errors(config("[secrets]", "- kms:\n    apiVersion: v2\n    name: a\n")))
                .containsExactly("resources[0].providers[0].kms.endpoint: Invalid value: \"\": endpoint is a mandatory field for a kms");
        assertThat(errors(config("[secrets]", base.formatted("v3", "a", "unix:///s"))))
                .containsExactly("resources[0].providers[0].kms.apiVersion: Invalid value: \"v3\": unsupported apiVersion apiVersion for KMS provider, only v1 and v2 are supported");
        assertThat(errors(config("[secrets]", base.formatted("v2", "a", "unix:///s") + "    timeout: 0s\n")))
                .containsExactly("resources[0].providers[0].kms.timeout: Invalid value: \"0s\": timeout should be a positive value");
        assertThat(errors(config("[secrets]", base.formatted("v2", "a", "unix:///s") + "    timeout: -1s\n")))
                .hasSize(1);
        assertThat(errors(config("[secrets]", base.formatted("v2", "a", "unix:///s") + "    cachesize: 10\n")))
                .containsExactly("resources[0].providers[0].kms.cachesize: Invalid value: 10: cachesize is not supported in v2");
        assertThat(errors(config("[secrets]", base.formatted("v1", "a", "unix:///s") + "    cachesize: 0\n")))
                .containsExactly("resources[0].providers[0].kms.cachesize: Invalid value: 0: cachesize should be a positive value, or negative to disable");
        assertThat(errors(config("[secrets]", base.formatted("v1", "a", "unix:///s") + "    cachesize: -1\n"))).isEmpty();
    }

    @Test
    void kmsNamesUniqueForV2AndForV1OnlyWithReload() {
        String two = "- kms:\n    apiVersion: %s\n    name: a\n    endpoint: unix:///s\n- kms:\n    apiVersion: %s\n    name: a\n    endpoint: unix:///t\n";
        assertThat(errors(config("[secrets]", two.formatted("v2", "v2"))))
                .containsExactly("resources[0].providers[1].kms.name: Invalid value: \"a\": duplicate KMS provider name a, names must be unique");
        assertThat(errors(config("[secrets]", two.formatted("v1", "v1")), false)).isEmpty();
        assertThat(errors(config("[secrets]", two.formatted("v1", "v1")), true)).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"3s", "1m30s", "500ms", "1.5s", "2h", "10us"})
    void goDurations(String d) {
        assertThat(EncryptionConfigParser.parseGoDuration(d)).isPositive();
    }

    @ParameterizedTest
    @ValueSource(strings = {"3", "s", "1m30"})
    void badDurations(String d) {
        assertThat(EncryptionConfigParser.parseGoDuration(d)).isNull();
    }

    @Test
    void zeroAndMinutesWithSeconds() {
        assertThat(EncryptionConfigParser.parseGoDuration("0")).isZero();
        assertThat(EncryptionConfigParser.parseGoDuration("1m30s")).hasSeconds(90);
    }

    @Test
    void extraWarningsForKeyNames() {
        EncryptionConfig c = EncryptionConfigParser.parse(config("[secrets]", "- aesgcm:\n    keys:\n"
                + "    - {name: 'a:b', secret: " + K32 + "}\n    - {name: x, secret: " + K32 + "}\n    - {name: x, secret: " + K16 + "}\n"), "t").config();
        assertThat(EncryptionConfigValidator.extraWarnings(c)).extracting(Bundle.Problem::path)
                .containsExactly("resources[0].providers[0].aesgcm.keys[0].name", "resources[0].providers[0].aesgcm.keys[2].name");
    }
}
