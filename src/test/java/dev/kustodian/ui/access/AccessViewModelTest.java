package dev.kustodian.ui.access;

import dev.kustodian.core.rbac.Reader;
import dev.kustodian.core.rbac.RbacEngine;
import dev.kustodian.core.rbac.Request;
import dev.kustodian.core.rbac.SubjectRef;
import dev.kustodian.core.rbac.SubjectRisk;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Access page's view model without a scene: ranking, filters, subject view, who-can, secret readers. */
class AccessViewModelTest {
    private final AccessViewModel vm = new AccessViewModel();

    @BeforeEach
    void load() {
        vm.setAnalysis(AccessViewModel.analyse(dev.kustodian.core.analysis.Analysis.of(AccessFixtures.snapshot())));
    }

    private static List<String> names(List<SubjectRisk> l) {
        return l.stream().map(r -> r.subject().display()).toList();
    }

    @Test
    void ranksRiskySubjectsWithSystemAccessGroupedApart() {
        assertThat(names(vm.subjects)).containsExactly("ServiceAccount/team-b/deployer", "User/alice",
                "Group/devs", "ServiceAccount/team-a/backend");
        assertThat(vm.subjects).isSortedAccordingTo((a, b) -> Integer.compare(b.score(), a.score()));
        assertThat(names(vm.systemSubjects)).containsExactly("User/system:kube-controller-manager");
        SubjectRisk alice = vm.subjects.get(1);
        assertThat(alice.reasons()).anySatisfy(r -> assertThat(r).contains("cluster-admin"));
        assertThat(alice.bindings()).containsExactly("ClusterRoleBinding/alice-admin");

        vm.showSystem.set(true);
        assertThat(vm.systemSubjects).isEmpty();
        assertThat(names(vm.subjects)).contains("User/system:kube-controller-manager");
        assertThat(vm.totalRanked.get()).isEqualTo(vm.subjects.size());
    }

    @Test
    void filtersByKindTextAndNamespace() {
        vm.kindFilter.set(SubjectRef.SERVICE_ACCOUNT);
        assertThat(vm.subjects).allSatisfy(r -> assertThat(r.subject().kind()).isEqualTo("ServiceAccount"))
                .isNotEmpty();
        vm.kindFilter.set(AccessViewModel.ALL_KINDS);
        vm.textFilter.set("ALICE");
        assertThat(names(vm.subjects)).containsExactly("User/alice");
        vm.textFilter.set("");
        // namespace filter team-b: the team-a service account and the team-a-only group drop out
        vm.setNamespaceFilter(Set.of("team-b")::contains);
        assertThat(names(vm.subjects)).contains("User/alice", "ServiceAccount/team-b/deployer")
                .doesNotContain("Group/devs", "ServiceAccount/team-a/backend");
        assertThat(vm.secretChoices).containsExactly("team-b/registry-pull");
    }

    @Test
    void filtersInTheBackgroundWhenGivenAnExecutorAndDropsAStaleResult() {
        dev.kustodian.ui.framework.QueuedTaskExecutor tasks = new dev.kustodian.ui.framework.QueuedTaskExecutor();
        AccessViewModel bg = new AccessViewModel();
        bg.filterInBackground(tasks);
        var analysis = AccessViewModel.analyse(dev.kustodian.core.analysis.Analysis.of(AccessFixtures.snapshot()));
        bg.setAnalysis(analysis);
        assertThat(tasks.waiting()).as("a new analysis is filtered at once").isZero();
        List<String> all = names(bg.subjects);
        assertThat(all).hasSize(4);

        bg.textFilter.set("alice");
        assertThat(names(bg.subjects)).as("not filtered on the calling thread").isEqualTo(all);
        assertThat(tasks.waiting()).isEqualTo(1);
        bg.textFilter.set("deployer"); // typed on before the first result arrived
        tasks.runNext(); // "alice": superseded, dropped
        assertThat(names(bg.subjects)).isEqualTo(all);
        tasks.runNext();
        assertThat(names(bg.subjects)).containsExactly("ServiceAccount/team-b/deployer");

        bg.kindFilter.set(SubjectRef.USER);
        bg.setAnalysis(analysis); // a new analysis while a filter runs: filtered at once, the running one dropped
        assertThat(names(bg.subjects)).isEmpty();
        tasks.runNext();
        assertThat(names(bg.subjects)).isEmpty();
        bg.textFilter.set("");
        tasks.runNext();
        assertThat(names(bg.subjects)).containsExactly("User/alice");
        assertThat(names(bg.systemSubjects)).containsExactly("User/system:kube-controller-manager");
    }

