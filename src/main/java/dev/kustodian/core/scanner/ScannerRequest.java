package dev.kustodian.core.scanner;

import dev.kustodian.core.model.SecretsMode;
import dev.kustodian.core.output.Bundle;
import dev.kustodian.core.output.GenerationRequest;
import dev.kustodian.core.output.InputProblems;
import dev.kustodian.core.output.RequestField;
import dev.kustodian.core.report.PolicyReports;
import dev.kustodian.core.util.BuildInfo;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code kustodian generate scanner}: the in-cluster scanner's manifests ({@link ScannerManifests}). Blank fields take
 * their defaults: namespace {@value #DEFAULT_NAMESPACE}, schedule {@value #DEFAULT_SCHEDULE}, the image of this
 * version, secrets {@code metadata}, report format {@code auto}.
 */
public record ScannerRequest(String namespace, String schedule, String image, String secrets, String reportFormat)
        implements GenerationRequest<ScannerRequest.Spec> {

    public static final String DEFAULT_NAMESPACE = "kustodian-system";
    public static final String DEFAULT_SCHEDULE = "17 */6 * * *";
    public static final String IMAGE_REPOSITORY = "ghcr.io/kustodian/kustodian";

    public enum Field implements RequestField {
        NAMESPACE, SCHEDULE, IMAGE, SECRETS, REPORT_FORMAT
    }

    /** What the manifests are generated from; {@code reportFormat} null = auto (discovery picks). */
    public record Spec(String namespace, String schedule, String image, SecretsMode secrets,
                       PolicyReports.Api reportFormat) {
    }

    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    private static final Pattern CRON_FIELD = Pattern.compile("[0-9A-Za-z*?/,\\-]+");
    private static final Set<String> CRON_MACROS = Set.of("@yearly", "@annually", "@monthly", "@weekly", "@daily",
            "@midnight", "@hourly");

    /** The image of this build: {@value #IMAGE_REPOSITORY}:VERSION. */
    public static String defaultImage() {
        return IMAGE_REPOSITORY + ":" + BuildInfo.version();
    }

    @Override
    public Spec spec(InputProblems p) {
        String ns = blank(namespace) ? DEFAULT_NAMESPACE : namespace.trim();
        if (!DNS_LABEL.matcher(ns).matches()) {
            p.error(Field.NAMESPACE, "{namespace} '" + ns + "' is not a valid namespace name: lower-case letters, "
                    + "digits and '-', at most 63 characters.");
        }
        String cron = blank(schedule) ? DEFAULT_SCHEDULE : schedule.trim().replaceAll("\\s+", " ");
        if (!validCron(cron)) {
            p.error(Field.SCHEDULE, "{schedule} '" + cron + "' is not a cron schedule: five fields (minute hour "
                    + "day-of-month month day-of-week, e.g. '17 */6 * * *') or @hourly, @daily, @weekly, @monthly.");
        }
        String img = blank(image) ? defaultImage() : image.trim();
        if (img.chars().anyMatch(Character::isWhitespace) || img.startsWith("-") || img.endsWith(":")
                || img.endsWith("@")) {
            p.error(Field.IMAGE, "{image} '" + img + "' is not an image reference (REGISTRY/REPOSITORY:TAG or "
                    + "REPOSITORY@sha256:DIGEST).");
        }
        SecretsMode mode = SecretsMode.METADATA;
        try {
            mode = blank(secrets) ? SecretsMode.METADATA : SecretsMode.parse(secrets);
        } catch (IllegalArgumentException e) {
            p.error(Field.SECRETS, "{secrets} '" + secrets + "' is unknown: use metadata (default: no read access to "
                    + "secrets) or full (list on secrets, for the value-derived checks).");
        }
        PolicyReports.Api api = null;
        String f = blank(reportFormat) ? "auto" : reportFormat.trim().toLowerCase(Locale.ROOT);
        if (!f.equals("auto")) {
            try {
                api = PolicyReports.Api.parse(f);
            } catch (IllegalArgumentException e) {
                p.error(Field.REPORT_FORMAT, "{reportFormat} '" + reportFormat + "' is unknown: use auto (openreports "
                        + "when the cluster serves openreports.io/v1alpha1, else policyreport), policyreport or "
                        + "openreports.");
            }
        }
        return p.hasErrors() ? null : new Spec(ns, cron, img, mode, api);
    }

    @Override
    public Bundle bundle(Spec spec) {
        return ScannerManifests.generate(spec);
    }

    static boolean validCron(String cron) {
        if (CRON_MACROS.contains(cron)) {
            return true;
        }
        String[] fields = cron.split(" ");
        if (fields.length != 5) {
            return false;
        }
        for (String field : fields) {
            if (!CRON_FIELD.matcher(field).matches()) {
                return false;
            }
        }
        return true;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
