package dev.kustodian.cli;

import dev.kustodian.cli.common.SourceOptions;
import dev.kustodian.core.rbac.Request;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The action asked about by {@code can-i} and {@code who-can}: {@code VERB RESOURCE|/URL} with the API group,
 * subresource, object name and namespace (or {@code -A}), declared once for both commands.
 */
final class RbacQueryOptions {
    @Parameters(index = "0", paramLabel = "VERB", description = "get, list, watch, create, update, patch, delete, impersonate, ...")
    String verb;

    @Parameters(index = "1", paramLabel = "RESOURCE|/URL", description = "e.g. secrets, deployments.apps, secrets/db-password, /healthz")
    String target;

    @Option(names = "--api-group", paramLabel = "G", description = "API group (\"\" = core; 'core' is not an alias).")
    String apiGroup;

    @Option(names = "--subresource", paramLabel = "S", description = "Subresource, e.g. exec, log, token.")
    String subresource;

    @Option(names = "--name", paramLabel = "N", description = "Object name.")
    String name;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NS", description = "Namespace of the request.")
    String namespace;

    @Option(names = {"-A", "--all-namespaces"}, description = "Cluster scope (namespace \"\"): only ClusterRoleBindings count.")
    boolean allNamespaces;

    /** The parsed request; its namespace as {@link RbacCli#namespace} decides for the source. */
    Request request(SourceOptions source) {
        return RbacCli.request(verb, target, apiGroup, subresource, name,
                RbacCli.namespace(namespace, allNamespaces, source));
    }
}
