package dev.kustodian.core.externalsecrets;

import dev.kustodian.core.model.SecretInfo;
import dev.kustodian.core.output.Bundle;
import dev.kustodian.core.output.FieldValues;
import dev.kustodian.core.output.GenerationRequest;
import dev.kustodian.core.output.InputProblems;
import dev.kustodian.core.output.RequestField;

import java.util.List;
import java.util.Locale;

/**
 * Migrate one existing Secret ({@code secret} = NAMESPACE/NAME) to an external store. {@code source} is that Secret
 * as the front end found it in its cluster or snapshot (key names only); without it nothing can be generated.
 */
public record MigrationRequest(String secret, String backend, String store, String storeKind, String remoteKey,
                               String upload, String vaultMount, String azureVault, String gcpProject,
                               SecretInfo source) implements GenerationRequest<MigrationRequest.Resolved> {

    public enum Field implements RequestField {
        SECRET, BACKEND, STORE, STORE_KIND, REMOTE_KEY, UPLOAD, VAULT_MOUNT, AZURE_VAULT, GCP_PROJECT;
    }

    /** The checked request: the Secret's namespace and name and the generator's spec. */
    public record Resolved(String namespace, String name, SecretMigration.MigrationSpec spec) {
    }

    public MigrationRequest {
        storeKind = Texts.or(storeKind, "SecretStore");
        remoteKey = Texts.or(remoteKey, "{namespace}/{name}");
        upload = Texts.or(upload, "push-secret");
        vaultMount = Texts.or(vaultMount, "secret");
        azureVault = Texts.blankToNull(azureVault);
        gcpProject = Texts.blankToNull(gcpProject);
    }

    /** From a form; {@code source} is looked up by the caller. */
    public static MigrationRequest from(FieldValues v, SecretInfo source) {
        return new MigrationRequest(v.textOrNull(Field.SECRET), v.textOrNull(Field.BACKEND), v.textOrNull(Field.STORE),
                v.textOrNull(Field.STORE_KIND), v.textOrNull(Field.REMOTE_KEY), v.textOrNull(Field.UPLOAD),
                v.textOrNull(Field.VAULT_MOUNT), v.textOrNull(Field.AZURE_VAULT), v.textOrNull(Field.GCP_PROJECT),
                source);
    }

    public MigrationRequest withSource(SecretInfo s) {
        return new MigrationRequest(secret, backend, store, storeKind, remoteKey, upload, vaultMount, azureVault,
                gcpProject, s);
    }

    @Override
    public Resolved spec(InputProblems p) {
        if (p.require(secret, Field.SECRET, "pick the Secret to migrate (NAMESPACE/NAME)") == null) {
            return null;
        }
        int slash = secret.indexOf('/');
        if (slash <= 0 || slash == secret.length() - 1) {
            p.error(Field.SECRET, "{secret} expects NAMESPACE/NAME, got '" + secret + "'.");
            return null;
        }
        if (!storeKind.equals("SecretStore") && !storeKind.equals("ClusterSecretStore")) {
            p.error(Field.STORE_KIND, "{storeKind} must be SecretStore or ClusterSecretStore.");
            return null;
        }
        SecretMigration.Backend b = backend(p);
        SecretMigration.Upload u = b == null ? null : upload(p);
        if (u == null || p.require(store, Field.STORE, "the store ESO reads from (and pushes to)") == null) {
            return null;
        }
        return new Resolved(secret.substring(0, slash), secret.substring(slash + 1),
                new SecretMigration.MigrationSpec(b, store, storeKind, remoteKey, u, vaultMount, azureVault, gcpProject));
    }

    private SecretMigration.Backend backend(InputProblems p) {
        try {
            return SecretMigration.Backend.valueOf(String.valueOf(backend).trim().toUpperCase(Locale.ROOT)
                    .replace('-', '_'));
        } catch (IllegalArgumentException e) {
            p.error(Field.BACKEND, "{backend} must be one of aws-secrets-manager, aws-parameter-store, vault, gcp,"
                    + " azure, akeyless; got '" + backend + "'.");
            return null;
        }
    }

    private SecretMigration.Upload upload(InputProblems p) {
        return switch (upload.trim().toLowerCase(Locale.ROOT)) {
            case "push-secret", "pushsecret", "push" -> SecretMigration.Upload.PUSH_SECRET;
            case "cli", "script" -> SecretMigration.Upload.CLI;
            default -> {
                p.error(Field.UPLOAD, "{upload} must be push-secret or cli; got '" + upload + "'.");
                yield null;
            }
        };
    }

    /** The migration of {@link #source}; an error at {@code secret} when the front end did not find it. */
    @Override
    public Bundle bundle(Resolved r) {
        if (source == null || !source.meta().namespace().equals(r.namespace())
                || !source.meta().name().equals(r.name())) {
            return new Bundle("Migrate", List.of(), List.of(new Bundle.Problem(Field.SECRET.key(),
                    "There is no Secret " + r.namespace() + "/" + r.name() + " in the loaded cluster.", true)),
                    List.of(), List.of());
        }
        return SecretMigration.migrate(source, r.spec());
    }
}
