package dev.kustodian.cli;

import picocli.CommandLine.Command;

/** etcd verification, patch and rotation subcommands of {@code kustodian encryption}. */
final class EncryptionEtcdCommands {
    private EncryptionEtcdCommands() {
    }

    @Command(name = "verify-etcd", description = "not yet")
    static final class VerifyEtcd {
    }

    @Command(name = "verify-snapshot", description = "not yet")
    static final class VerifySnapshot {
    }

    @Command(name = "patch", description = "not yet")
    static final class Patch {
    }

    @Command(name = "rotate", description = "not yet")
    static final class Rotate {
    }
}
