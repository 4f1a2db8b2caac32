#!/usr/bin/env bash
# Kustodian's downloads and native packages; the one entry point (see installers/README.md). Each writes into
# target/installer/. Several types in one call share one Maven build, one jlink runtime and one app image.
#   installers/build.sh zip          kustodian-VERSION.zip and .tar.gz (the `mvn package` assembly; needs Java 17+)
#   installers/build.sh app-image    kustodian/ : jpackage app image with a jlink-trimmed runtime (any OS)
#   installers/build.sh deb rpm      Linux packages (deb: dpkg-deb + fakeroot; rpm: rpmbuild, Debian's `rpm`)
#   installers/build.sh msi          Windows (WiX 3 on PATH; run in Git Bash, as the GitHub workflow does)
#   installers/build.sh dmg pkg      macOS
# KUSTODIAN_SKIP_MAVEN=1 reuses target/ from an earlier `mvn package`.
set -euo pipefail
cd "$(dirname "$0")/.."

usage() { echo "usage: installers/build.sh zip|app-image|deb|rpm|msi|dmg|pkg [more types...]" >&2; exit 2; }
[ $# -gt 0 ] || usage
for t in "$@"; do case "$t" in zip|app-image|deb|rpm|msi|dmg|pkg) ;; *) usage ;; esac; done

case "$(uname -s)" in
  Linux) os=linux; sep=: ;;
  Darwin) os=mac; sep=: ;;
  MINGW*|MSYS*|CYGWIN*) os=windows; sep=';' ;;
  *) echo "error: unsupported system $(uname -s)" >&2; exit 2 ;;
esac

if [ "${KUSTODIAN_SKIP_MAVEN:-0}" != 1 ]; then
  mvn -B -q -Dstyle.color=never -DskipTests package
fi
# The version Maven wrote into the build (resource filtering), e.g. 0.1.0-SNAPSHOT. Packages need numbers only.
version=$(sed -n 's/^version=//p' target/classes/dev/kustodian/build.properties | tr -d '\r')
[ -n "$version" ] || { echo "error: target/classes/dev/kustodian/build.properties has no version; run mvn package" >&2; exit 1; }
app_version=${version%%-*}
if [ "$(uname -s)" = Darwin ] && [ "${app_version%%.*}" = 0 ]; then
  app_version=1.${app_version#0.} # macOS bundle versions cannot start with 0: 0.x.y is bundle version 1.x.y
fi
out=target/installer
mkdir -p "$out"
name=kustodian
# payload compression of deb and rpm: gzip (default; xz takes minutes on a busy 2-core machine) or xz (KUSTODIAN_COMPRESS=xz)
compress=${KUSTODIAN_COMPRESS:-gzip}
description="Shows where Kubernetes Secrets are exposed and generates the configuration that fixes it"

# JVM options: installers/jvm.options (every launcher) and installers/jvm-desktop.options (the desktop app only), one
# per line (# comments); the same files the zip's launchers read.
options() {
  local line
  while IFS= read -r line || [ -n "$line" ]; do
    line=${line%$'\r'}
    case "$line" in ''|'#'*) continue ;; esac
    printf '%s\n' "$line"
  done < "$1"
}
mapfile -t cli_opts < <(options installers/jvm.options)
mapfile -t desktop_opts < <(options installers/jvm-desktop.options)

runtime() { # jlink-trimmed runtime: the modules jdeps finds in the jar and its libraries, plus what is loaded
            # by name (TLS elliptic curves, JNDI DNS, JavaFX-Swing interop, JMX used by Netty/Vert.x)
  [ -d target/jlink-runtime ] && return 0
  local modules
  echo "jdeps: finding the modules the application uses" >&2
  modules=$(jdeps --ignore-missing-deps --multi-release 17 --print-module-deps \
    --class-path "target/lib/*" target/kustodian.jar)
  modules="$modules,jdk.crypto.ec,jdk.naming.dns,jdk.unsupported.desktop,java.management,jdk.zipfs"
  echo "jlink: $modules" >&2
  jlink --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress=2 \
    --generate-cds-archive --output target/jlink-runtime
  # the archive for -XX:-UseCompressedOops (heaps over 32 GB) is never used with the launchers' options: 11 MB less
  rm -f target/jlink-runtime/lib/server/classes_nocoops.jsa
}

