package dev.kustodian.core.util;

/**
 * Progress of long work. {@code fraction} in [0,1] or negative when unknown. Implementations must be
 * thread-safe (loaders report from several threads). The CLI prints to stderr, the UI binds a progress bar.
 */
@FunctionalInterface
public interface Progress {
    void update(double fraction, String message);

    Progress NONE = (f, m) -> { };
}
