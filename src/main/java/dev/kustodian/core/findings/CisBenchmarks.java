package dev.kustodian.core.findings;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.kustodian.core.util.UserFacingException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CIS ids per benchmark. Rules cite the controls they implement by their number in the CIS Kubernetes Benchmark
 * as written in the rule (e.g. 5.1.2 "Minimize access to secrets"); the bundled table {@code cis-controls.json}
 * (from kube-bench's check texts, matched by control text, see its "origin") gives that control's number in every
 * benchmark kube-bench ships: cis-1.5 … cis-1.12 and the EKS, GKE and AKS benchmarks. A control that a benchmark does
 * not have is left out of that benchmark's ids.
 */
public final class CisBenchmarks {
    /** The benchmark used when nothing else is known (kube-bench's choice for the newest Kubernetes versions). */
    public static final String LATEST = "cis-1.12";

    private static final Pattern VERSION = Pattern.compile("v?(\\d+)\\.(\\d+)");
    private static final Data DATA = load();

    private record Data(List<String> names, Map<String, String> controlOfRuleId, Map<String, String> texts,
                        Map<String, Map<String, String>> ids) {
    }

    private CisBenchmarks() {
    }

    /**
     * Reads the table with Jackson's streaming parser: an {@code ObjectMapper} (its class set-up and the tree) cost
     * the analysis of every load ~0.2 s at start-up, for a flat table of strings.
     */
    private static Data load() {
        try (InputStream in = CisBenchmarks.class.getResourceAsStream("cis-controls.json")) {
            if (in == null) {
                throw new IOException("no resource");
            }
            try (JsonParser p = new JsonFactory().createParser(in)) {
                List<String> names = new ArrayList<>();
                Map<String, String> byRuleId = new HashMap<>();
                Map<String, String> texts = new HashMap<>();
                Map<String, Map<String, String>> ids = new HashMap<>();
                expect(p.nextToken(), JsonToken.START_OBJECT);
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    JsonToken value = p.nextToken();
                    if (field.equals("benchmarks")) {
                        expect(value, JsonToken.START_ARRAY);
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            names.add(p.getText());
                        }
                    } else if (field.equals("controls")) {
                        expect(value, JsonToken.START_OBJECT);
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String control = p.currentName();
                            expect(p.nextToken(), JsonToken.START_OBJECT);
                            Map<String, String> per = new LinkedHashMap<>();
                            while (p.nextToken() == JsonToken.FIELD_NAME) {
                                String key = p.currentName();
                                JsonToken t = p.nextToken();
                                switch (key) {
                                    case "ruleId" -> byRuleId.put(p.getText(), control);
                                    case "text" -> texts.put(control, p.getText());
                                    case "ids" -> {
                                        expect(t, JsonToken.START_OBJECT);
                                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                                            String benchmark = p.currentName();
                                            p.nextToken();
                                            per.put(benchmark, p.getText());
                                        }
                                    }
                                    default -> p.skipChildren();
                                }
                            }
                            ids.put(control, per);
                        }
                    } else {
                        p.skipChildren();
                    }
                }
                return new Data(List.copyOf(names), byRuleId, texts, ids);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cis-controls.json is missing from the jar", e);
        }
    }

    private static void expect(JsonToken actual, JsonToken expected) throws IOException {
        if (actual != expected) {
            throw new IOException("cis-controls.json: " + expected + " expected, found " + actual);
        }
    }

    /** Every benchmark name that can be chosen, sorted. */
    public static List<String> names() {
        return DATA.names().stream().sorted().toList();
    }

    /** {@code name} when it is a known benchmark; otherwise bad input (exit 2) naming it and listing the valid ones. */
    public static String require(String name) {
        if (name != null && DATA.names().contains(name)) {
            return name;
        }
        throw UserFacingException.badInput("Unknown CIS benchmark '" + name + "'. Use one of: "
                + String.join(", ", names()) + ".");
    }

    /** The control a rule's CIS number (as written in the rule) stands for, e.g. 5.1.2 → minimize-access-to-secrets. */
    public static Optional<String> control(String ruleCisId) {
        return Optional.ofNullable(DATA.controlOfRuleId().get(ruleCisId));
    }

    /** The control's title, e.g. "Minimize access to secrets". */
    public static String text(String control) {
        return DATA.texts().get(control);
    }

    /** The control's number in {@code benchmark}, when the benchmark has it. */
    public static Optional<String> id(String control, String benchmark) {
        Map<String, String> per = DATA.ids().get(control);
        return Optional.ofNullable(per == null ? null : per.get(benchmark));
    }

    /** Rule-written CIS numbers as numbered in {@code benchmark} (numbers of no known control are kept as they are). */
    public static List<String> ids(List<String> ruleIds, String benchmark) {
        if (ruleIds.isEmpty()) {
            return ruleIds;
        }
        List<String> out = new ArrayList<>(ruleIds.size());
        for (String r : ruleIds) {
            Optional<String> c = control(r);
            if (c.isEmpty()) {
                out.add(r);
            } else {
                id(c.get(), benchmark).filter(x -> !out.contains(x)).ifPresent(out::add);
            }
        }
        return List.copyOf(out);
    }

    /**
     * CIS ids numbered in {@code benchmark} back to the numbers the rules write (e.g. cis-1.12's 5.6.4 → 5.7.4), so
     * that they can be numbered in another benchmark; ids of no known control are kept as they are.
     */
    public static List<String> ruleIds(List<String> ids, String benchmark) {
        if (ids.isEmpty() || benchmark == null || !DATA.names().contains(benchmark)) {
            return ids;
        }
        List<String> out = new ArrayList<>(ids.size());
        for (String id : ids) {
            String rule = DATA.controlOfRuleId().entrySet().stream()
                    .filter(e -> id.equals(DATA.ids().getOrDefault(e.getValue(), Map.of()).get(benchmark)))
                    .map(Map.Entry::getKey).findFirst().orElse(id);
            if (!out.contains(rule)) {
                out.add(rule);
            }
        }
        return List.copyOf(out);
    }

    /** The finding with its CIS ids numbered as in {@code benchmark}. */
    public static Finding translate(Finding f, String benchmark) {
        List<String> cis = ids(f.cis(), benchmark);
        return cis.equals(f.cis()) ? f : new Finding(f.id(), f.rule(), f.area(), f.severity(), f.title(),
                f.explanation(), f.object(), cis, f.remediation(), f.system(), f.fix());
    }

    public static List<Finding> translateAll(List<Finding> findings, String benchmark) {
        return findings.stream().map(f -> translate(f, benchmark)).toList();
    }

    /**
     * The benchmark kube-bench would pick: for a managed platform ("EKS", "GKE", "AKS") its newest platform
     * benchmark, otherwise by the server's minor version (kube-bench cfg/config.yaml version_mapping); cis-1.12 when
     * the version is unknown.
     */
    public static String defaultFor(String serverVersion, String platform) {
        if (platform != null) {
            switch (platform) {
                case "EKS" -> {
                    return "eks-1.8.0";
                }
                case "GKE" -> {
                    return "gke-1.9.0";
                }
                case "AKS" -> {
                    return "aks-1.8";
                }
                default -> {
                }
            }
        }
        Matcher m = VERSION.matcher(serverVersion == null ? "" : serverVersion);
        if (!m.lookingAt() || !"1".equals(m.group(1))) {
            return LATEST;
        }
        int minor = Integer.parseInt(m.group(2));
        if (minor <= 15) {
            return "cis-1.5";
        } else if (minor <= 18) {
            return "cis-1.6";
        } else if (minor <= 22) {
            return "cis-1.20";
        } else if (minor == 23) {
            return "cis-1.23";
        } else if (minor == 24) {
            return "cis-1.24";
        } else if (minor == 25) {
            return "cis-1.7";
        } else if (minor == 26) {
            return "cis-1.8";
        } else if (minor == 27) {
            return "cis-1.9";
        } else if (minor == 28) {
            return "cis-1.10";
        } else if (minor <= 31) {
            return "cis-1.11";
        }
        return LATEST;
    }
}
