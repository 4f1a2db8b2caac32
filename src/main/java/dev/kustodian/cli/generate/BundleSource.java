package dev.kustodian.cli.generate;

import dev.kustodian.core.output.Bundle;
import dev.kustodian.core.util.UserFacingException;
import picocli.CommandLine;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A generate command whose result can be computed without printing: the GUI wizards fill the same flags and call
 * {@link #bundle()}, so GUI and CLI share one model (same flags, same spec records, same generators, same errors).
 */
public interface BundleSource {
    /** The generated bundle for the parsed flags. @throws UserFacingException on bad input (names the flag) */
    Bundle bundle();

    /**
     * Parses {@code args} into {@code command} (a fresh instance) and returns its bundle. Bad input becomes a bundle
     * with one error whose path is the flag without dashes (e.g. {@code vault-role}), or "" when no flag is named.
     */
    static Bundle run(BundleSource command, List<String> args) {
        try {
            new CommandLine(command).parseArgs(args.toArray(String[]::new));
            return command.bundle();
        } catch (CommandLine.ParameterException | UserFacingException e) {
            String msg = e.getMessage() == null ? "Invalid input." : e.getMessage();
            return new Bundle("", List.of(), List.of(new Bundle.Problem(flag(msg), msg, true)), List.of(), List.of());
        }
    }

    Pattern FLAG = Pattern.compile("--([a-z][a-z0-9-]*)");

    /** The first flag named in a message, without dashes ("" when none). */
    static String flag(String message) {
        Matcher m = FLAG.matcher(message);
        return m.find() ? m.group(1) : "";
    }
}
