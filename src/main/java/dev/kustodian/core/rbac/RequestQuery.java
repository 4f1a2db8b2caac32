package dev.kustodian.core.rbac;

/**
 * Parses a who-can / can-i query as kubectl does: {@code VERB RESOURCE[.GROUP][/NAME]} or a non-resource URL
 * ({@code /healthz}); subresources are given separately. One parser for the CLI and the Access page, so that
 * {@code secrets/db} means the secret named db in both. Errors are {@link IllegalArgumentException}s whose message
 * is a sentence naming the input, in the front end's words ({@link Labels}).
 */
public final class RequestQuery {
    private RequestQuery() {
    }

    /**
     * How the front end names its inputs in messages.
     *
     * @param emptyVerb       the sentence for an empty verb
     * @param emptyResource   the sentence for an empty resource
     * @param apiGroup        the API group input, e.g. {@code --api-group}
     * @param subresource     the subresource input, e.g. {@code --subresource}
     * @param name            the name input, e.g. {@code --name}
     * @param subresourceHint how to ask for a subresource instead of {@code RESOURCE/SUB}
     */
    public record Labels(String emptyVerb, String emptyResource, String apiGroup, String subresource, String name,
                         String subresourceHint) {
        /** The CLI's words (kubectl's flags). */
        public static final Labels CLI = new Labels("VERB is empty: give a verb such as get, list or create.",
                "RESOURCE is empty: give a resource such as secrets, or a URL such as /healthz.",
                "--api-group", "--subresource", "--name",
                "use --subresource for subresources (e.g. pods --subresource exec)");
    }

    /**
     * The request for {@code verb target}. {@code apiGroup}, {@code subresource} and {@code name} are null when not
     * given; a group or name given both in {@code target} and separately must agree.
     */
    public static Request parse(String verb, String target, String apiGroup, String subresource, String name,
                                String namespace, Labels labels) {
        if (verb == null || verb.isBlank()) {
            throw new IllegalArgumentException(labels.emptyVerb());
        }
        if (target == null || target.isBlank()) {
            throw new IllegalArgumentException(labels.emptyResource());
        }
        if (target.startsWith("/")) {
            if (apiGroup != null || subresource != null || name != null) {
                throw new IllegalArgumentException("A non-resource URL (" + target + ") takes no " + labels.apiGroup()
                        + ", " + labels.subresource() + " or " + labels.name() + ".");
            }
            return Request.nonResource(verb, target);
        }
        String res = target;
        String n = name;
        int slash = res.indexOf('/');
        if (slash >= 0) {
            String fromArg = res.substring(slash + 1);
            res = res.substring(0, slash);
            if (fromArg.isEmpty() || fromArg.contains("/")) {
                throw new IllegalArgumentException("'" + target + "' is not RESOURCE or RESOURCE/NAME; "
                        + labels.subresourceHint() + ".");
            }
            if (n != null && !n.equals(fromArg)) {
                throw new IllegalArgumentException("'" + target + "' names '" + fromArg + "' but " + labels.name()
                        + " says '" + n + "'.");
            }
            n = fromArg;
        }
        String group = apiGroup;
        int dot = res.indexOf('.');
        if (dot >= 0) {
            String g = res.substring(dot + 1);
            res = res.substring(0, dot);
            if (group != null && !group.equals(g)) {
                throw new IllegalArgumentException("'" + target + "' is in API group '" + g + "' but "
                        + labels.apiGroup() + " says '" + group + "'.");
            }
            group = g;
        }
        if (res.isEmpty()) {
            throw new IllegalArgumentException("'" + target + "' has no resource name.");
        }
        return Request.resource(verb, group == null ? "" : group, res, subresource == null ? "" : subresource,
                n == null ? "" : n, namespace);
    }
}
