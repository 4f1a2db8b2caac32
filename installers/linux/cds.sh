# Class-data (AppCDS) archive of Kustodian's own classes, made where the package is installed: the archive records
# absolute class-path entries and JDK 17 cannot relocate it. A copy of the launcher with its own .cfg (the same
# class path, -XX:ArchiveClassesAtExit instead of -XX:SharedArchiveFile, and the training run's property) runs
# `summary --demo` once, followed by the training commands (dev.kustodian.cli.CdsTraining: summary and scan through
# the demo's in-process API server), so the archive covers the live-cluster commands too.
kustodian_cds() { # [app-folder], default: the package's install folder
  app=${1:-INSTALL_DIR}
  rm -f "$app/lib/app/kustodian.jsa"
  if cp "$app/bin/kustodian" "$app/bin/kustodian-cds" \
      && sed -e 's|^\(java-options=\)-XX:SharedArchiveFile=\(.*\)$|\1-XX:ArchiveClassesAtExit=\2\n\1-Dkustodian.cds.train=true|' "$app/lib/app/kustodian.cfg" > "$app/lib/app/kustodian-cds.cfg"; then
    HOME=/nonexistent timeout 300 "$app/bin/kustodian-cds" summary --demo >/dev/null 2>&1 \
      || echo "kustodian: could not write the class-data archive (start-up is slower, nothing else changes)" >&2
  fi
  rm -f "$app/bin/kustodian-cds" "$app/lib/app/kustodian-cds.cfg"
}
