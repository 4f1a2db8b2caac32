package dev.kustodian.core.plan;

import dev.kustodian.core.accept.AcceptedRisk;
import dev.kustodian.core.accept.AcceptedRisks;
import dev.kustodian.core.output.SafeFiles;
import dev.kustodian.core.model.ClusterIdentity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a plan's state and accepted risks live, shared by the CLI and the GUI: the user's file under the config
 * directory (keyed by the cluster identity, not the context name), merged with the GitOps folder's
 * {@code .kustodian/plan.yaml} (the team's copy wins), and the accept files given plus the folder's
 * {@code .kustodian/accept.yaml}.
 */
public final class PlanFiles {
    private PlanFiles() {
    }

    public static Path userStateFile(ClusterIdentity id) {
        return PlanState.defaultFile(PlanState.configDir(), id.key());
    }

    /**
     * The accepted risks the user recorded for a cluster (the desktop app's "Accept risk…"):
     * {@code <config dir>/plans/<identity key>.accept.yaml}, read by {@code kustodian plan} too.
     */
    public static Path userAcceptFile(Path configDir, ClusterIdentity id) {
        return configDir.resolve("plans").resolve(id.key() + ".accept.yaml");
    }

    /** The user's per-cluster accepted risks (none when the file does not exist). */
    public static AcceptedRisks loadUserAccepted(Path configDir, ClusterIdentity id) {
        Path f = userAcceptFile(configDir, id);
        return Files.isRegularFile(f) ? AcceptedRisks.read(f) : AcceptedRisks.none();
    }

    /** Adds an entry to the user's per-cluster accept file (rewritten atomically with every entry). */
    public static void addUserAccepted(Path configDir, ClusterIdentity id, AcceptedRisk entry) throws IOException {
        List<AcceptedRisk> all = new ArrayList<>(loadUserAccepted(configDir, id).entries());
        all.removeIf(a -> a.target().equals(entry.target()));
        all.add(entry);
        SafeFiles.writeAtomically(userAcceptFile(configDir, id), new AcceptedRisks(all).toYaml("Accepted risks of "
                + id.label() + " (" + id.server() + "), recorded with Kustodian's \"Accept risk…\"."));
    }

    /** The state of the cluster: the user's, then the GitOps folder's on top (when {@code gitopsDir} is given). */
    public static PlanState loadState(ClusterIdentity id, Path gitopsDir) {
        PlanState s = PlanState.read(userStateFile(id));
        if (gitopsDir != null) {
            s.merge(PlanState.read(gitopsDir.resolve(GitOpsLayout.PLAN_STATE)));
        }
        return s.cluster(id.server());
    }

    /** Saves the user's copy of the state (config directory). */
    public static void saveUserState(ClusterIdentity id, PlanState state) throws IOException {
        state.cluster(id.server()).write(userStateFile(id));
    }

    /** The accepted risks of the given files and the GitOps folder's {@code .kustodian/accept.yaml}, if any. */
    public static AcceptedRisks loadAccepted(List<Path> files, Path gitopsDir) {
        AcceptedRisks all = AcceptedRisks.none();
        for (Path f : files) {
            all = all.plus(AcceptedRisks.read(f));
        }
        if (gitopsDir != null) {
            Path team = gitopsDir.resolve(GitOpsLayout.ACCEPT);
            if (Files.isRegularFile(team) && files.stream().noneMatch(f -> same(f, team))) {
                all = all.plus(AcceptedRisks.read(team));
            }
        }
        return all;
    }

    private static boolean same(Path a, Path b) {
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }
}
