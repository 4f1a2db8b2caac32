package dev.kustodian.ui.framework;

import dev.kustodian.core.analysis.Analysis;
import dev.kustodian.core.cluster.ClusterSession;
import dev.kustodian.core.cluster.SourceSpec;
import dev.kustodian.core.findings.Finding;
import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.core.plan.ClusterPlan;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;

/**
 * App-wide state that pages observe (FX thread only): the current session and its findings, the namespace filter,
 * the theme and the selected context.
 */
public final class AppState {
    public enum Theme { LIGHT, DARK }

    public final ObjectProperty<ClusterSession> session = new SimpleObjectProperty<>();
    /**
     * The analysis of the current snapshot (its indexes and findings, computed once per load, off the FX thread);
     * null before the first load. Setting it also sets {@link #findingsProperty()}.
     */
    public final ObjectProperty<Analysis> analysis = new SimpleObjectProperty<>();
    /**
     * Findings of all rules on the current snapshot (those of {@link #analysis()}). Its change listeners hear of every
     * new list, equal or not: comparing two loads' findings cost the FX thread more than the listeners' work.
     */
    public final ObjectProperty<List<Finding>> findings = new IdentityProperty<>(List.of());
    /**
     * The hardening plan of the current load (built with the analysis, off the FX thread; rebuilt by the Onboarding
     * page after an accepted risk or a recorded proof); null before the first load. Like {@link #findings}, its change
     * listeners hear of every new plan without an {@code equals} comparison: two loads' plans are never equal (each has
     * its own {@code PlanState}), but the record compared their steps and findings first (~14 ms of the FX thread on
     * the 20,000-secret cluster's refresh).
     */
    public final ObjectProperty<ClusterPlan> plan = new IdentityProperty<>(null);
    public final ObjectProperty<SourceSpec> source = new SimpleObjectProperty<>();
    /** Selected namespaces; empty means all. */
    public final ObservableList<String> namespaceFilter = FXCollections.observableArrayList();
    public final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);
    public final StringProperty selectedContext = new SimpleStringProperty();
    /** True when the current context is production (by name or marked by the user): red banner, red confirm. */
    public final BooleanProperty production = new SimpleBooleanProperty();

    public AppState() {
        analysis.addListener((o, a, b) -> findings.set(b == null ? List.of() : b.findingsInItsBenchmark()));
    }

    /**
     * The CIS benchmark the findings' ids are numbered in (the one kube-bench picks for the loaded cluster's version
     * and platform), or null before the first load.
     */
    public String cisBenchmark() {
        Analysis a = analysis.get();
        return a == null ? null : a.cisBenchmark();
    }

    public ClusterSession session() {
        return session.get();
    }

    /** The current snapshot, or null before the first load. */
    public ClusterSnapshot snapshot() {
        return session.get() == null ? null : session.get().snapshot();
    }

    public Analysis analysis() {
        return analysis.get();
    }

    /**
     * The analysis of {@code snapshot}: the loaded one (the shell sets it before the session), or, for a snapshot that
     * did not come through the shell's load (tests), a new one of its own.
     */
    public Analysis analysisOf(ClusterSnapshot snapshot) {
        Analysis a = analysis.get();
        return a != null && a.snapshot() == snapshot ? a : Analysis.of(snapshot);
    }

    public List<Finding> findings() {
        return findings.get();
    }

    public ClusterPlan plan() {
        return plan.get();
    }

    /**
     * The namespace filter as it is now (does not follow later changes; also for work off the FX thread): true when
     * objects of a namespace pass it (cluster-scoped objects always pass).
     */
    public java.util.function.Predicate<String> namespaceVisibility() {
        if (namespaceFilter.isEmpty()) {
            return ns -> true;
        }
        java.util.Set<String> shown = java.util.Set.copyOf(namespaceFilter);
        return ns -> ns == null || ns.isEmpty() || shown.contains(ns);
    }


    public boolean isProduction() {
        return production.get();
    }
}
