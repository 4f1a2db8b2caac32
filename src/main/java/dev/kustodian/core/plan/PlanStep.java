package dev.kustodian.core.plan;

import dev.kustodian.core.output.Manifest;

import java.util.ArrayList;
import java.util.List;

/**
 * One step of the hardening plan.
 *
 * @param id           stable id ({@code encryption-at-rest}, {@code rbac-critical}...), also the folder suffix
 * @param number       1-based position in the plan
 * @param summary      what the step changes, in one or two sentences
 * @param statusReason why the step has its status (the evidence of a done step, or what blocks it)
 * @param findings     ids of the findings the step resolves (still open, accepted ones included)
 * @param accepted     the subset of {@code findings} that are accepted risks (not expired)
 * @param files        committed files of the step folder (objects, patches, scripts); never key material
 * @param keyFiles     key material: generated once into {@code .kustodian/keys/}, never committed or overwritten
 * @param manual       what the admin does by hand, in order (node-level steps, provider commands)
 * @param dependsOn    ids of the steps that should be settled first
 * @param evidence     what Kustodian saw that supports the status
 * @param verify       the command that shows the step worked
 */
public record PlanStep(String id, int number, String title, String summary, StepStatus status, String statusReason,
                       List<String> findings, List<String> accepted, List<Manifest> files, List<KeyFile> keyFiles,
                       List<WorkloadPatch> patches, List<Removal> removals, List<String> manual,
                       List<String> dependsOn, List<String> evidence, String verify) {

    public PlanStep {
        findings = List.copyOf(findings);
        accepted = List.copyOf(accepted);
        files = List.copyOf(files);
        keyFiles = List.copyOf(keyFiles);
        patches = List.copyOf(patches);
        removals = List.copyOf(removals);
        manual = List.copyOf(manual);
        dependsOn = List.copyOf(dependsOn);
        evidence = List.copyOf(evidence);
    }

    /** The step's folder in the GitOps tree, e.g. {@code 01-encryption-at-rest}. */
    public String folder() {
        return String.format("%02d-%s", number, id);
    }

    /** Every file the step writes, relative to the GitOps folder (key files under {@code .kustodian/keys/}). */
    public List<String> generates() {
        List<String> out = new ArrayList<>();
        for (Manifest m : GitOpsLayout.stepFiles(this)) {
            out.add(folder() + "/" + m.fileName());
        }
        for (KeyFile k : keyFiles) {
            out.add(GitOpsLayout.KEYS_DIR + "/" + k.fileName());
        }
        return out;
    }

    /** Findings still open and not accepted. */
    public List<String> openFindings() {
        return findings.stream().filter(f -> !accepted.contains(f)).toList();
    }

    /**
     * A private file holding key material, generated only when it does not exist yet.
     *
     * @param fileName  name under {@code .kustodian/keys/}
     * @param purpose   what it is and where it goes, for the README
     * @param generator makes the content (fresh key material) when the file is first written
     */
    public record KeyFile(String fileName, String purpose, java.util.function.Supplier<Manifest> generator) {
    }
}
