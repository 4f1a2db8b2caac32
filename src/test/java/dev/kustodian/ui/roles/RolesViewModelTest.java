package dev.kustodian.ui.roles;

import dev.kustodian.core.rbac.SubjectRef;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The Roles filter: a subject's text or one of its roles' names, any case, within the visible namespaces. */
class RolesViewModelTest {

    private static RolesViewModel.Row row(SubjectRef subject, String... roles) {
        String text = RoleChoices.text(subject);
        List<RolesViewModel.BindingRow> bindings = java.util.Arrays.stream(roles)
                .map(r -> new RolesViewModel.BindingRow("RoleBinding/b", r, "namespace x", List.of(), false)).toList();
        return new RolesViewModel.Row(subject, text, bindings, false, RolesViewModel.search(text, bindings));
    }

    private final RolesViewModel.Row deployer = row(SubjectRef.serviceAccount("team-b", "deployer"), "Role/Edit-Apps");
    private final RolesViewModel.Row reader = row(SubjectRef.serviceAccount("team-a", "reader"), "ClusterRole/view");
    private final RolesViewModel.Row admins = row(SubjectRef.group("platform-admins"), "ClusterRole/cluster-admin");

    private RolesViewModel shown() {
        RolesViewModel vm = new RolesViewModel();
        vm.show(List.of(deployer, reader, admins), ns -> true);
        return vm;
    }

    @Test
    void theFilterMatchesTheSubjectOrOneOfItsRolesInAnyCase() {
        RolesViewModel vm = shown();
        vm.filter.set("DEPLOY");
        assertThat(vm.rows).containsExactly(deployer);
        vm.filter.set("edit-apps"); // the role's name, not the subject's
        assertThat(vm.rows).containsExactly(deployer);
        vm.filter.set("  cluster  "); // trimmed; "cluster-admin" and "ClusterRole/view"
        assertThat(vm.rows).containsExactly(reader, admins);
        assertThat(vm.header.get()).isEqualTo("Subjects (2 of 3)");
        vm.filter.set("deployerrole"); // not across the subject and its role
        assertThat(vm.rows).isEmpty();
        vm.filter.set("");
        assertThat(vm.rows).containsExactly(deployer, reader, admins);
        assertThat(vm.header.get()).isEqualTo("Subjects (3)");
    }

    @Test
    void theNamespaceFilterKeepsSubjectsWithoutANamespace() {
        RolesViewModel vm = shown();
        vm.refilter(ns -> ns.equals("team-a"));
        assertThat(vm.rows).containsExactly(reader, admins);
        vm.filter.set("view");
        assertThat(vm.rows).containsExactly(reader);
    }
}
