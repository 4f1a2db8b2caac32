/**
 * The value-free cluster model. Every record here is immutable and holds no secret value: only names, sizes,
 * keyed fingerprints and derived facts. {@link dev.kustodian.core.model.ClusterSnapshot} feeds every analysis.
 */
package dev.kustodian.core.model;
