package dev.kustodian.ui.app;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;

import java.util.function.ToDoubleFunction;

/**
 * The shell's page area: a stack of page views of which one shows, the others kept hidden (prepared ahead or left for
 * another page, {@link PagePreparation#keepsViews()}). Every view is laid out at the area's size, hidden ones too
 * (a view shown again needs no new layout), but the area's own minimum and preferred size come from the views shown
 * only: a hidden view's minimum width (Access's is 936 px) must not widen every other page.
 */
final class PageArea extends StackPane {

    @Override
    protected double computeMinWidth(double height) {
        return horizontal(n -> n.minWidth(-1));
    }

    @Override
    protected double computeMinHeight(double width) {
        return vertical(n -> n.minHeight(-1));
    }

    @Override
    protected double computePrefWidth(double height) {
        return horizontal(n -> n.prefWidth(-1));
    }

    @Override
    protected double computePrefHeight(double width) {
        return vertical(n -> n.prefHeight(-1));
    }

    private double horizontal(ToDoubleFunction<Node> size) {
        Insets in = getInsets();
        return snapSpaceX(in.getLeft()) + largestShown(size) + snapSpaceX(in.getRight());
    }

    private double vertical(ToDoubleFunction<Node> size) {
        Insets in = getInsets();
        return snapSpaceY(in.getTop()) + largestShown(size) + snapSpaceY(in.getBottom());
    }

    private double largestShown(ToDoubleFunction<Node> size) {
        double max = 0;
        for (Node n : getManagedChildren()) {
            if (n.isVisible()) {
                max = Math.max(max, size.applyAsDouble(n));
            }
        }
        return max;
    }
}
