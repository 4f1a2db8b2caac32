package dev.kustodian.core.rbac;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Who asks: a user name and its groups. {@link #of} adds the groups authentication would add
 * ({@code system:authenticated}; for service accounts also {@code system:serviceaccounts} and
 * {@code system:serviceaccounts:<ns>}); {@link #exactly} evaluates only the groups given.
 */
public record Identity(String user, Set<String> groups) {
    public static final String MASTERS = "system:masters";
    public static final String AUTHENTICATED = "system:authenticated";
    public static final String UNAUTHENTICATED = "system:unauthenticated";
    public static final String ANONYMOUS = "system:anonymous";
    public static final String SA_PREFIX = "system:serviceaccount:";

    public Identity {
        user = user == null ? "" : user;
        groups = groups == null ? Set.of() : Set.copyOf(groups);
    }

    public static Identity exactly(String user, List<String> groups) {
        return new Identity(user, new LinkedHashSet<>(groups == null ? List.of() : groups));
    }

    /** With the implicit groups of authentication. */
    public static Identity of(String user, List<String> groups) {
        Set<String> g = new LinkedHashSet<>(groups == null ? List.of() : groups);
        if (ANONYMOUS.equals(user)) {
            g.add(UNAUTHENTICATED);
        } else if (user != null && !user.isEmpty()) {
            g.add(AUTHENTICATED);
        }
        String[] sa = splitServiceAccount(user);
        if (sa != null) {
            g.add("system:serviceaccounts");
            g.add("system:serviceaccounts:" + sa[0]);
        }
        return new Identity(user, g);
    }

    public static Identity serviceAccount(String namespace, String name) {
        return of(serviceAccountUser(namespace, name), List.of());
    }

    public static String serviceAccountUser(String namespace, String name) {
        return SA_PREFIX + namespace + ":" + name;
    }

    /** {namespace, name} for {@code system:serviceaccount:NS:NAME}, else null. */
    public static String[] splitServiceAccount(String user) {
        if (user == null || !user.startsWith(SA_PREFIX)) {
            return null;
        }
        String rest = user.substring(SA_PREFIX.length());
        int i = rest.indexOf(':');
        if (i <= 0 || i == rest.length() - 1 || rest.indexOf(':', i + 1) >= 0) {
            return null;
        }
        return new String[]{rest.substring(0, i), rest.substring(i + 1)};
    }

    public boolean isMaster() {
        return groups.contains(MASTERS);
    }
}
