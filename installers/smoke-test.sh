#!/usr/bin/env bash
# Install smoke test of what installers/build.sh zip deb rpm wrote into target/installer/ (run by .ci/run; needs
# root for apt). The zip runs from another folder with no Maven; the deb installs with apt, works on PATH (CLI,
# kubectl plugin, completion, man page, class-data archive, the GUI under Xvfb) and uninstalls without a trace;
# the rpm carries the same files and scripts and its launcher runs.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=target/installer
version=$(sed -n 's/^version=//p' target/classes/dev/kustodian/build.properties)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
step() { printf '\n== %s\n' "$*"; }
fail() { echo "SMOKE TEST FAILED: $*" >&2; exit 1; }

step "zip: unpack and run from another folder"
unzip -q "$dir/kustodian-$version.zip" -d "$tmp/zip"
z=$tmp/zip/kustodian-$version
(cd "$tmp" && "$z/bin/kustodian" --help >/dev/null) || fail "zip: kustodian --help"
[ -s "$z/conf/jvm.options" ] && [ -s "$z/conf/jvm-desktop.options" ] || fail "zip: conf/ lacks jvm.options or jvm-desktop.options"
[ "$(cd / && "$z/bin/kustodian" -V)" = "kustodian $version" ] || fail "zip: -V is not $version"
# the CLI's archive is written by a background training run after the first command
for i in $(seq 1 300); do ls "$z"/lib/kustodian-*.jsa >/dev/null 2>&1 && break; sleep 1; done
ls "$z"/lib/kustodian-*.jsa >/dev/null 2>&1 || fail "zip: no class-data archive after the first run"
(cd "$tmp" && "$z/bin/kustodian" summary --demo >/dev/null) || fail "zip: summary --demo"
# KUSTODIAN_CDS=now (the container image's build): the archive is there when the first command returns
unzip -q "$dir/kustodian-$version.zip" -d "$tmp/zip-now"
[ "$(KUSTODIAN_CDS=now "$tmp/zip-now/kustodian-$version/bin/kustodian" -V)" = "kustodian $version" ] || fail "zip: KUSTODIAN_CDS=now -V"
ls "$tmp/zip-now/kustodian-$version"/lib/kustodian-*.jsa >/dev/null 2>&1 || fail "zip: KUSTODIAN_CDS=now wrote no archive"
(cd "$tmp" && PATH="$z/bin:$PATH" kubectl kustodian --help | grep -q '^Usage: kubectl kustodian') \
  || fail "zip: kubectl kustodian --help"
MANPATH=$z/share/man man -P cat kustodian 2>/dev/null | grep -q 'who-can' || fail "zip: man kustodian"
MANPATH=$z/share/man man -P cat kustodian-scan 2>/dev/null | grep -q -- '--fail-on' || fail "zip: man kustodian-scan"

step "deb: apt install"
export DEBIAN_FRONTEND=noninteractive
if dpkg -s kustodian >/dev/null 2>&1; then apt-get purge -y -qq kustodian >/dev/null; fi
deb=$(ls "$dir"/kustodian_*.deb)
apt-get install -y -qq "./$deb" >/dev/null || fail "apt install ./$deb"
dpkg -L kustodian > "$tmp/deb-files"
[ "$(command -v kustodian)" = /usr/bin/kustodian ] || fail "kustodian is not /usr/bin/kustodian"
(cd "$tmp" && kustodian --help >/dev/null) || fail "deb: kustodian --help"
[ "$(kustodian -V)" = "kustodian $version" ] || fail "deb: -V is not $version"
(cd "$tmp" && kustodian summary --demo >/dev/null) || fail "deb: kustodian summary --demo"
(cd "$tmp" && kubectl kustodian --help | grep -q '^Usage: kubectl kustodian') || fail "deb: kubectl kustodian --help"
[ -s /opt/kustodian/lib/app/kustodian.jsa ] || fail "deb: postinst made no class-data archive"
JAVA_TOOL_OPTIONS="-Xlog:class+load=info:file=$tmp/classes.log" kustodian -V >/dev/null 2>&1
grep -q 'shared objects file (top)' "$tmp/classes.log" || fail "deb: the class-data archive is not used"
# bash completion completes subcommands
words=$(bash -c 'source /usr/share/bash-completion/completions/kustodian
  COMP_WORDS=(kustodian s); COMP_CWORD=1; COMP_LINE="kustodian s"; COMP_POINT=${#COMP_LINE}
  _complete_kustodian kustodian s kustodian; echo "${COMPREPLY[*]}"')
for w in scan seal summary snapshot stores; do
  case " $words " in *" $w "*) ;; *) fail "bash completion of 'kustodian s' lacks $w (got: $words)" ;; esac
