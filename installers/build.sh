#!/usr/bin/env bash
# Builds a self-contained Kustodian with jpackage (in the JDK): an app image, and a .deb when dpkg-deb and fakeroot
# are present. Usage: installers/build.sh [app-image|deb]   (default: app-image)
set -euo pipefail
cd "$(dirname "$0")/.."
type="${1:-app-image}"
version="$(mvn -B -q help:evaluate -Dexpression=project.version -DforceStdout 2>/dev/null | sed 's/-SNAPSHOT//')"
mvn -B -q -DskipTests package
rm -rf target/jpackage-input target/installer
mkdir -p target/jpackage-input/lib target/installer
cp target/kustodian.jar target/jpackage-input/
cp target/lib/*.jar target/jpackage-input/lib/
args=(--input target/jpackage-input --main-jar kustodian.jar --main-class dev.kustodian.Main
      --name kustodian --app-version "${version:-0.1.0}" --vendor "Kustodian"
      --description "Shows where Kubernetes Secrets are exposed and generates the configuration that fixes it"
      --icon resources/brand/kustodian.png --dest target/installer
      --java-options "-Xmx2g")
case "$type" in
  app-image) jpackage --type app-image "${args[@]}" ;;
  deb) jpackage --type deb --linux-shortcut --linux-menu-group Development "${args[@]}" ;;
  *) echo "usage: $0 [app-image|deb]" >&2; exit 2 ;;
esac
echo "Built into target/installer/:"; ls target/installer
