package dev.kustodian.cli;

import dev.kustodian.cli.common.SourceOptions;
import dev.kustodian.core.cluster.ClusterLoader;
import dev.kustodian.core.cluster.ClusterSession;
import dev.kustodian.core.cluster.SourceSpec;
import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.core.rbac.Grant;
import dev.kustodian.core.rbac.Identity;
import dev.kustodian.core.rbac.RbacEngine;
import dev.kustodian.core.rbac.Request;
import dev.kustodian.core.rbac.RequestQuery;
import dev.kustodian.core.util.Cancellation;
import dev.kustodian.core.util.UserFacingException;

import java.io.PrintWriter;
import java.util.List;
import java.util.function.Function;

/** Shared plumbing of the RBAC commands: loading the snapshot, parsing the request, JSON text. */
final class RbacCli {
    private RbacCli() {
    }

    /** Loads the source and applies {@code body}; progress and notes go to stderr. */
    static int withSnapshot(SourceOptions source, PrintWriter err, Function<ClusterSnapshot, Integer> body) {
        SourceSpec spec = source.toSpec();
        try (ClusterSession session = ClusterLoader.open(spec, (f, m) -> { }, new Cancellation())) {
            return body.apply(session.snapshot());
        }
    }

    /** The request's namespace: {@code -A} → "", {@code -n NS} → NS, neither → "" for snapshots, "default" otherwise. */
    static String namespace(String ns, boolean all, SourceOptions source) {
        if (all && ns != null) {
            throw UserFacingException.badInput("Use either -n NAMESPACE or -A (cluster scope), not both.");
        }
        if (all) {
            return "";
        }
        if (ns != null) {
            return ns;
        }
        return source.toSpec().kind() == SourceSpec.Kind.SNAPSHOT ? "" : "default";
    }

    /**
     * Parses {@code VERB RESOURCE|/url} with kubectl's {@code RESOURCE.GROUP} and {@code RESOURCE/NAME} forms.
     * Conflicting forms (e.g. {@code pods.apps --api-group x}) are bad input.
     */
    static Request request(String verb, String target, String apiGroup, String subresource, String name, String namespace) {
        try {
            return RequestQuery.parse(verb, target, apiGroup, subresource, name, namespace, RequestQuery.Labels.CLI);
        } catch (IllegalArgumentException e) {
            throw UserFacingException.badInput(e.getMessage());
        }
    }

    static Identity identity(String user, List<String> groups, boolean noImplicit) {
        if (user == null || user.isBlank()) {
            throw UserFacingException.badInput("--as USER is required (e.g. --as alice or --as system:serviceaccount:NS:NAME).");
        }
        return noImplicit ? Identity.exactly(user, groups) : Identity.of(user, groups);
    }

    /** The snapshot's RBAC engine, its notes (what it could not evaluate) printed to stderr. */
    static RbacEngine engine(ClusterSnapshot snapshot, PrintWriter err) {
        RbacEngine engine = dev.kustodian.core.analysis.Analysis.of(snapshot).rbac();
        printNotes(engine, err);
        return engine;
    }

        static void printNotes(RbacEngine engine, PrintWriter err) {
        for (String n : engine.notes()) {
            err.println("note: " + n);
        }
    }

    static String json(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    static String path(Grant g) {
        return g.describe();
    }
}
