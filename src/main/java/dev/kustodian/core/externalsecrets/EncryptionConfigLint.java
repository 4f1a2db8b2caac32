package dev.kustodian.core.externalsecrets;

import dev.kustodian.core.output.Bundle.Problem;

import java.util.List;
import java.util.Map;

/**
 * Hook for validating an {@code apiserver.config.k8s.io/v1 EncryptionConfiguration} in {@code lint}. The encryption
 * area provides the implementation, wired in {@code dev.kustodian.core.analysis.Linting}; without one, lint checks
 * only the apiVersion and kind and says so.
 */
public interface EncryptionConfigLint {
    /** Problems in one EncryptionConfiguration document (paths like {@code resources[0].providers[0]}). */
    List<Problem> check(Map<String, Object> encryptionConfiguration);
}
