package dev.kustodian.core.cluster;

import dev.kustodian.core.model.ApiResourceInfo;
import dev.kustodian.core.model.BindingInfo;
import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.core.model.ConfigMapInfo;
import dev.kustodian.core.model.CrdInfo;
import dev.kustodian.core.model.CustomObjectInfo;
import dev.kustodian.core.model.NamespaceInfo;
import dev.kustodian.core.model.NodeInfo;
import dev.kustodian.core.model.RoleInfo;
import dev.kustodian.core.model.SecretInfo;
import dev.kustodian.core.model.ServiceAccountInfo;
import dev.kustodian.core.model.SourceInfo;
import dev.kustodian.core.model.VisibilityGap;
import dev.kustodian.core.model.WorkloadInfo;

import java.util.List;

/**
 * The on-disk form of a value-free snapshot ({@code apiVersion: kustodian.dev/v1alpha1, kind: ClusterSnapshot}):
 * the model's records as they are. Written by {@link SnapshotFileWriter}, read by {@link SnapshotFileLoader}.
 */
record SnapshotDocument(
        String apiVersion,
        String kind,
        SourceInfo source,
        List<NamespaceInfo> namespaces,
        List<SecretInfo> secrets,
        List<ConfigMapInfo> configMaps,
        List<WorkloadInfo> workloads,
        List<ServiceAccountInfo> serviceAccounts,
        List<RoleInfo> roles,
        List<BindingInfo> bindings,
        List<CrdInfo> crds,
        List<ApiResourceInfo> apiResources,
        List<NodeInfo> nodes,
        List<CustomObjectInfo> customObjects,
        List<VisibilityGap> gaps,
        List<String> notes) {

    static final String API_VERSION = "kustodian.dev/v1alpha1";
    static final String KIND = "ClusterSnapshot";

    static SnapshotDocument of(ClusterSnapshot s) {
        return new SnapshotDocument(API_VERSION, KIND, s.source(), s.namespaces(), s.secrets(), s.configMaps(),
                s.workloads(), s.serviceAccounts(), s.roles(), s.bindings(), s.crds(), s.apiResources(), s.nodes(),
                s.customObjects(), s.gaps(), s.notes());
    }

    void addTo(ClusterSnapshot.Builder b) {
        b.addAll(namespaces, secrets, configMaps, workloads, serviceAccounts, roles, bindings, crds, apiResources, nodes,
                customObjects, gaps, notes);
    }
}
