package dev.kustodian.core.roles;

import dev.kustodian.core.util.UserFacingException;
import dev.kustodian.core.yaml.YamlWriter;

import java.util.Map;

/**
 * Who a generated Role is for, and the filter that picks that subject's requests out of audit logs.
 * Written {@code serviceaccount:NS/NAME}, {@code user:NAME} or {@code group:NAME}.
 */
public record RbacSubject(Kind kind, String namespace, String name) {

    public enum Kind { SERVICE_ACCOUNT, USER, GROUP }

    public RbacSubject {
        namespace = namespace == null ? "" : namespace;
        if (name == null || name.isBlank()) {
            throw UserFacingException.badInput("The subject needs a name.");
        }
        if (kind == Kind.SERVICE_ACCOUNT && namespace.isBlank()) {
            throw UserFacingException.badInput("A ServiceAccount subject needs a namespace: serviceaccount:NAMESPACE/NAME.");
        }
    }

    public static RbacSubject serviceAccount(String namespace, String name) {
        return new RbacSubject(Kind.SERVICE_ACCOUNT, namespace, name);
    }

    public static RbacSubject user(String name) {
        return new RbacSubject(Kind.USER, "", name);
    }

    public static RbacSubject group(String name) {
        return new RbacSubject(Kind.GROUP, "", name);
    }

    /** Parses {@code serviceaccount:NS/NAME|user:NAME|group:NAME} ({@code sa:} is accepted for serviceaccount). */
    public static RbacSubject parse(String text) {
        String bad = "Cannot read the subject '" + text + "': write serviceaccount:NAMESPACE/NAME, user:NAME or group:NAME.";
        if (text == null) {
            throw UserFacingException.badInput(bad);
        }
        int colon = text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw UserFacingException.badInput(bad);
        }
        String kind = text.substring(0, colon).toLowerCase(java.util.Locale.ROOT);
        String rest = text.substring(colon + 1);
        switch (kind) {
            case "serviceaccount", "sa" -> {
                int slash = rest.indexOf('/');
                if (slash <= 0 || slash == rest.length() - 1 || rest.indexOf('/', slash + 1) >= 0) {
                    throw UserFacingException.badInput(bad);
                }
                return serviceAccount(rest.substring(0, slash), rest.substring(slash + 1));
            }
            case "user" -> {
                return user(rest);
            }
            case "group" -> {
                return group(rest);
            }
            default -> throw UserFacingException.badInput(bad);
        }
    }

    /** The user name the API server sees for this subject (service accounts: system:serviceaccount:NS:NAME). */
    public String userName() {
        return switch (kind) {
            case SERVICE_ACCOUNT -> "system:serviceaccount:" + namespace + ":" + name;
            case USER -> name;
            case GROUP -> "";
        };
    }

    /** Whether the event's effective identity is this subject (groups: any identity in the group). */
    public boolean matches(AuditEvent e) {
        return switch (kind) {
            case SERVICE_ACCOUNT, USER -> e.user().equals(userName());
            case GROUP -> e.groups().contains(name);
        };
    }

    /** The RBAC binding subject. */
    public Map<String, Object> toYaml() {
        return switch (kind) {
            case SERVICE_ACCOUNT -> YamlWriter.map("kind", "ServiceAccount", "name", name, "namespace", namespace);
            case USER -> YamlWriter.map("kind", "User", "apiGroup", "rbac.authorization.k8s.io", "name", name);
            case GROUP -> YamlWriter.map("kind", "Group", "apiGroup", "rbac.authorization.k8s.io", "name", name);
        };
    }

    /** A DNS-1123-ish fragment for generated object names. */
    public String slug() {
        String s = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9.-]+", "-").replaceAll("^[-.]+|[-.]+$", "");
        return s.isEmpty() ? "subject" : s;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case SERVICE_ACCOUNT -> "serviceaccount:" + namespace + "/" + name;
            case USER -> "user:" + name;
            case GROUP -> "group:" + name;
        };
    }
}