icons() {
  java -Djava.awt.headless=true installers/icons/Icons.java resources/brand/kustodian.png target/icons >/dev/null
  case "$os" in linux) echo target/icons/kustodian.png ;; mac) echo target/icons/kustodian.icns ;;
    windows) echo target/icons/kustodian.ico ;; esac
}

app_image() { # target/installer/kustodian (Kustodian.app on macOS) with man pages and completion inside
  [ -n "${image:-}" ] && return 0
  runtime
  local icon input=target/jpackage-input
  icon=$(icons)
  rm -rf "$input" target/jpackage-launchers "$out/$name" "$out/$name.app"
  mkdir -p "$input/lib" target/jpackage-launchers
  cp target/kustodian.jar "$input/"
  cp target/lib/*.jar "$input/lib/"
  local opts=("${cli_opts[@]}") main_opts=() extra=() launchers=() o
  if [ "$os" = linux ]; then
    # the class-data archive of the app's classes: made in place for an app image, by postinst for deb/rpm
    opts+=('-XX:SharedArchiveFile=$APPDIR/kustodian.jsa' '-Xlog:cds*=off')
  fi
  main_opts=("${opts[@]}")
  # An added launcher's java-options replace the main launcher's (they are not added to them): each lists them all.
  # The kubectl plugin launcher: same runtime, class path and options; another main class.
  printf 'main-class=dev.kustodian.cli.KubectlPlugin\ndescription=kubectl plugin: kubectl kustodian\njava-options=%s\nwin-console=true\nwin-shortcut=false\nwin-menu=false\nlinux-shortcut=false\n' \
    "${opts[*]}" > target/jpackage-launchers/kubectl-kustodian.properties
  launchers+=(--add-launcher kubectl-kustodian=target/jpackage-launchers/kubectl-kustodian.properties)
  if [ "$os" = linux ]; then
    # The desktop launcher, bin/kustodian-desktop (the menu entry's command): the main launcher's options and the
    # desktop app's (jvm-desktop.options); bin/kustodian, the CLI on PATH, runs without the latter.
    printf 'main-class=dev.kustodian.Main\ndescription=Kustodian desktop app\njava-options=%s\nlinux-shortcut=false\n' \
      "${opts[*]} ${desktop_opts[*]}" > target/jpackage-launchers/kustodian-desktop.properties
    launchers+=(--add-launcher kustodian-desktop=target/jpackage-launchers/kustodian-desktop.properties)
  else
    # Windows and macOS: the packages' shortcuts (msi) and Finder (dmg) open the main launcher, so it keeps the
    # desktop app's options; the kubectl plugin launcher has its own list without them.
    main_opts+=(${desktop_opts[@]+"${desktop_opts[@]}"})
  fi
  for o in "${main_opts[@]}"; do extra+=(--java-options "$o"); done
  if [ "$os" = windows ]; then extra+=(--win-console); fi
  jpackage --type app-image --name "$name" --app-version "$app_version" --vendor Kustodian \
    --description "$description" --copyright "Kustodian $version" \
    --input "$input" --main-jar kustodian.jar --main-class dev.kustodian.Main \
    --runtime-image target/jlink-runtime --icon "$icon" --dest "$out" \
    "${launchers[@]}" "${extra[@]}"
  if [ "$os" = mac ]; then image=$out/$name.app/Contents; else image=$out/$name; fi
  # man pages (gzipped) and completion, for the packages' /usr links
  mkdir -p "$image/share/man/man1" "$image/share/bash-completion/completions" "$image/share/zsh/site-functions"
  for page in target/dist-extra/man/man1/*.1; do gzip -9n < "$page" > "$image/share/man/man1/$(basename "$page").gz"; done
  cp target/kustodian-completion.bash "$image/share/bash-completion/completions/kustodian"
  cp installers/completion/_kustodian "$image/share/zsh/site-functions/_kustodian"
  if [ "$os" = linux ]; then # desktop entry and icon, linked from /usr/share by the packages
    mkdir -p "$image/share/applications" "$image/share/icons/hicolor/256x256/apps"
    cp installers/linux/kustodian.desktop "$image/share/applications/kustodian.desktop"
    cp target/icons/kustodian.png "$image/share/icons/hicolor/256x256/apps/kustodian.png"
  fi
}

# Linux packages: jpackage's templates with Kustodian's additions (installers/linux/)
linux_resources() {
  local res=target/jpackage-resources install_dir=/opt/$name
  rm -rf "$res"; mkdir -p "$res"
  local cds usr=""
  cds=$(sed "s|INSTALL_DIR|$install_dir|g" installers/linux/cds.sh)
  for f in postinst prerm kustodian.spec; do
    CDS="$cds" awk '{ if ($0 == "CDS_FUNCTION") print ENVIRON["CDS"]; else print }' "installers/linux/$f" \
      | sed "s|INSTALL_DIR|$install_dir|g" > "$res/$f"
  done
  # rpm: /usr links are package files, made in %install
  # jpackage 17 packages only bin/ and lib/ of an app image: share/ (man, completion, desktop entry) is copied here
  usr="install -d -m 755 %{buildroot}$install_dir/share && cp -r $PWD/$image/share/. %{buildroot}$install_dir/share/"
  usr="$usr"$'\n'"install -d -m 755 %{buildroot}/usr/bin %{buildroot}/usr/share/man/man1 %{buildroot}/usr/share/bash-completion/completions %{buildroot}/usr/share/zsh/site-functions"
  usr="$usr"$'\n'"ln -s $install_dir/bin/kustodian %{buildroot}/usr/bin/kustodian"
  usr="$usr"$'\n'"ln -s $install_dir/bin/kubectl-kustodian %{buildroot}/usr/bin/kubectl-kustodian"
  usr="$usr"$'\n'"for p in %{buildroot}$install_dir/share/man/man1/*.gz; do ln -s $install_dir/share/man/man1/\$(basename \$p) %{buildroot}/usr/share/man/man1/; done"
  usr="$usr"$'\n'"ln -s $install_dir/share/bash-completion/completions/kustodian %{buildroot}/usr/share/bash-completion/completions/kustodian"
  usr="$usr"$'\n'"ln -s $install_dir/share/zsh/site-functions/_kustodian %{buildroot}/usr/share/zsh/site-functions/_kustodian"
  usr="$usr"$'\n'"install -d -m 755 %{buildroot}/usr/share/applications %{buildroot}/usr/share/icons/hicolor/256x256/apps"
  usr="$usr"$'\n'"ln -s $install_dir/share/applications/kustodian.desktop %{buildroot}/usr/share/applications/kustodian.desktop"
  usr="$usr"$'\n'"ln -s $install_dir/share/icons/hicolor/256x256/apps/kustodian.png %{buildroot}/usr/share/icons/hicolor/256x256/apps/kustodian.png"
  if [ "$compress" = xz ]; then payload=w6.xzdio; else payload=w6.gzdio; fi
  sed -i "s|^%define __jar_repack %{nil}|%define __jar_repack %{nil}\\n%define _binary_payload $payload|" "$res/kustodian.spec"
  USR="$usr" awk '{ if ($0 == "USR_INTEGRATION") print ENVIRON["USR"]; else print }' "$res/kustodian.spec" > "$res/spec.tmp"
  mv "$res/spec.tmp" "$res/kustodian.spec"
  echo "$res"
}

linux_package() { # $1 = deb|rpm
  local type=$1 res deps
  app_image
  # the app image's own class-data archive (build.sh app-image) stays out of the package: postinst makes one
  if [ -f "$image/lib/app/kustodian.jsa" ]; then mv "$image/lib/app/kustodian.jsa" target/app-image-kustodian.jsa; fi
  res=$(linux_resources)
  # JavaFX's native libraries (extracted from its jars at run time) need GTK 3 and libXtst
  if [ "$type" = deb ]; then deps="libgtk-3-0, libxtst6"; else deps="gtk3, libXtst"; fi
  # jpackage's own dpkg-deb run: its .deb is repacked anyway, so no time is spent compressing it hard
  DPKG_DEB_COMPRESSOR_TYPE=gzip DPKG_DEB_COMPRESSOR_LEVEL=1 \
  jpackage --type "$type" --app-image "$out/$name" --name "$name" --app-version "$app_version" --vendor Kustodian \
    --description "$description" --dest "$out" --resource-dir "$res" \
    --linux-app-category devel \
    --linux-deb-maintainer "kustodian@users.noreply.github.com" --linux-package-deps "$deps"
  if [ "$type" = deb ]; then deb_usr_links; fi
  if [ -f target/app-image-kustodian.jsa ]; then mv target/app-image-kustodian.jsa "$image/lib/app/kustodian.jsa"; fi
}

deb_usr_links() { # dpkg-owned /usr links (on PATH, man, completion): unpack jpackage's .deb, add them, repack
  local deb work=target/deb-repack install_dir=/opt/$name
  deb=$(ls "$out"/${name}_*.deb)
  rm -rf "$work"; dpkg-deb -R "$deb" "$work"
  # jpackage 17 packages only bin/ and lib/ of an app image: add share/ (man, completion, desktop entry)
  mkdir -p "$work$install_dir/share"
  cp -r "$image/share/." "$work$install_dir/share/"
  mkdir -p "$work/usr/bin" "$work/usr/share/man/man1" "$work/usr/share/bash-completion/completions" \
    "$work/usr/share/zsh/vendor-completions"
  ln -s "$install_dir/bin/kustodian" "$work/usr/bin/kustodian"
  ln -s "$install_dir/bin/kubectl-kustodian" "$work/usr/bin/kubectl-kustodian"
  for p in "$work$install_dir"/share/man/man1/*.gz; do ln -s "$install_dir/share/man/man1/$(basename "$p")" "$work/usr/share/man/man1/"; done
  ln -s "$install_dir/share/bash-completion/completions/kustodian" "$work/usr/share/bash-completion/completions/kustodian"
  ln -s "$install_dir/share/zsh/site-functions/_kustodian" "$work/usr/share/zsh/vendor-completions/_kustodian"
  mkdir -p "$work/usr/share/applications" "$work/usr/share/icons/hicolor/256x256/apps"
  ln -s "$install_dir/share/applications/kustodian.desktop" "$work/usr/share/applications/kustodian.desktop"
  ln -s "$install_dir/share/icons/hicolor/256x256/apps/kustodian.png" "$work/usr/share/icons/hicolor/256x256/apps/kustodian.png"
  sed -i "s/^Installed-Size: .*/Installed-Size: $(du -sk --exclude=DEBIAN "$work" | cut -f1)/" "$work/DEBIAN/control"
  fakeroot dpkg-deb -Z"$compress" --build "$work" "$deb" >/dev/null
}

