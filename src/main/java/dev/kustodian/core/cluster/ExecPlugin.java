package dev.kustodian.core.cluster;

import dev.kustodian.core.util.UserFacingException;
import io.fabric8.kubernetes.api.model.ExecConfig;
import io.fabric8.kubernetes.api.model.ExecEnvVar;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a kubeconfig exec credential plugin ({@code users[].user.exec}) the way kubectl does, with what kubectl's
 * client lacks in fabric8: a deadline (default {@link #DEFAULT_TIMEOUT}, {@code --exec-timeout}), a cap on what the
 * plugin may print, and clear sentences for a plugin that is missing, not executable, fails, hangs or prints
 * something that is not an ExecCredential. The credential itself is never kept or shown: this run only proves the
 * plugin works before the client runs it for the connection.
 */
public final class ExecPlugin {
    /** The default deadline ({@link Deadlines#DEFAULT_EXEC}). */
    public static final Duration DEFAULT_TIMEOUT = Deadlines.DEFAULT_EXEC;
    /** An ExecCredential is a few KiB; a plugin printing more than this is broken. */
    public static final int MAX_OUTPUT = 1 << 20;

    
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ExecPlugin() {
    }

    /**
     * Runs the plugin of {@code user} once and checks it prints an ExecCredential with a token or a client
     * certificate; throws a {@link UserFacingException} otherwise.
     */
    public static void check(ExecConfig exec, String user, String context, Path kubeconfig, Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            timeout = DEFAULT_TIMEOUT;
        }
        String problem = installProblem(exec, user, context, kubeconfig);
        if (problem != null) {
            throw UserFacingException.badInput(problem);
        }
        String cmd = exec.getCommand();
        String who = who(cmd, user, context, kubeconfig);
        Path exe = locate(cmd, kubeconfig);
        List<String> argv = new ArrayList<>();
        argv.add(exe.toString());
        if (exec.getArgs() != null) {
            argv.addAll(exec.getArgs());
        }
        ProcessBuilder pb = new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        if (exec.getEnv() != null) {
            for (ExecEnvVar v : exec.getEnv()) {
                if (v != null && v.getName() != null) {
                    pb.environment().put(v.getName(), v.getValue() == null ? "" : v.getValue());
                }
            }
        }
        String api = exec.getApiVersion() == null ? "client.authentication.k8s.io/v1" : exec.getApiVersion();
        pb.environment().put("KUBERNETES_EXEC_INFO", "{\"apiVersion\":\"" + api
                + "\",\"kind\":\"ExecCredential\",\"spec\":{\"interactive\":false}}");
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw UserFacingException.badInput(who + " could not be started (" + dev.kustodian.core.util.IoErrors.describe(e)
                    + "). Check the command in the kubeconfig.");
        }
        byte[][] out = new byte[1][];
        boolean[] tooMuch = new boolean[1];
        Thread reader = new Thread(() -> {
            try (InputStream in = p.getInputStream()) {
                byte[] b = in.readNBytes(MAX_OUTPUT + 1);
                if (b.length > MAX_OUTPUT) {
                    tooMuch[0] = true;
                    p.destroyForcibly();
                    b = new byte[0];
                }
                out[0] = b;
            } catch (IOException e) {
                out[0] = new byte[0];
            }
        }, "kustodian-exec-plugin");
        reader.setDaemon(true);
        reader.start();
        try {
            boolean exited = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!exited) {
                kill(p);
                throw new UserFacingException(UserFacingException.Category.CLUSTER_UNREACHABLE, who + " did not finish "
                        + "within " + dev.kustodian.core.util.Durations.describe(timeout) + " and was stopped. Run it by hand to see whether it waits for a login, "
                        + "or allow it more time with --exec-timeout SECONDS.", true, null);
            }
            reader.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            kill(p);
            Thread.currentThread().interrupt();
            throw new UserFacingException(UserFacingException.Category.CANCELLED, "Cancelled while the credential "
                    + "plugin \"" + cmd + "\" was running.", false, null);
        }
        if (tooMuch[0]) {
            throw new UserFacingException(UserFacingException.Category.CLUSTER_UNREACHABLE, who + " printed more than "
                    + (MAX_OUTPUT >> 20) + " MiB and was stopped; an ExecCredential is a few KiB. Check the plugin.",
                    false, null);
        }
        if (p.exitValue() != 0) {
            throw new UserFacingException(UserFacingException.Category.CLUSTER_UNREACHABLE, who + " failed (exit code "
                    + p.exitValue() + "). Run it by hand to see why (is it logged in?).", true, null);
        }
        byte[] b = out[0] == null ? new byte[0] : out[0];
        try {
            JsonNode n;
            try {
                n = JSON.readTree(b);
            } catch (RuntimeException e) {
                n = null;
            }
            JsonNode status = n == null || !n.isObject() ? null : n.get("status");
            boolean kindOk = n != null && n.isObject() && "ExecCredential".equals(n.path("kind").asString(""));
            boolean hasToken = status != null && status.isObject() && status.path("token").isString()
                    && !status.path("token").asString("").isEmpty();
            boolean hasCert = status != null && status.isObject() && status.path("clientCertificateData").isString()
                    && status.path("clientKeyData").isString();
            if (!kindOk) {
                throw new UserFacingException(UserFacingException.Category.CLUSTER_UNREACHABLE, who + " printed "
                        + (b.length == 0 ? "nothing" : "something that is not an ExecCredential (JSON with kind: "
                        + "ExecCredential)") + ". Run it by hand and check its output and version.", false, null);
            }
            if (!hasToken && !hasCert) {
                throw new UserFacingException(UserFacingException.Category.CLUSTER_UNREACHABLE, who + " printed an "
                        + "ExecCredential without status.token or status.clientCertificateData/clientKeyData. Log in "
                        + "with the plugin again.", false, null);
            }
        } finally {
            java.util.Arrays.fill(b, (byte) 0);
        }
    }

    private static void kill(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
    }

    private static String who(String cmd, String user, String context, Path kubeconfig) {
        return "The credential plugin \"" + cmd + "\" of user \"" + user + "\" (context \"" + context + "\""
                + (kubeconfig == null ? "" : " in " + kubeconfig) + ")";
    }

    /**
     * Why the plugin cannot run at all (no command, not installed, not executable), without running it; null when
     * it can be started.
     */
    static String installProblem(ExecConfig exec, String user, String context, Path kubeconfig) {
        String cmd = exec.getCommand();
        if (cmd == null || cmd.isBlank()) {
            return "The user \"" + user + "\" of context \"" + context + "\"" + (kubeconfig == null ? "" : " in "
                    + kubeconfig) + " has an exec section without a command. Fix users[].user.exec.command.";
        }
        String who = who(cmd, user, context, kubeconfig);
        Path exe = locate(cmd, kubeconfig);
        String hint = exec.getInstallHint() == null || exec.getInstallHint().isBlank() ? ""
                : " Install hint from the kubeconfig: " + exec.getInstallHint().strip().lines().findFirst().orElse("");
        if (exe == null) {
            return who + " is not installed (not found" + (cmd.contains("/") ? "" : " on PATH")
                    + "). Install it or fix the command in the kubeconfig." + hint;
        }
        if (!Files.isRegularFile(exe) || !Files.isExecutable(exe)) {
            return who + " is not an executable file (" + exe + "). Make it executable (chmod +x) or fix the command "
                    + "in the kubeconfig.";
        }
        return null;
    }

    /** The plugin's path: relative to the kubeconfig's folder when it has a '/' and is relative, else on PATH. */
    static Path locate(String cmd, Path kubeconfig) {
        if (cmd.contains("/")) {
            Path p = Path.of(cmd);
            if (!p.isAbsolute() && kubeconfig != null && kubeconfig.toAbsolutePath().getParent() != null) {
                p = kubeconfig.toAbsolutePath().getParent().resolve(p).normalize();
            }
            return Files.exists(p) ? p : null;
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path p = Path.of(dir, cmd);
                if (Files.exists(p)) {
                    return p;
                }
            }
        }
        return null;
    }
}
