package dev.kustodian.core.encryption;

import dev.kustodian.core.output.SafeFiles;
import dev.kustodian.core.util.Cancellation;
import dev.kustodian.core.util.Progress;
import dev.kustodian.core.util.UserFacingException;
import dev.kustodian.core.port.ClusterCallException;
import dev.kustodian.core.port.ClusterPort;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * "Rewrite all Secrets" (the {@code kubectl get secrets -A -o json | kubectl replace -f -} step of a rotation):
 * every Secret is read and written back unchanged, so kube-apiserver stores it again with the current (first)
 * provider. Per namespace, with progress and cancel; a 409 conflict (the Secret changed meanwhile) is retried with
 * a fresh GET; a small state file lists completed namespaces so a second run resumes. Values pass through memory
 * only: nothing is logged, kept or written to disk.
 */
public final class SecretRewriter {
    private final ClusterPort cluster;
    private final Path stateFile;
    private final int maxRetries;

    public SecretRewriter(ClusterPort cluster, Path stateFile, int maxRetries) {
        this.cluster = cluster;
        this.stateFile = stateFile;
        this.maxRetries = maxRetries;
    }

    public record Count(Map<String, Integer> perNamespace, Set<String> alreadyDone) {
        public int total() {
            return perNamespace.values().stream().mapToInt(Integer::intValue).sum();
        }

        public int remaining() {
            return perNamespace.entrySet().stream().filter(e -> !alreadyDone.contains(e.getKey()))
                    .mapToInt(Map.Entry::getValue).sum();
        }
    }

    public record Result(int rewritten, int conflictsRetried, int vanished, List<String> failures,
                         List<String> namespacesDone, boolean cancelled) {
    }

    /** Counts the Secrets per namespace (shown before starting) and reads the resume state. */
    public Count count() {
        Map<String, Integer> per = new LinkedHashMap<>();
        for (String n : call(cluster::namespaces, "list namespaces")) {
            per.put(n, call(() -> cluster.secretNames(n).size(), "list secrets in " + n));
        }
        return new Count(per, readState());
    }

    public Set<String> readState() {
        if (stateFile == null || !Files.exists(stateFile)) {
            return new LinkedHashSet<>();
        }
        // the one input layer: a FIFO or a folder given as the resume file is refused, not waited on
        String text = dev.kustodian.core.util.InputFiles.readText(stateFile, "resume file (delete it to start over)",
                STATE_BUDGET);
        Set<String> done = new LinkedHashSet<>();
        for (String l : text.split("\\R")) {
            if (!l.isBlank() && !l.startsWith("#")) {
                done.add(l.strip());
            }
        }
        return done;
    }

    /** Namespace names, one a line: 16 MiB is far more than any cluster's. */
    private static final long STATE_BUDGET = 16L << 20;

    private void writeState(Set<String> done) {
        if (stateFile == null) {
            return;
        }
        try {
            SafeFiles.writeAtomically(stateFile, "# kustodian secret rewrite: completed namespaces\n"
                    + String.join("\n", done) + "\n");
        } catch (IOException e) {
            throw new UserFacingException(UserFacingException.Category.FAILED, "The resume file " + stateFile
                    + " cannot be written; check the folder.");
        }
    }

    /** Rewrites every Secret of every namespace not yet done. */
    public Result run(Count count, Progress progress, Cancellation cancel) {
        Set<String> done = new LinkedHashSet<>(count.alreadyDone());
        int total = Math.max(1, count.remaining());
        int rewritten = 0;
        int conflicts = 0;
        int vanished = 0;
        List<String> failures = new ArrayList<>();
        List<String> nsDone = new ArrayList<>();
        for (String ns : count.perNamespace().keySet()) {
            if (done.contains(ns)) {
                continue;
            }
            List<String> names = call(() -> cluster.secretNames(ns), "list secrets in " + ns);
            boolean nsFailed = false;
            for (String name : names) {
                progress.update(Math.min(1.0, (double) rewritten / total), "Rewriting " + ns + "/" + name);
                if (cancel.isCancelled()) {
                    writeState(done);
                    return new Result(rewritten, conflicts, vanished, failures, nsDone, true);
                }
                int attempt = 0;
                while (true) {
                    ClusterPort.WriteBack w = cluster.writeBackSecret(ns, name);
                    if (w.status() == ClusterPort.WriteBack.Status.WRITTEN) {
                        rewritten++;
                        break;
                    }
                    if (w.status() == ClusterPort.WriteBack.Status.CONFLICT && attempt < maxRetries) {
                        attempt++;
                        conflicts++;
                        continue;
                    }
                    if (w.status() == ClusterPort.WriteBack.Status.GONE) {
                        vanished++;
                        break;
                    }
                    failures.add(ns + "/" + name + ": HTTP " + w.httpCode() + " " + w.reason());
                    nsFailed = true;
                    break;
                }
            }
            if (!nsFailed) {
                done.add(ns);
                nsDone.add(ns);
                writeState(done);
            }
        }
        if (failures.isEmpty() && stateFile != null) {
            // complete: the next rotation must start from scratch, not skip every namespace
            try {
                Files.deleteIfExists(stateFile);
            } catch (IOException e) {
                progress.update(1.0, "Could not delete the resume file " + stateFile + "; delete it before the next rotation.");
            }
        }
        progress.update(1.0, "Rewrote " + rewritten + " Secret(s)");
        return new Result(rewritten, conflicts, vanished, failures, nsDone, false);
    }

    private static <T> T call(java.util.function.Supplier<T> s, String what) {
        try {
            return s.get();
        } catch (ClusterCallException e) {
            if (e.code() == 401 || e.code() == 403) {
                throw new UserFacingException(UserFacingException.Category.CLUSTER_UNREACHABLE, "The cluster refused to "
                        + what + " (HTTP " + e.code() + "); rewriting Secrets needs get, list and update on secrets in every namespace.");
            }
            throw new UserFacingException(UserFacingException.Category.CLUSTER_UNREACHABLE, "Could not " + what + " (HTTP "
                    + e.code() + "); check the connection and retry: completed namespaces are skipped.", true, null);
        }
    }
}