for type in "$@"; do
  case "$type" in
    zip)
      cp "target/kustodian-$version.zip" "target/kustodian-$version.tar.gz" "$out/"
      # krew manifest pointing at the zip on the release page of KUSTODIAN_REPO_URL (the release workflow sets it)
      repo=${KUSTODIAN_REPO_URL:-https://github.com/kustodian/kustodian}
      base=$repo/releases/download/v$version
      sum=$(java installers/krew/Sha256.java "$out/kustodian-$version.zip")
      sed -e "s|@URL@|$base/kustodian-$version.zip|" -e "s|@SHA256@|$sum|" -e "s|@VERSION@|$version|g" -e "s|@HOMEPAGE@|$repo|" \
        installers/krew/kustodian.yaml.in > "$out/kustodian.krew.yaml" ;;
    app-image)
      app_image
      if [ "$os" = linux ]; then # class-data archive, made where this image lives (it records absolute paths), by
        # the same training run as the packages' post-install script
        . installers/linux/cds.sh
        kustodian_cds "$(cd "$image" && pwd -P)"
      fi ;;
    deb|rpm)
      [ "$os" = linux ] || { echo "error: $type packages are built on Linux" >&2; exit 2; }
      linux_package "$type" ;;
    msi)
      [ "$os" = windows ] || { echo "error: msi packages are built on Windows" >&2; exit 2; }
      app_image
      jpackage --type msi --app-image "$out/$name" --name "$name" --app-version "$app_version" --vendor Kustodian \
        --description "$description" --dest "$out" --win-menu --win-menu-group Kustodian --win-shortcut \
        --win-dir-chooser --win-upgrade-uuid 6f1f2d8e-3b7a-4c59-9a43-5c2e0b7d4a11 ;;
    dmg|pkg)
      [ "$os" = mac ] || { echo "error: $type packages are built on macOS" >&2; exit 2; }
      app_image
      jpackage --type "$type" --app-image "$out/$name.app" --name "$name" --app-version "$app_version" \
        --vendor Kustodian --description "$description" --dest "$out" \
        --mac-package-identifier dev.kustodian --mac-package-name Kustodian ;;
  esac
done
echo "Built into $out/:" >&2
ls -l "$out" >&2
