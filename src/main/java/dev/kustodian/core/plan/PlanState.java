package dev.kustodian.core.plan;

import dev.kustodian.core.output.SafeFiles;
import dev.kustodian.core.util.UserFacingException;
import dev.kustodian.core.yaml.YamlException;
import dev.kustodian.core.yaml.YamlReader;
import dev.kustodian.core.yaml.YamlWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a plan remembers between runs, per cluster: the answers given to its wizards ({@code store.name}...), the
 * proofs recorded for steps (the etcd verification of encryption at rest) and the result of each "Verify" (findings
 * before → after). Stored in the user's config directory under the cluster's identity key, and optionally in the
 * GitOps folder ({@code .kustodian/plan.yaml}) so a team shares it. Holds names and counts, never a value.
 */
public final class PlanState {

    /** One verification of a step: how many of its findings were open before and after, and when. */
    public record Verification(String at, int before, int after, String status) {
    }

    private final Map<String, String> answers = new TreeMap<>();
    private final Map<String, String> proofs = new TreeMap<>();
    private final Map<String, Verification> verifications = new TreeMap<>();
    private String cluster = "";

    public Map<String, String> answers() {
        return answers;
    }

    public String answer(String key) {
        return answers.get(key);
    }

    /** Recorded proof per step id (e.g. the etcd verification summary for {@code encryption-at-rest}). */
    public Map<String, String> proofs() {
        return proofs;
    }

    public Map<String, Verification> verifications() {
        return verifications;
    }

    public String cluster() {
        return cluster;
    }

    public PlanState cluster(String c) {
        this.cluster = c == null ? "" : c;
        return this;
    }

    public boolean isEmpty() {
        return answers.isEmpty() && proofs.isEmpty() && verifications.isEmpty();
    }

    /** The default state file of a cluster: {@code <config dir>/plans/<identity key>.yaml}. */
    public static Path defaultFile(Path configDir, String identityKey) {
        return configDir.resolve("plans").resolve(identityKey + ".yaml");
    }

    /** The user's Kustodian config directory ({@code -Dkustodian.config.dir}, else {@code ~/.config/kustodian}). */
    public static Path configDir() {
        String override = System.getProperty("kustodian.config.dir");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        return xdg != null && !xdg.isBlank() ? Path.of(xdg, "kustodian")
                : Path.of(System.getProperty("user.home"), ".config", "kustodian");
    }

    /** Reads a state file; a missing file is an empty state, a malformed one a bad-input error naming it. */
    @SuppressWarnings("unchecked")
    public static PlanState read(Path file) {
        PlanState s = new PlanState();
        if (!Files.isRegularFile(file)) {
            return s;
        }
        Map<String, Object> root;
        try {
            root = YamlReader.readMap(Files.readString(file), file.toString());
        } catch (IOException | YamlException e) {
            throw UserFacingException.badInput("The plan state file " + file + " cannot be read ("
                    + e.getMessage() + "). Fix or delete it.");
        }
        s.cluster = str(root.get("cluster"));
        copy(root.get("answers"), s.answers);
        copy(root.get("proofs"), s.proofs);
        if (root.get("verified") instanceof Map<?, ?> v) {
            for (Map.Entry<?, ?> e : v.entrySet()) {
                if (e.getValue() instanceof Map<?, ?> m) {
                    s.verifications.put(String.valueOf(e.getKey()), new Verification(str(m.get("at")),
                            num(m.get("before")), num(m.get("after")), str(m.get("status"))));
                }
            }
        }
        return s;
    }

    /** Merges {@code other} into this state (its entries win): the team's shared file over the personal one. */
    public PlanState merge(PlanState other) {
        answers.putAll(other.answers);
        proofs.putAll(other.proofs);
        verifications.putAll(other.verifications);
        if (!other.cluster.isEmpty()) {
            cluster = other.cluster;
        }
        return this;
    }

    public String toYaml() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("cluster", cluster);
        root.put("answers", new LinkedHashMap<>(answers));
        root.put("proofs", new LinkedHashMap<>(proofs));
        Map<String, Object> v = new LinkedHashMap<>();
        verifications.forEach((k, x) -> v.put(k, YamlWriter.map("at", x.at(), "before", x.before(), "after", x.after(),
                "status", x.status())));
        root.put("verified", v);
        return YamlWriter.write(root, "Kustodian plan state: answers, proofs and verifications (names and counts only).");
    }

    /** Writes the state atomically (creating the folder). */
    public void write(Path file) throws IOException {
        SafeFiles.writeAtomically(file, toYaml());
    }

    private static void copy(Object from, Map<String, String> to) {
        if (from instanceof Map<?, ?> m) {
            List<Map.Entry<?, ?>> entries = new ArrayList<>(m.entrySet());
            for (Map.Entry<?, ?> e : entries) {
                if (e.getValue() != null) {
                    to.put(String.valueOf(e.getKey()), String.valueOf(e.getValue()));
                }
            }
        }
    }

    private static String str(Object o) {
        return o == null ? "" : String.valueOf(o);
    }

    private static int num(Object o) {
        try {
            return o == null ? 0 : Integer.parseInt(String.valueOf(o));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
