package dev.kustodian.core.fleet;

import dev.kustodian.core.accept.AcceptedRisks;
import dev.kustodian.core.cluster.Deadlines;
import dev.kustodian.core.cluster.KubeconfigContexts;
import dev.kustodian.core.model.SecretsMode;
import dev.kustodian.core.util.UserFacingException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A fleet scan request ({@code kustodian scan --contexts A,B | --all-contexts [--parallel N]}): the kubeconfig
 * ({@code null}: $KUBECONFIG or ~/.kube/config, as kubectl), the contexts to scan (empty with {@code all}), how many
 * at once, and what a single scan would also take (system findings, accepted risks, the request and exec plugin
 * deadlines applied to each context's load, the CIS benchmark its ids are numbered in: null for each cluster's own,
 * how much of each Secret every context's load reads: {@code --secrets}, FULL unless metadata).
 */
public record FleetScan(Path kubeconfig, List<String> contexts, boolean all, int parallel, boolean includeSystem,
                        AcceptedRisks accepted, Deadlines deadlines, String cisBenchmark, SecretsMode secrets) {

    public static final int DEFAULT_PARALLEL = 4;
    public static final int MAX_PARALLEL = 32;

    public FleetScan {
        contexts = contexts == null ? List.of() : List.copyOf(contexts);
        accepted = accepted == null ? AcceptedRisks.none() : accepted;
        deadlines = deadlines == null ? Deadlines.DEFAULTS : deadlines;
        secrets = secrets == null ? SecretsMode.FULL : secrets;
    }

    /** With the default deadlines, each cluster numbered in its own CIS benchmark, whole Secrets read. */
    public FleetScan(Path kubeconfig, List<String> contexts, boolean all, int parallel, boolean includeSystem,
                     AcceptedRisks accepted) {
        this(kubeconfig, contexts, all, parallel, includeSystem, accepted, null, null, null);
    }

    /** Bad input (exit 2) as a sentence naming the flag: no contexts, both ways of naming them, a bad --parallel. */
    public void validate() {
        if (all && !contexts.isEmpty()) {
            throw UserFacingException.badInput("Choose --contexts A,B,... or --all-contexts, not both.");
        }
        if (!all && contexts.stream().allMatch(String::isBlank)) {
            throw UserFacingException.badInput("--contexts needs at least one context name (comma-separated), "
                    + "or use --all-contexts.");
        }
        if (parallel < 1 || parallel > MAX_PARALLEL) {
            throw UserFacingException.badInput("--parallel " + parallel + " is out of range: use 1 to " + MAX_PARALLEL
                    + " (default " + DEFAULT_PARALLEL + ").");
        }
    }

    /**
     * The kubeconfig's entries of the contexts to scan, in the order given (duplicates once). An unknown name is
     * bad input naming it and listing the known contexts.
     */
    public List<KubeconfigContexts.ContextEntry> resolve() {
        validate();
        KubeconfigContexts.Resolved resolved = KubeconfigContexts.resolve(kubeconfig);
        if (resolved.contexts().isEmpty()) {
            throw UserFacingException.badInput("The kubeconfig " + resolved.describeFiles() + " defines no contexts. "
                    + "Add one (kubectl config set-context) or pass another file with --kubeconfig.");
        }
        if (all) {
            return resolved.contexts();
        }
        List<String> unknown = new ArrayList<>();
        List<KubeconfigContexts.ContextEntry> out = new ArrayList<>();
        for (String name : new LinkedHashSet<>(contexts.stream().map(String::trim).filter(s -> !s.isEmpty()).toList())) {
            KubeconfigContexts.ContextEntry e = resolved.find(name);
            if (e == null) {
                unknown.add(name);
            } else {
                out.add(e);
            }
        }
        if (!unknown.isEmpty()) {
            throw UserFacingException.badInput((unknown.size() == 1 ? "The context \"" + unknown.get(0) + "\" is"
                    : "The contexts \"" + String.join("\", \"", unknown) + "\" are") + " not in the kubeconfig "
                    + resolved.describeFiles() + ". Known contexts: " + String.join(", ",
                    resolved.contexts().stream().map(KubeconfigContexts.ContextEntry::name).toList()) + ".");
        }
        return out;
    }
}
