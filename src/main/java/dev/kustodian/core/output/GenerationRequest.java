package dev.kustodian.core.output;

import java.util.List;

/**
 * A typed generator input (one per generator: the CLI maps its flags to it, a wizard fills it from its fields).
 * {@link #spec} checks the input (problems keyed by the request's {@link RequestField}s) and resolves it into the
 * generator's spec; {@link #bundle} generates.
 *
 * @param <S> the generator's spec
 */
public interface GenerationRequest<S> {
    /** Checks the input into {@code problems}; returns the spec, or null when an input problem prevents one. */
    S spec(InputProblems problems);

    /** Generates from a spec {@link #spec} returned (the generator adds schema and provider-rule problems). */
    Bundle bundle(S spec);

    /** The input problems, in order; empty when the request can be generated. */
    default List<Bundle.Problem> validate() {
        InputProblems p = new InputProblems();
        spec(p);
        return p.list();
    }

    /** The generated bundle, or a bundle holding the input problems when there are any. */
    default Bundle generate() {
        InputProblems p = new InputProblems();
        S s = spec(p);
        if (s == null || p.hasErrors()) {
            return p.bundle("");
        }
        return bundle(s);
    }
}