    @Test
    void textFilterSearchesDisplayNamesAndReasonsIgnoringCase() {
        SubjectRisk first = vm.subjects.get(0);
        String reason = first.reasons().get(0);
        vm.textFilter.set(" " + reason.toUpperCase(Locale.ROOT) + " ");
        String lower = reason.toLowerCase(Locale.ROOT);
        assertThat(vm.subjects).contains(first).allSatisfy(r -> assertThat(
                r.subject().display().toLowerCase(Locale.ROOT).contains(lower)
                        || r.reasons().stream().anyMatch(x -> x.toLowerCase(Locale.ROOT).contains(lower))).isTrue());
        // the display name and a reason are searched one at a time, never as one text
        vm.textFilter.set(first.subject().display() + reason);
        assertThat(vm.subjects).doesNotContain(first);
        vm.textFilter.set(first.subject().display() + "\u0000" + reason);
        assertThat(vm.subjects).doesNotContain(first);
        vm.textFilter.set("");
        assertThat(vm.subjects).contains(first);
    }

    @Test
    void subjectViewHasRulesMatrixAndPaths() {
        vm.selected.set(SubjectRef.serviceAccount("team-a", "backend"));
        assertThat(vm.subjectNamespace.get()).isEqualTo("team-a");
        assertThat(vm.effectiveRules).extracting(RbacEngine.EffectiveRule::role).contains("Role/team-a/pod-exec");
        AccessViewModel.MatrixRow exec = vm.matrix.stream().filter(r -> r.resource().equals("pods/exec"))
                .findFirst().orElseThrow();
        assertThat(exec.verbs()).containsEntry("create", true).containsEntry("get", false);
        AccessViewModel.MatrixRow secrets = vm.matrix.stream().filter(r -> r.resource().equals("secrets"))
                .findFirst().orElseThrow();
        assertThat(secrets.verbs().values()).containsOnly(false);
        assertThat(vm.paths).extracting(AccessViewModel.PathBinding::binding)
                .containsExactly("RoleBinding/team-a/backend-exec");
        assertThat(vm.paths.get(0).role()).isEqualTo("Role/team-a/pod-exec");
        assertThat(vm.paths.get(0).rules()).singleElement().asString().contains("pods/exec");

        // at cluster scope a RoleBinding grants nothing
        vm.subjectNamespace.set(AccessViewModel.CLUSTER_SCOPE);
        assertThat(vm.effectiveRules).isEmpty();

        // a member of group devs: the RoleBinding to the group is a path "through" the group
        vm.selected.set(SubjectRef.group("devs"));
        assertThat(vm.paths).extracting(AccessViewModel.PathBinding::binding)
                .containsExactly("RoleBinding/team-a/devs-read-secrets");
        assertThat(vm.paths.get(0).via()).isNull();
    }

    @Test
    void pathsThroughAGroupNameTheGroup() {
        var engine = vm.analysis.get().engine();
        var paths = AccessViewModel.pathsOf(engine, SubjectRef.user("bob"));
        assertThat(paths).isEmpty();
        // a user in group devs is not a SubjectRef; a Group subject bound through system:authenticated is
        vm.selected.set(SubjectRef.user("alice"));
        assertThat(vm.paths).extracting(AccessViewModel.PathBinding::binding)
                .containsExactly("ClusterRoleBinding/alice-admin");
        assertThat(vm.selectedRisk.get()).isNotNull();
    }

