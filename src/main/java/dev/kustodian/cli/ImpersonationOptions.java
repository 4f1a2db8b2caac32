package dev.kustodian.cli;

import dev.kustodian.core.rbac.Identity;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/** The user asked about ({@code --as USER}, {@code --as-group G}) by {@code can-i} and {@code rbac rules|matrix}. */
final class ImpersonationOptions {
    @Option(names = "--as", paramLabel = "USER", required = true, description = "User name (system:serviceaccount:NS:NAME for a service account).")
    String as;

    @Option(names = "--as-group", paramLabel = "G", description = "Group of the user (repeatable).")
    List<String> asGroups = new ArrayList<>();

    /** The identity, with the implicit groups (system:authenticated, ...) unless {@code noImplicitGroups}. */
    Identity identity(boolean noImplicitGroups) {
        return RbacCli.identity(as, asGroups, noImplicitGroups);
    }
}
