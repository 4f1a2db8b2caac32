package dev.kustodian.core.rbac;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The rank-based sort of the readers index gives exactly the order (and tie order) of a stable sort by ORDER. */
class SecretReadersSortTest {

    @Test
    void rankSortEqualsStableSortByOrder() {
        Random rnd = new Random(7);
        for (int round = 0; round < 50; round++) {
            List<Reader> l = new ArrayList<>();
            int n = 1 + rnd.nextInt(600);
            for (int i = 0; i < n; i++) {
                SubjectRef s = switch (rnd.nextInt(3)) {
                    case 0 -> SubjectRef.user("u-" + rnd.nextInt(40));
                    case 1 -> SubjectRef.group("g-" + rnd.nextInt(10));
                    default -> SubjectRef.serviceAccount("ns-" + rnd.nextInt(4), "sa-" + rnd.nextInt(8));
                };
                // equal (direct, subject, how) triples with different paths check stability
                Grant g = new Grant("RoleBinding/x/b" + i, "Role/x/r", null);
                l.add(new Reader(s, rnd.nextBoolean(), "how " + rnd.nextInt(5), List.of(g)));
            }
            List<Reader> expected = new ArrayList<>(l);
            expected.sort((a, b) -> {
                if (a.direct() != b.direct()) {
                    return a.direct() ? -1 : 1;
                }
                int c = a.subject().compareTo(b.subject());
                return c != 0 ? c : a.how().compareTo(b.how());
            });
            List<Reader> actual = new ArrayList<>(l);
            SecretReaders.sortByOrder(actual);
            assertThat(actual).containsExactlyElementsOf(expected);
        }
    }
}
