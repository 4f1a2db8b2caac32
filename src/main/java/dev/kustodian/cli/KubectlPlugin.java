package dev.kustodian.cli;

import picocli.CommandLine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Entry point of the {@code kubectl-kustodian} launcher, so that {@code kubectl kustodian ARGS} runs
 * {@code kustodian ARGS}. kubectl hands a plugin every argument after its name, including kubectl's own
 * {@code --kubeconfig}, {@code --context} and {@code -n/--namespace}; written before the subcommand
 * ({@code kubectl kustodian --context prod scan}) they are moved after it, where Kustodian's commands take them.
 * Without arguments it prints the usage (a kubectl plugin does not open a window).
 */
public final class KubectlPlugin {
    /** kubectl's global flags that Kustodian's commands understand, each taking one value. */
    static final Set<String> INHERITED = Set.of("--kubeconfig", "--context", "-n", "--namespace");

    private KubectlPlugin() {
    }

    public static void main(String[] args) {
        // as in dev.kustodian.Main: library logging is off unless --verbose or -D... asks for it
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "off");
        }
        System.exit(run(args));
    }

    static int run(String... args) {
        CommandLine cl = KustodianCommand.commandLine();
        cl.setCommandName("kubectl kustodian");
        return cl.execute(args.length == 0 ? new String[]{"--help"} : arguments(args));
    }

    /** The arguments with kubectl's global flags written before the first subcommand moved behind the subcommands. */
    static String[] arguments(String... args) {
        List<String> leading = new ArrayList<>();
        int i = 0;
        while (i < args.length && args[i].startsWith("-")) {
            String a = args[i];
            String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            if (!INHERITED.contains(name)) {
                break; // --help, -V and unknown flags stay where they are
            }
            leading.add(a);
            if (!a.contains("=") && i + 1 < args.length) {
                leading.add(args[++i]);
            }
            i++;
        }
        if (leading.isEmpty() || i == args.length) {
            return args;
        }
        List<String> rest = new ArrayList<>(List.of(args).subList(i, args.length));
        int endOfOptions = rest.indexOf("--");
        rest.addAll(endOfOptions < 0 ? rest.size() : endOfOptions, leading);
        return rest.toArray(String[]::new);
    }
}
