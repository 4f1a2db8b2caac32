package dev.kustodian.ui.onboarding;

import dev.kustodian.core.cluster.ClusterSession;
import dev.kustodian.core.model.ClusterSnapshot;
import dev.kustodian.ui.framework.AbstractPage;
import dev.kustodian.ui.framework.PageContext;
import dev.kustodian.ui.framework.PageInfo;
import org.kordamp.ikonli.feather.Feather;

import java.time.Clock;

/**
 * Onboarding (Ctrl+8): the cluster's hardening plan as a stepper with per-step actions; the first page shown for a
 * cluster never seen before. The plan is built with each load's analysis (the shell's load task), so the page
 * itself starts no background work until the user acts.
 */
public final class OnboardingPage extends AbstractPage<OnboardingView, OnboardingViewModel> {
    public static final String ID = "onboarding";
    /** The page's metadata: the navigation shows it before the page is created. */
    public static final PageInfo INFO = new PageInfo(ID, "Onboarding", Feather.CHECK_SQUARE, 8);

    public OnboardingPage(PageContext ctx) {
        this(ctx, Clock.systemUTC());
    }

    public OnboardingPage(PageContext ctx, Clock clock) {
        super(ctx, INFO, new OnboardingViewModel(ctx.state(), ctx.tasks(), ctx.dialogs(), ctx::reload, clock),
                OnboardingView::new);
    }

    /** The view (tests). */
    OnboardingView onboardingView() {
        return typedView();
    }

    @Override
    public void onSnapshot(ClusterSnapshot snapshot, ClusterSession session) {
        vm.loaded();
    }
}
