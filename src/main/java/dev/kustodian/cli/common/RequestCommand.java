package dev.kustodian.cli.common;

import dev.kustodian.core.output.Bundle;
import dev.kustodian.core.output.FieldValues;
import dev.kustodian.core.output.GenerationRequest;
import dev.kustodian.core.output.RequestField;
import dev.kustodian.core.util.UserFacingException;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A generate command whose flags are a list of {@link Flag}s: declared once, they become the picocli options (in
 * their order, before the mixed-in options such as {@code --output}), the {@link FieldValues} the core request is
 * read from, and the flag named for a field in the request's input problems (exit 2). A subclass names its command
 * and description and passes its flags and how its request is made from their values.
 */
@CommandLine.Command(mixinStandardHelpOptions = true, sortOptions = false, modelTransformer = RequestCommand.AddFlags.class)
public abstract class RequestCommand extends CliCommand {

    @CommandLine.Mixin
    protected BundleOutput.Options output = new BundleOutput.Options();

    private final List<Flag> flags;
    private final Function<FieldValues, ? extends GenerationRequest<?>> request;
    private final Map<String, OptionSpec> options = new LinkedHashMap<>();

    protected RequestCommand(List<Flag> flags, Function<FieldValues, ? extends GenerationRequest<?>> request) {
        this.flags = List.copyOf(flags);
        this.request = request;
    }

    /** The request of the parsed values. */
    protected GenerationRequest<?> request(FieldValues values) {
        return request.apply(values);
    }

    /** When set, only this file of the bundle goes to stdout (e.g. the IAM policy JSON). */
    protected String stdoutOnly(GenerationRequest<?> request) {
        return null;
    }

    @Override
    public Integer call() {
        GenerationRequest<?> r = request(values());
        return BundleOutput.emit(spec, generate(r), output, stdoutOnly(r));
    }

    /** The request's bundle; its first input problem is a bad-input error (exit 2) naming this command's flags. */
    protected Bundle generate(GenerationRequest<?> request) {
        check(request);
        return request.generate();
    }

    /** Throws the request's first input problem as a bad-input error (exit 2) naming this command's flags. */
    protected void check(GenerationRequest<?> request) {
        for (Bundle.Problem p : request.validate()) {
            if (p.error()) {
                throw UserFacingException.badInput(p.render(this::flag).message());
            }
        }
    }

    /** The flag of a field key, e.g. {@code --namespace}. */
    protected String flag(String key) {
        for (Flag f : flags) {
            if (f.field().key().equals(key)) {
                return f.longName();
            }
        }
        return BundleOutput.flag(key, Map.of());
    }

    /** The parsed values by field key: unset text is null (as picocli leaves it), an unset list empty. */
    protected FieldValues values() {
        return new FieldValues() {
            @Override
            public String text(RequestField field) {
                Object v = value(field);
                return v == null ? "" : v.toString();
            }

            @Override
            public String textOrNull(RequestField field) {
                Object v = value(field);
                return v == null ? null : v.toString();
            }

            @Override
            @SuppressWarnings("unchecked")
            public List<String> list(RequestField field) {
                Object v = value(field);
                return v == null ? new ArrayList<>() : new ArrayList<>((List<String>) v);
            }

            @Override
            public boolean flag(RequestField field) {
                return Boolean.TRUE.equals(value(field));
            }
        };
    }

    private Object value(RequestField field) {
        OptionSpec o = options.get(field.key());
        return o == null ? null : o.getValue();
    }

    /** Adds a {@link RequestCommand}'s flags to its command spec, ahead of the options it mixes in. */
    public static final class AddFlags implements CommandLine.IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            RequestCommand c = (RequestCommand) spec.userObject();
            List<OptionSpec> mixedIn = new ArrayList<>(spec.options());
            mixedIn.forEach(spec::remove);
            // a subclass's own mixins (e.g. the cluster source) first, then --output/--force, then --help/--version
            mixedIn.sort(java.util.Comparator.comparingInt(AddFlags::rank));
            for (Flag f : c.flags) {
                OptionSpec o = f.option();
                spec.addOption(o);
                c.options.put(f.field().key(), o);
            }
            mixedIn.forEach(spec::addOption);
            return spec;
        }

        private static int rank(OptionSpec o) {
            return o.usageHelp() || o.versionHelp() ? 2 : o.longestName().equals("--output")
                    || o.longestName().equals("--force") ? 1 : 0;
        }
    }
}
