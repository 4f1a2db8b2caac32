package dev.kustodian.cli;

import dev.kustodian.core.model.SecretsMode;
import dev.kustodian.core.report.PolicyReports;
import dev.kustodian.core.scanner.ScannerManifests;
import dev.kustodian.core.scanner.ScannerRequest;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What can be checked of the container image without pulling a base image: the Dockerfile copies files the build
 * produces (or the repository holds), runs as the CronJob's numeric user from the path the manifests name, pins its
 * base, and its entrypoint plus every argument list the generated CronJob appends is a command line the CLI parses
 * (the in-cluster scan that publishes); the workflow builds that Dockerfile and pushes to ghcr.io on a tag.
 */
class ContainerImageTest {
    private static final Path DOCKERFILE = Path.of("installers/container/Dockerfile");

    private static List<String> instructions() throws Exception {
        // continuation lines joined, comments dropped
        String text = Files.readString(DOCKERFILE).replaceAll("\\\\\\n", " ");
        return text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    @Test
    void copiesOnlyWhatTheBuildProducesOrTheRepositoryHolds() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        assertThat(pom).contains("<finalName>kustodian</finalName>")
                .contains("<outputDirectory>${project.build.directory}/lib</outputDirectory>");
        List<String> copies = instructions().stream().filter(l -> l.startsWith("COPY ")).toList();
        assertThat(copies).isNotEmpty();
        for (String copy : copies) {
            String source = copy.split("\\s+")[1];
            if (source.equals("target/kustodian.jar") || source.equals("target/lib/")) {
                continue; // mvn package: the finalName and the copy-dependencies folder checked above
            }
            assertThat(Path.of(source)).as(copy).exists();
        }
        assertThat(copies).anySatisfy(c -> assertThat(c).startsWith("COPY target/kustodian.jar "
                + ScannerManifests.APP_DIR + "/kustodian.jar"));
        assertThat(copies).anySatisfy(c -> assertThat(c).startsWith("COPY target/lib/ " + ScannerManifests.APP_DIR
                + "/lib/"));
    }

    @Test
    void runsAsTheCronJobsUserFromAPinnedBaseAndMakesTheClassDataArchiveAtBuildTime() throws Exception {
        List<String> lines = instructions();
        assertThat(lines).contains("USER " + ScannerManifests.UID + ":" + ScannerManifests.UID);
        String base = lines.stream().filter(l -> l.startsWith("ARG BASE=")).findFirst().orElseThrow().substring(9);
        assertThat(base).matches("eclipse-temurin:17\\.\\d+\\.\\d+_\\d+-jre-[a-z]+|.*@sha256:[0-9a-f]{64}");
        assertThat(lines).contains("FROM ${BASE}");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("RUN ")
                .contains("KUSTODIAN_CDS=now " + ScannerManifests.APP_DIR + "/bin/kustodian summary --demo")
                .contains("kustodian-*.jsa"));
        // the launcher finds an archive made where it runs, before writing one (read-only root filesystem)
        assertThat(Files.readString(Path.of("installers/bin/kustodian")))
                .contains("archive=$APP_HOME/lib/kustodian-$key.jsa", "elif [ -f \"$archive\" ]; then",
                        // KUSTODIAN_CDS=now: the training run writes the archive before the build step ends
                        // (a background run would be killed with the step's container)
                        "if [ \"${KUSTODIAN_CDS:-on}\" = now ]; then");
    }

    @Test
    void theEntrypointWithEveryCronJobArgumentListIsTheInClusterPublishingScan() throws Exception {
        String entry = instructions().stream().filter(l -> l.startsWith("ENTRYPOINT ")).findFirst().orElseThrow();
        Matcher m = Pattern.compile("\"([^\"]*)\"").matcher(entry);
        List<String> words = new ArrayList<>();
        while (m.find()) {
            words.add(m.group(1));
        }
        assertThat(words.get(0)).isEqualTo(ScannerManifests.APP_DIR + "/bin/kustodian");
        List<String> command = words.subList(1, words.size());
        assertThat(command).containsExactly("scan", "--in-cluster", "--publish");
        for (SecretsMode mode : SecretsMode.values()) {
            for (PolicyReports.Api api : Arrays.asList(null, PolicyReports.Api.WGPOLICY, PolicyReports.Api.OPENREPORTS)) {
                List<String> args = new ArrayList<>(command);
                args.addAll(ScannerManifests.args(new ScannerRequest.Spec("kustodian-system", "@hourly",
                        ScannerRequest.defaultImage(), mode, api)));
                CommandLine.ParseResult parsed = KustodianCommand.commandLine().parseArgs(args.toArray(String[]::new));
                CommandLine.ParseResult scan = parsed.subcommand();
                assertThat(scan.commandSpec().name()).isEqualTo("scan");
                assertThat(scan.matchedOptionValue("--secrets", "")).isEqualTo(mode.id());
                assertThat(scan.matchedOptionValue("--report-format", "")).isEqualTo(api == null ? "auto" : api.id());
                assertThat(scan.hasMatchedOption("--in-cluster")).isTrue();
                assertThat(scan.hasMatchedOption("--publish")).isTrue();
            }
        }
    }

    @Test
    void theWorkflowBuildsThisDockerfileAndPushesToGhcrOnATag() throws Exception {
        String workflow = Files.readString(Path.of(".github/workflows/container.yml"));
        assertThat(workflow).contains("docker build -f installers/container/Dockerfile", "mvn -B -q -DskipTests package",
                "ghcr.io/${GITHUB_REPOSITORY,,}", "docker push", "--read-only");
        assertThat(Files.readString(Path.of(".github/workflows/release.yml")))
                .contains("uses: ./.github/workflows/container.yml");
        assertThat(ScannerRequest.defaultImage()).startsWith("ghcr.io/");
    }
}
