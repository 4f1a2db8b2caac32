package dev.kustodian.ui.secrets;

import dev.kustodian.core.cluster.ClusterSession;
import dev.kustodian.core.cluster.SourceSpec;
import dev.kustodian.core.output.SafeFiles;
import dev.kustodian.core.util.UserFacingException;
import dev.kustodian.ui.framework.TaskExecutor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;

/**
 * The safe reveal of one key of the selected secret. Masked by default; {@link #reveal} re-fetches that one secret
 * with a GET (off the FX thread), shows the value (text, or {@code <binary, N bytes>}) and hides it again after
 * {@link #HIDE_AFTER} or on {@link #hide()} (navigation, selection change, refresh). {@link #copy} is a separate
 * GET that puts the value on the clipboard and clears the clipboard after {@link #HIDE_AFTER} if it still holds
 * that value (compared by digest: the value itself is not kept). Nothing revealed is logged or kept elsewhere.
 */
public final class RevealViewModel {
    public static final Duration HIDE_AFTER = Duration.ofSeconds(30);

    private final TaskExecutor tasks;
    private final RevealTimer timer;
    private final SecretClipboard clipboard;

    private final ReadOnlyBooleanWrapper availableWrapper = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper unavailableReasonWrapper = new ReadOnlyStringWrapper("Nothing loaded.");
    private final ReadOnlyStringWrapper revealedKeyWrapper = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper revealedTextWrapper = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper messageWrapper = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper messageIsErrorWrapper = new ReadOnlyBooleanWrapper(false);
    public final ReadOnlyBooleanProperty available = availableWrapper.getReadOnlyProperty();
    public final ReadOnlyStringProperty unavailableReason = unavailableReasonWrapper.getReadOnlyProperty();
    public final ReadOnlyStringProperty revealedKey = revealedKeyWrapper.getReadOnlyProperty();
    public final ReadOnlyStringProperty revealedText = revealedTextWrapper.getReadOnlyProperty();
    public final ReadOnlyStringProperty message = messageWrapper.getReadOnlyProperty();
    public final ReadOnlyBooleanProperty messageIsError = messageIsErrorWrapper.getReadOnlyProperty();

    private SecretFetcher fetcher;
    private String namespace;
    private String name;
    /** Bumped on every hide/target change: a fetch that finishes after it is discarded. */
    private long generation;
    private Runnable cancelHide;
    private Runnable cancelClipboardClear;

    public RevealViewModel(TaskExecutor tasks, RevealTimer timer, SecretClipboard clipboard) {
        this.tasks = tasks;
        this.timer = timer;
        this.clipboard = clipboard;
    }

    /** A new load: hides what is shown and re-evaluates whether reveal is possible. */
    public void setSession(ClusterSession session) {
        hide();
        if (session == null) {
            setFetcher(null, "Nothing loaded.");
        } else if (session.spec() != null && session.spec().kind() == SourceSpec.Kind.SNAPSHOT) {
            setFetcher(null, "a snapshot file holds no secret values; reveal needs a live cluster.");
        } else if (session.cluster().isEmpty()) {
            setFetcher(null, "this source has no connection to an API server to fetch values from.");
        } else {
            setFetcher(session.cluster().get()::revealKey, null);
        }
    }

    /** Uses {@code f} to fetch values (null: reveal disabled with {@code reason}). */
    public void setFetcher(SecretFetcher f, String reason) {
        hide();
        this.fetcher = f;
        availableWrapper.set(f != null);
        unavailableReasonWrapper.set(f != null ? "" : reason);
    }

    /** The selected secret (null: none). Hides anything revealed. */
    public void setTarget(String namespace, String name) {
        hide();
        this.namespace = namespace;
        this.name = name;
        messageWrapper.set("");
        messageIsErrorWrapper.set(false);
    }

    public void reveal(String key) {
        if (!canAct(key)) {
            return;
        }
        hide();
        long gen = generation;
        String ns = namespace;
        String n = name;
        tasks.submit("Reveal " + key + " of secret " + n, (p, c) -> {
            byte[] bytes = fetcher.fetch(ns, n, key);
            try {
                return render(bytes);
            } finally {
                SafeFiles.wipe(bytes);
            }
        }, text -> {
            if (gen != generation) {
                return; // the selection changed or the page was left meanwhile: do not show it
            }
            revealedKeyWrapper.set(key);
            revealedTextWrapper.set(text);
            info("Shown for " + HIDE_AFTER.toSeconds() + " s.");
            cancelHide = timer.schedule(HIDE_AFTER, this::hide);
        }, this::failed);
    }

    public void copy(String key) {
        if (!canAct(key)) {
            return;
        }
        long gen = generation;
        String ns = namespace;
        String n = name;
        tasks.submit("Copy " + key + " of secret " + n, (p, c) -> {
            byte[] bytes = fetcher.fetch(ns, n, key);
            try {
                String text = decodeText(bytes);
                return text != null ? new Copied(text, false)
                        : new Copied(java.util.Base64.getEncoder().encodeToString(bytes), true);
            } finally {
                SafeFiles.wipe(bytes);
            }
        }, copied -> {
            if (gen != generation) {
                return;
            }
            clipboard.put(copied.text());
            byte[] digest = digest(copied.text());
            if (cancelClipboardClear != null) {
                cancelClipboardClear.run();
            }
            cancelClipboardClear = timer.schedule(HIDE_AFTER, () -> {
                cancelClipboardClear = null;
                String now = clipboard.current();
                if (now != null && Arrays.equals(digest(now), digest)) {
                    clipboard.clear();
                }
            });
            info("Copied " + key + (copied.base64() ? " (binary, as base64)" : "")
                    + " to the clipboard; it is cleared in " + HIDE_AFTER.toSeconds() + " s.");
        }, this::failed);
    }

    private record Copied(String text, boolean base64) {
    }

    /** Hides the revealed value (and clears it from this view model). */
    public void hide() {
        generation++;
        if (cancelHide != null) {
            cancelHide.run();
            cancelHide = null;
        }
        revealedKeyWrapper.set(null);
        revealedTextWrapper.set(null);
        if (!messageIsErrorWrapper.get()) {
            messageWrapper.set("");
        }
    }

    private boolean canAct(String key) {
        if (fetcher == null || name == null || key == null) {
            return false;
        }
        messageWrapper.set("");
        messageIsErrorWrapper.set(false);
        return true;
    }

    private void failed(Throwable t) {
        if (t instanceof UserFacingException u && u.category() == UserFacingException.Category.CANCELLED) {
            return;
        }
        // only UserFacingException messages are sentences we wrote (names only); anything else gets a generic one
        String m = t instanceof UserFacingException ? t.getMessage()
                : "Getting secret " + name + " in " + namespace + " failed: retry, or refresh the page.";
        messageWrapper.set(m);
        messageIsErrorWrapper.set(true);
    }

    private void info(String m) {
        messageWrapper.set(m);
        messageIsErrorWrapper.set(false);
    }

    /** Text when the bytes are valid UTF-8, else {@code <binary, N bytes>}. */
    static String render(byte[] bytes) {
        String text = decodeText(bytes);
        return text != null ? text : "<binary, " + bytes.length + " bytes>";
    }

    static String decodeText(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static byte[] digest(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True while a clipboard clear is pending. */
    public boolean clipboardClearPending() {
        return cancelClipboardClear != null;
    }
}