done
man -P cat kustodian 2>/dev/null | grep -q 'who-can' || fail "deb: man kustodian"
man -P cat kustodian-scan 2>/dev/null | grep -q -- '--fail-on' || fail "deb: man kustodian-scan"
ls /usr/share/applications/*kustodian*.desktop >/dev/null 2>&1 || fail "deb: no desktop entry"
# the menu entry runs the desktop launcher, which alone carries jvm-desktop.options; the CLI on PATH does not
desktop=$(sed -n 's/^Exec=//p' /usr/share/applications/kustodian.desktop)
[ "$desktop" = /opt/kustodian/bin/kustodian-desktop ] && [ -x "$desktop" ] || fail "deb: the desktop entry runs '$desktop'"
for o in $(sed -e '/^[[:space:]]*#/d' -e '/^[[:space:]]*$/d' installers/jvm-desktop.options); do
  grep -qxF "java-options=$o" /opt/kustodian/lib/app/kustodian-desktop.cfg || fail "deb: the desktop launcher lacks $o"
  ! grep -qxF "java-options=$o" /opt/kustodian/lib/app/kustodian.cfg || fail "deb: the CLI launcher has the desktop's $o"
done
grep -qxF 'java-options=-XX:SharedArchiveFile=$APPDIR/kustodian.jsa' /opt/kustodian/lib/app/kustodian-desktop.cfg \
  || fail "deb: the desktop launcher does not use the class-data archive"

step "deb: the desktop entry's command opens a window under Xvfb"
if command -v xvfb-run >/dev/null && command -v xwininfo >/dev/null; then
  HOME=$tmp/home xvfb-run -a sh -c '
    mkdir -p "$HOME"; "$0" > "$HOME/gui.log" 2>&1 & pid=$!
    i=0; while [ $i -lt 90 ]; do
      if xwininfo -root -tree | grep -q "\"Kustodian\""; then kill $pid; wait $pid 2>/dev/null; exit 0; fi
      kill -0 $pid 2>/dev/null || break; sleep 1; i=$((i+1)); done
    kill $pid 2>/dev/null; cat "$HOME/gui.log" >&2; exit 1' "$desktop" || fail "deb: no Kustodian window within 90 s"
  echo "window shown"
else
  echo "skipped: xvfb-run or xwininfo missing"
fi

step "deb: uninstall leaves nothing"
apt-get purge -y -qq kustodian >/dev/null
left=$(while read -r f; do if [ ! -d "$f" ] && { [ -e "$f" ] || [ -L "$f" ]; }; then echo "$f"; fi; done < "$tmp/deb-files")
[ -z "$left" ] || fail "left after purge: $left"
[ ! -e /opt/kustodian ] || fail "/opt/kustodian left after purge: $(find /opt/kustodian | head)"
! ls /usr/share/applications/*kustodian*.desktop >/dev/null 2>&1 || fail "desktop entry left after purge"

step "rpm: contents, scripts and launcher"
rpm=$(ls "$dir"/kustodian-*.rpm)
rpm -qpl "$rpm" > "$tmp/rpm-files"
for f in /usr/bin/kustodian /usr/bin/kubectl-kustodian /usr/share/man/man1/kustodian.1.gz \
  /usr/share/bash-completion/completions/kustodian /opt/kustodian/bin/kustodian /opt/kustodian/bin/kustodian-desktop; do
  grep -qx "$f" "$tmp/rpm-files" || fail "rpm lacks $f"
done
rpm -qp --scripts "$rpm" | grep -q ArchiveClassesAtExit || fail "rpm: no class-data step in %post"
mkdir "$tmp/rpm" && (cd "$tmp/rpm" && rpm2cpio "$OLDPWD/$rpm" | cpio -idm --quiet)
(cd "$tmp" && "$tmp/rpm/opt/kustodian/bin/kustodian" summary --demo >/dev/null) || fail "rpm: summary --demo"
echo; echo "smoke test passed"
