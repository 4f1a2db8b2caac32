package dev.kustodian.core.externalsecrets;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Cold schema load, generator throughput and lint throughput. Runs only with -Dkustodian.bench=true. */
class ExternalStoresBenchmark {
    @TempDir
    Path dir;

    @Test
    void bench() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("kustodian.bench"));
        long t0 = System.nanoTime();
        GeneratorsValidateTest.assertValid(StoreGenerator.generate(new SecretStoreSpec("s", "a", false,
                GeneratorsValidateTest.providers().get(3))));
        long cold = System.nanoTime() - t0;
        int n = 2000;
        t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            for (SecretStoreSpec.Provider p : GeneratorsValidateTest.providers()) {
                StoreGenerator.generate(new SecretStoreSpec("s" + i, "a", false, p));
            }
        }
        long gen = System.nanoTime() - t0;
        int stores = n * GeneratorsValidateTest.providers().size();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            sb.append(ManifestLinterTest.STORE.replace("name: s,", "name: s" + i + ",")).append("---\n");
        }
        Files.writeString(dir.resolve("many.yaml"), sb.toString());
        new ManifestLinter(List.of()).lint(List.of(dir)); // warm
        t0 = System.nanoTime();
        ManifestLinter.LintResult r = new ManifestLinter(List.of()).lint(List.of(dir));
        long lint = System.nanoTime() - t0;
        System.out.printf("cold first SecretStore (load+compile secretstores CRD, 690 KB): %d ms%n", cold / 1_000_000);
        System.out.printf("generate+validate %d SecretStores: %d ms (%.1f us each)%n", stores, gen / 1_000_000,
                gen / 1000.0 / stores);
        System.out.printf("lint %d objects in one file: %d ms (%d problems)%n", r.objects(), lint / 1_000_000,
                r.problems().size());
    }
}
