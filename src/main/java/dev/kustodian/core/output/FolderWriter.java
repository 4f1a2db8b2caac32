package dev.kustodian.core.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * "Save to folder": one file per manifest plus {@code kustomization.yaml}, each written atomically. Existing files
 * are only replaced when {@code confirmOverwrite} accepts the list of files that would be replaced (the GUI asks
 * in a dialog, the CLI needs {@code --force}). {@link Manifest#privateFile() Private} files (key material) are
 * written 0600 from their creation; scripts ({@link Manifest.Format#SHELL}) are made executable (0755).
 */
public final class FolderWriter {
    private FolderWriter() {
    }

    /** Result: the files written, or nothing when the user declined to overwrite. */
    public record Result(List<Path> written, List<Path> declined) {
    }

    public static Result write(Bundle bundle, Path folder, Predicate<List<Path>> confirmOverwrite) throws IOException {
        if (bundle.hasErrors()) {
            throw new IllegalStateException("The generated files have errors; fix them before saving: "
                    + bundle.problems().stream().filter(Bundle.Problem::error).findFirst().orElseThrow());
        }
        Bundle full = bundle.withKustomization();
        List<Path> existing = new ArrayList<>();
        for (Manifest m : full.manifests()) {
            Path p = resolve(folder, m.fileName());
            if (Files.exists(p)) {
                existing.add(p);
            }
        }
        if (!existing.isEmpty() && !confirmOverwrite.test(List.copyOf(existing))) {
            return new Result(List.of(), existing);
        }
        Files.createDirectories(folder);
        List<Path> written = new ArrayList<>();
        for (Manifest m : full.manifests()) {
            Path p = resolve(folder, m.fileName());
            if (m.privateFile()) {
                byte[] b = m.content().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                try {
                    SafeFiles.writeAtomically(p, b, true);
                } finally {
                    SafeFiles.wipe(b);
                }
            } else {
                SafeFiles.writeAtomically(p, m.content());
                if (m.format() == Manifest.Format.SHELL) {
                    SafeFiles.makeExecutable(p);
                }
            }
            written.add(p);
        }
        return new Result(written, List.of());
    }

    private static Path resolve(Path folder, String fileName) {
        Path p = folder.resolve(fileName).normalize();
        if (!p.startsWith(folder.normalize())) {
            throw new IllegalArgumentException("File name '" + fileName + "' points outside the folder " + folder);
        }
        return p;
    }
}