    @Test
    void whoCanQueryParsesKubectlFormsAndListsSubjectsWithPaths() {
        vm.whoVerb.set("list");
        vm.whoResource.set("secrets");
        vm.whoNamespace.set("team-a");
        vm.runWhoCan();
        assertThat(vm.whoCan).extracting(a -> a.subject().display())
                .contains("Group/system:masters", "User/alice", "ServiceAccount/team-b/deployer", "Group/devs");
        var devs = vm.whoCan.stream().filter(a -> a.subject().name().equals("devs")).findFirst().orElseThrow();
        assertThat(devs.via()).singleElement().satisfies(g -> {
            assertThat(g.binding()).isEqualTo("RoleBinding/team-a/devs-read-secrets");
            assertThat(g.role()).isEqualTo("ClusterRole/secret-lister");
        });
        assertThat(vm.whoMessage.get()).contains("list secrets in namespace team-a");

        // in team-b the group's RoleBinding does not count
        vm.whoNamespace.set("team-b");
        vm.runWhoCan();
        assertThat(vm.whoCan).extracting(a -> a.subject().display()).doesNotContain("Group/devs");

        vm.whoVerb.set("create");
        vm.whoResource.set("pods");
        vm.whoSubresource.set("exec");
        vm.whoNamespace.set("team-a");
        vm.runWhoCan();
        assertThat(vm.whoCan).extracting(a -> a.subject().display()).contains("ServiceAccount/team-a/backend");

        Request r = AccessViewModel.parseQuery("patch", "deployments.apps", "scale", "web", "team-a");
        assertThat(r.apiGroup()).isEqualTo("apps");
        assertThat(r.resource()).isEqualTo("deployments");
        assertThat(r.subresource()).isEqualTo("scale");
        assertThat(r.name()).isEqualTo("web");
        // RESOURCE/NAME, as in `kustodian who-can get secrets/db` (kubectl's form): the same parser
        Request named = AccessViewModel.parseQuery("get", "secrets/db", "", "", "team-a");
        assertThat(named.resource()).isEqualTo("secrets");
        assertThat(named.name()).isEqualTo("db");
        assertThat(named.subresource()).isEmpty();
        assertThatThrownBy(() -> AccessViewModel.parseQuery("patch", "deployments.apps/scale", "", "web", "team-a"))
                .hasMessage("'deployments.apps/scale' names 'scale' but name says 'web'.");
        assertThat(AccessViewModel.parseQuery("get", "/healthz", "", "", null).isResourceRequest()).isFalse();
        assertThatThrownBy(() -> AccessViewModel.parseQuery("get", "", "", "", null))
                .hasMessageContaining("Give a resource");

        vm.whoResource.set("");
        vm.runWhoCan();
        assertThat(vm.whoCan).isEmpty();
        assertThat(vm.whoMessage.get()).contains("Give a resource");
    }

    @Test
    void secretReadersDirectAndIndirectWithSystemReadersCounted() {
        vm.selectedSecret.set("team-a/db-credentials");
        assertThat(vm.secretReaders).filteredOn(Reader::direct).extracting(r -> r.subject().display())
                .contains("User/alice", "ServiceAccount/team-b/deployer", "Group/devs");
        assertThat(vm.secretReaders).filteredOn(r -> !r.direct()).isNotEmpty();
        assertThat(vm.secretReaders).noneMatch(Reader::system);
        assertThat(vm.hiddenSystemReaders.get()).isPositive();
        Reader devs = vm.secretReaders.stream().filter(r -> r.subject().name().equals("devs")).findFirst()
                .orElseThrow();
        assertThat(devs.via()).extracting(g -> g.binding()).contains("RoleBinding/team-a/devs-read-secrets");

        vm.showSystem.set(true);
        assertThat(vm.hiddenSystemReaders.get()).isZero();
        assertThat(vm.secretReaders).anyMatch(r -> r.subject().name().equals("system:kube-controller-manager"));

        vm.selectedSecret.set("team-b/registry-pull");
        assertThat(vm.secretReaders).extracting(r -> r.subject().display()).doesNotContain("Group/devs");
    }

    @Test
    void selectionSurvivesANewAnalysis() {
        vm.selected.set(SubjectRef.user("alice"));
        vm.selectedSecret.set("team-a/db-credentials");
        vm.setAnalysis(AccessViewModel.analyse(dev.kustodian.core.analysis.Analysis.of(AccessFixtures.snapshot())));
        assertThat(vm.selected.get()).isEqualTo(SubjectRef.user("alice"));
        assertThat(vm.paths).isNotEmpty();
        assertThat(vm.selectedSecret.get()).isEqualTo("team-a/db-credentials");
        assertThat(vm.secretReaders).isNotEmpty();
    }
}
