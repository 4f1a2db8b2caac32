package dev.kustodian.ui.framework;

import javafx.beans.value.ChangeListener;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class IdentityPropertyTest {
    @Test
    void changeListenersHearOfEveryNewObjectEvenAnEqualOne() {
        List<String> first = new ArrayList<>(List.of("a", "b"));
        List<String> equal = new ArrayList<>(List.of("a", "b"));
        IdentityProperty<List<String>> p = new IdentityProperty<>(first);
        List<String> heard = new ArrayList<>();
        ChangeListener<List<String>> listener = (o, was, now) ->
                heard.add((was == first ? "first" : was == equal ? "equal" : "other") + " -> "
                        + (now == first ? "first" : now == equal ? "equal" : "other"));
        p.addListener(listener);

        p.set(equal); // equal but another object: told
        p.set(equal); // the same object: not told
        p.set(first);
        assertThat(heard).containsExactly("first -> equal", "equal -> first");

        p.removeListener(listener);
        p.set(equal);
        assertThat(heard).hasSize(2);
        assertThat(p.get()).isSameAs(equal);
    }

    @Test
    void invalidationListenersAndBindingsStillFollowIt() {
        IdentityProperty<String> p = new IdentityProperty<>("a");
        javafx.beans.binding.StringBinding upper = javafx.beans.binding.Bindings.createStringBinding(
                () -> p.get().toUpperCase(java.util.Locale.ROOT), p);
        assertThat(upper.get()).isEqualTo("A");
        p.set("b");
        assertThat(upper.get()).isEqualTo("B");
        p.set(new String("b"));
        assertThat(upper.get()).isEqualTo("B");
    }
}
