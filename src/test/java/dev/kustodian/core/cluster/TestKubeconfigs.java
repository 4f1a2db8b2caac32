package dev.kustodian.core.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Kubeconfigs for tests against loopback servers. */
public final class TestKubeconfigs {
    private TestKubeconfigs() {
    }

    /**
     * Writes a kubeconfig with one cluster, user and context per entry of {@code servers} (context name → server
     * URL; the first is the current context). Each user has a token, except the contexts named in {@code exec},
     * whose user runs that credential plugin command.
     */
    public static Path write(Path file, Map<String, String> servers, Map<String, String> exec) throws IOException {
        StringBuilder clusters = new StringBuilder("clusters:\n");
        StringBuilder users = new StringBuilder("users:\n");
        StringBuilder contexts = new StringBuilder("contexts:\n");
        servers.forEach((name, url) -> {
            clusters.append("- name: ").append(name).append("\n  cluster: {server: \"").append(url).append("\"}\n");
            users.append("- name: ").append(name).append("\n  user: ").append(exec.containsKey(name)
                    ? "{exec: {apiVersion: client.authentication.k8s.io/v1, command: \"" + exec.get(name) + "\"}}"
                    : "{token: not-a-real-token}").append('\n');
            contexts.append("- name: ").append(name).append("\n  context: {cluster: ").append(name).append(", user: ")
                    .append(name).append("}\n");
        });
        return Files.writeString(file, "apiVersion: v1\nkind: Config\n" + clusters + users + contexts
                + "current-context: " + servers.keySet().iterator().next() + "\n");
    }
}
