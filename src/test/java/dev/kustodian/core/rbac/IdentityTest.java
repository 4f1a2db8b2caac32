package dev.kustodian.core.rbac;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class IdentityTest {
    @Test
    void namedUserGetsSystemAuthenticated() {
        assertThat(Identity.of("alice", List.of("devs")).groups()).containsExactlyInAnyOrder("devs", "system:authenticated");
    }

    @Test
    void serviceAccountGetsItsGroups() {
        assertThat(Identity.of("system:serviceaccount:prod:app", List.of()).groups()).containsExactlyInAnyOrder(
                "system:authenticated", "system:serviceaccounts", "system:serviceaccounts:prod");
    }

    @Test
    void anonymousIsUnauthenticated() {
        assertThat(Identity.of("system:anonymous", List.of()).groups()).containsExactly("system:unauthenticated");
    }

    @Test
    void noImplicitGroupsKeepsExactlyTheGivenGroups() {
        assertThat(Identity.exactly("system:serviceaccount:prod:app", List.of("x")).groups()).containsExactly("x");
    }

    @Test
    void malformedServiceAccountNamesAreNotServiceAccounts() {
        assertThat(Identity.splitServiceAccount("system:serviceaccount:prod")).isNull();
        assertThat(Identity.splitServiceAccount("system:serviceaccount:a:b:c")).isNull();
        assertThat(Identity.of("system:serviceaccount:prod", List.of()).groups()).containsExactly("system:authenticated");
    }
}
