package dev.kustodian.ui.framework;

import org.kordamp.ikonli.Ikon;

/**
 * A page's metadata as data: stable id (e.g. {@code secrets}), navigation title, icon, and its position in the
 * navigation, which is also its Ctrl+N shortcut (Overview 1, Secrets 2, Access 3, Encryption 4, External stores 5,
 * Roles 6, Reports 7).
 */
public record PageInfo(String id, String title, Ikon icon, int order) {
}
