package dev.kustodian.core.plan;

import dev.kustodian.core.output.Manifest;
import dev.kustodian.core.output.SafeFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Writes the plan's GitOps folder ({@link GitOpsLayout}). Idempotent: a file whose content is unchanged is not
 * touched, so the same cluster and answers give byte-identical files. Files that would change are listed to
 * {@code confirmChanges} first (the CLI needs {@code --force}, the GUI asks). Key material is generated only when
 * its file does not exist, written 0600, and never regenerated or overwritten. The accept file and the baseline are
 * written once (the team edits the first, refreshes the second on purpose).
 */
public final class GitOpsWriter {
    private GitOpsWriter() {
    }

    /**
     * @param written   files created or changed
     * @param unchanged files already identical
     * @param keysKept  key files that existed and were left alone
     * @param declined  files that would have changed, not written because the change was not confirmed
     */
    public record Result(List<Path> written, List<Path> unchanged, List<Path> keysKept, List<Path> declined) {
    }

    /**
     * @param state    written to {@code .kustodian/plan.yaml} (null: not written)
     * @param baseline the scan JSON written once to {@code .kustodian/baseline.json} (null: not written)
     */
    public static Result write(Plan plan, Path dir, PlanState state, Supplier<String> baseline,
                               Predicate<List<Path>> confirmChanges) throws IOException {
        Path root = dir.toAbsolutePath().normalize();
        Map<Path, String> files = new LinkedHashMap<>();
        files.put(root.resolve("README.md"), PlanRenderer.markdown(plan));
        files.put(root.resolve("kustomization.yaml"), GitOpsLayout.topKustomization(plan));
        files.put(root.resolve(".gitignore"), GitOpsLayout.GITIGNORE);
        for (PlanStep s : plan.steps()) {
            for (Manifest m : GitOpsLayout.stepFiles(s)) {
                if (m.privateFile()) {
                    throw new IllegalStateException("Key material must not go into a step folder: " + m.fileName());
                }
                files.put(inside(root, s.folder() + "/" + m.fileName()), m.content());
            }
        }
        if (state != null) {
            files.put(root.resolve(GitOpsLayout.PLAN_STATE), state.toYaml());
        }
        List<Path> changed = new ArrayList<>();
        List<Path> unchanged = new ArrayList<>();
        for (Map.Entry<Path, String> e : files.entrySet()) {
            Path p = e.getKey();
            if (Files.isRegularFile(p)) {
                if (Arrays.equals(Files.readAllBytes(p), e.getValue().getBytes(StandardCharsets.UTF_8))) {
                    unchanged.add(p);
                } else {
                    changed.add(p);
                }
            }
        }
        if (!changed.isEmpty() && !confirmChanges.test(List.copyOf(changed))) {
            return new Result(List.of(), unchanged, List.of(), changed);
        }
        List<Path> written = new ArrayList<>();
        for (Map.Entry<Path, String> e : files.entrySet()) {
            if (!unchanged.contains(e.getKey())) {
                SafeFiles.writeAtomically(e.getKey(), e.getValue());
                written.add(e.getKey());
            }
        }
        Path accept = root.resolve(GitOpsLayout.ACCEPT);
        if (!Files.exists(accept)) {
            SafeFiles.writeAtomically(accept, GitOpsLayout.ACCEPT_TEMPLATE);
            written.add(accept);
        }
        Path base = root.resolve(GitOpsLayout.BASELINE);
        if (baseline != null && !Files.exists(base)) {
            SafeFiles.writeAtomically(base, baseline.get());
            written.add(base);
        }
        List<Path> kept = new ArrayList<>();
        for (PlanStep s : plan.steps()) {
            for (PlanStep.KeyFile k : s.keyFiles()) {
                Path p = inside(root, GitOpsLayout.KEYS_DIR + "/" + k.fileName());
                if (Files.exists(p)) {
                    kept.add(p);
                    continue;
                }
                privateDir(p.getParent());
                Manifest m = k.generator().get();
                byte[] b = m.content().getBytes(StandardCharsets.UTF_8);
                try {
                    SafeFiles.writePrivate(p, b, false);
                } finally {
                    SafeFiles.wipe(b);
                }
                written.add(p);
            }
        }
        return new Result(written, unchanged, kept, List.of());
    }

    /** The keys folder: created 0700 (owner only) where the file system has POSIX permissions. */
    private static void privateDir(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Files.createDirectories(dir.getParent());
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createDirectory(dir, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                    java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectory(dir);
        }
    }

    private static Path inside(Path root, String relative) {
        Path p = root.resolve(relative).normalize();
        if (!p.startsWith(root)) {
            throw new IllegalArgumentException("File name '" + relative + "' points outside the folder " + root);
        }
        return p;
    }
}
