package dev.kustodian.cli.common;

import dev.kustodian.core.output.RequestField;
import picocli.CommandLine.Model.OptionSpec;

import java.util.List;

/**
 * One flag of a generate command, declared once next to the core request field it fills: its names, help text, and
 * how picocli parses it (text, repeatable list, check box or enum choice; required, default, parameter label, split).
 * {@link RequestCommand} turns a command's list of flags into its picocli options, reads the parsed values as the
 * request's {@link dev.kustodian.core.output.FieldValues} and names a field's flag in input problems.
 */
public final class Flag {
    enum Kind { TEXT, LIST, CHECK, CHOICE }

    private final RequestField field;
    private final Kind kind;
    private final String[] names;
    private final String help;
    private final Class<?> type;
    private String label;
    private String defaultValue;
    private boolean required;
    private String split;

    private Flag(RequestField field, Kind kind, String names, String help, Class<?> type) {
        this.field = field;
        this.kind = kind;
        this.names = names.split(",\\s*");
        this.help = help;
        this.type = type;
    }

    /** A text flag ({@code names} comma-separated, e.g. {@code "-n, --namespace"}). */
    public static Flag text(RequestField field, String names, String help) {
        return new Flag(field, Kind.TEXT, names, help, String.class);
    }

    /** A repeatable flag (a list of texts). */
    public static Flag list(RequestField field, String names, String help) {
        return new Flag(field, Kind.LIST, names, help, List.class);
    }

    /** A flag without a value (a check box). */
    public static Flag check(RequestField field, String names, String help) {
        return new Flag(field, Kind.CHECK, names, help, boolean.class);
    }

    /** A flag whose value is one of the enum's constants (picocli names them when the value is not one). */
    public static Flag choice(RequestField field, String names, Class<? extends Enum<?>> type, String help) {
        return new Flag(field, Kind.CHOICE, names, help, type);
    }

    public Flag required() {
        this.required = true;
        return this;
    }

    /** The default value ({@code ${DEFAULT-VALUE}} in the help). */
    public Flag or(String value) {
        this.defaultValue = value;
        return this;
    }

    /** The parameter label in the help, e.g. {@code NS}; by default {@code <key>}. */
    public Flag label(String label) {
        this.label = label;
        return this;
    }

    /** A list flag whose values are also split by this regex. */
    public Flag split(String regex) {
        this.split = regex;
        return this;
    }

    public RequestField field() {
        return field;
    }

    Kind kind() {
        return kind;
    }

    /** The longest name, e.g. {@code --namespace}. */
    public String longName() {
        return names[names.length - 1];
    }

    /** The picocli option of this flag. */
    OptionSpec option() {
        OptionSpec.Builder b = OptionSpec.builder(names).description(help).required(required).type(type);
        if (kind == Kind.LIST) {
            b.auxiliaryTypes(String.class);
        }
        if (kind != Kind.CHECK) {
            b.paramLabel(label != null ? label : "<" + field.key() + ">");
        }
        if (defaultValue != null) {
            b.defaultValue(defaultValue);
        }
        if (split != null) {
            b.splitRegex(split);
        }
        return b.build();
    }
}
