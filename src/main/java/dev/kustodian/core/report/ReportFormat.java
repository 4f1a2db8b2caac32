package dev.kustodian.core.report;

import java.util.Arrays;
import java.util.Locale;

/** The report formats shared by {@code kustodian scan} and the GUI's export. */
public enum ReportFormat {
    TABLE("table", "txt"),
    JSON("json", "json"),
    SARIF("sarif", "sarif"),
    MARKDOWN("markdown", "md"),
    HTML("html", "html"),
    /** wgpolicyk8s.io/v1alpha2 PolicyReports + ClusterPolicyReport, multi-document YAML ({@link PolicyReports}). */
    POLICYREPORT("policyreport", "yaml"),
    /** openreports.io/v1alpha1 Reports + ClusterReport, multi-document YAML ({@link PolicyReports}). */
    OPENREPORTS("openreports", "yaml");

    private final String id;
    private final String extension;

    ReportFormat(String id, String extension) {
        this.id = id;
        this.extension = extension;
    }

    public String id() {
        return id;
    }

    /** File extension without the dot. */
    public String extension() {
        return extension;
    }

    /** Parses "json", "SARIF", "md"...; throws IllegalArgumentException naming the accepted values. */
    public static ReportFormat parse(String s) {
        String v = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
        for (ReportFormat f : values()) {
            if (f.id.equals(v)) {
                return f;
            }
        }
        for (ReportFormat f : values()) {
            if (f.extension.equals(v) && f.policyApi() == null) {
                return f;
            }
        }
        throw new IllegalArgumentException("Unknown report format '" + s + "': use "
                + String.join(", ", Arrays.stream(values()).map(ReportFormat::id).toList()) + ".");
    }

    /** The policy report API of the two Kubernetes report formats; null for the others. */
    public PolicyReports.Api policyApi() {
        return switch (this) {
            case POLICYREPORT -> PolicyReports.Api.WGPOLICY;
            case OPENREPORTS -> PolicyReports.Api.OPENREPORTS;
            default -> null;
        };
    }

    @Override
    public String toString() {
        return id;
    }
}
