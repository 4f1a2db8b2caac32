package dev.kustodian.core.roles;

import java.time.Instant;

/** The first and last time of audit events seen so far: null-tolerant minimum and maximum of instants. */
final class EventTimes {
    private EventTimes() {
    }

    /** The earlier of two instants, either of which may be null (none yet, or an event without a time). */
    static Instant earlier(Instant a, Instant b) {
        return a == null || (b != null && b.isBefore(a)) ? b : a;
    }

    /** The later of two instants, either of which may be null. */
    static Instant later(Instant a, Instant b) {
        return a == null || (b != null && b.isAfter(a)) ? b : a;
    }
}
