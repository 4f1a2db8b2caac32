package dev.kustodian.cli;

import picocli.CommandLine.Option;

/** {@code --force} of {@code encryption keygen}, {@code config} and {@code patch}: their --output file may be replaced. */
final class ReplaceOutputOption {
    @Option(names = "--force", description = "replace an existing --output file")
    boolean force;
}
