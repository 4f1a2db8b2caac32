package dev.kustodian.cli.common;

import picocli.CommandLine;

import java.util.concurrent.Callable;

/** A command that runs and returns its exit code; picocli injects its spec (streams, usage, parsed options). */
public abstract class CliCommand implements Callable<Integer> {
    @CommandLine.Spec
    protected CommandLine.Model.CommandSpec spec;
}
