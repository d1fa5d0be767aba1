#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# `cpack -G DEB` makes a Debian package of the build tree (into a temporary
# folder): its contents are the binary, the man page, the bash and zsh
# completions and the example inventory; its fields are right (portready, section net,
# the maintainer, a description); its Depends, from dpkg-shlibdeps, name the
# package of every shared library the binary links (net-snmp, libyaml,
# libxml2, libnetconf2, ...). Then, as root, the package is installed with
# apt-get, /usr/bin/portready runs, man finds the page, bash-completion finds
# the completion, and `dpkg -r portready` removes it again, leaving the
# machine as it was. Skips when not root, when the tools are missing, or
# when a portready is installed already (it is not this test's to replace).
source "$PR_SOURCE_DIR/tests/integration/lib.sh"

: "${PR_BUILD_DIR:?PR_BUILD_DIR must be the build tree}"
[ "$(id -u)" -eq 0 ] || pr_skip "installs a package: needs root"
for tool in cpack dpkg-deb dpkg-shlibdeps dpkg dpkg-query file readelf; do
    command -v "$tool" >/dev/null ||
        pr_skip "$tool is missing (Debian packages cmake, dpkg-dev, file, binutils; see scripts/deps)"
done
if [ ! -f "$PR_BUILD_DIR/CPackConfig.cmake" ]; then
    pr_fail "no CPackConfig.cmake in $PR_BUILD_DIR: CMakeLists.txt does not include(CPack)"
    pr_done
fi

# One package install at a time on this machine (other build trees run
# this test too).
exec 9>/run/lock/portready-test-install-deb.lock
flock -w 600 9 || pr_skip "another install test holds /run/lock/portready-test-install-deb.lock"

installed() {
    dpkg-query -W -f='${Status}' portready 2>/dev/null | pr_has "ok installed"
}
installed && pr_skip "a portready package is installed already: not replacing it"
[ -e /usr/bin/portready ] && pr_skip "/usr/bin/portready exists (not from a package): not replacing it"

# Build the package into a folder of this test's own.
out="$PR_TMP/deb"
if ! cpack -G DEB -B "$out" --config "$PR_BUILD_DIR/CPackConfig.cmake" >"$PR_TMP/cpack.log" 2>&1; then
    cat "$PR_TMP/cpack.log"
    pr_fail "cpack -G DEB failed"
    pr_done
fi
version=$("$PORTREADY" --version | sed 's/^portready //')
arch=$(dpkg --print-architecture)
deb="$out/portready_${version}_${arch}.deb"
[ -f "$deb" ] && pr_pass "cpack made $(basename "$deb") ($(stat -c %s "$deb") bytes)" ||
    pr_fail "no $deb: $(ls "$out")"
grep -qiE "warning|error" "$PR_TMP/cpack.log" && pr_fail "cpack: $(grep -iE 'warning|error' "$PR_TMP/cpack.log")" ||
    pr_pass "cpack: no warning"

dpkg-deb --contents "$deb" | awk '{print $NF}' | sed 's|^\./|/|' >"$PR_TMP/contents"
for f in /usr/bin/portready /usr/share/man/man1/portready.1 \
    /usr/share/bash-completion/completions/portready \
    /usr/share/zsh/vendor-completions/_portready \
    /usr/share/doc/portready/examples/rack.yaml /usr/share/doc/portready/copyright; do
    grep -qxF "$f" "$PR_TMP/contents" && pr_pass "the package has $f" || pr_fail "the package lacks $f"
done
pr_expect_eq "nothing outside /usr" "" "$(grep -v '^/usr' "$PR_TMP/contents" | grep -vx '/' || true)"

field() { dpkg-deb --field "$deb" "$1"; }
pr_expect_eq "Package" portready "$(field Package)"
pr_expect_eq "Version" "$version" "$(field Version)"
pr_expect_eq "Architecture" "$arch" "$(field Architecture)"
pr_expect_eq "Section" net "$(field Section)"
pr_expect_eq "Maintainer" "the portready authors" "$(field Maintainer)"
[ "$(field Description | wc -l)" -ge 3 ] && pr_pass "Description: a summary and a long text" ||
    pr_fail "Description: '$(field Description)'"

# Depends names the package of every library the binary needs.
depends=$(field Depends)
echo "Depends: $depends"
for lib in libsnmp libyaml libxml2 libnetconf2 libyang libssh libc6; do
    grep -qE "(^|, )${lib}" <<<"$depends" && pr_pass "Depends names $lib" ||
        pr_fail "Depends does not name $lib"
done
dpkg-deb --fsys-tarfile "$deb" | tar -xO ./usr/bin/portready >"$PR_TMP/portready.bin"
multiarch=$(dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null || gcc -print-multiarch)
for soname in $(readelf -d "$PR_TMP/portready.bin" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'); do
    pkg=$(dpkg -S "*/$multiarch/$soname" 2>/dev/null | grep -v -- '-dev' | head -1 | cut -d: -f1)
    if [ -z "$pkg" ]; then
        pr_fail "no package has $soname"
    elif grep -qE "(^|, )$pkg( |,|$)" <<<"$depends"; then
        pr_pass "$soname: Depends names $pkg"
    else
        pr_fail "$soname is in $pkg, which Depends does not name"
    fi
done

# Install only when every dependency is there already, so that removing
# the package leaves the machine as it was.
missing=()
for pkg in $(sed 's/ *([^)]*)//g; s/,/ /g; s/|[^ ]*//g' <<<"$depends"); do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | pr_has "ok installed" || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] || pr_skip "installing would also install ${missing[*]}: not changing this machine"

remove() {
    if installed; then
        dpkg -r portready >"$PR_TMP/remove.log" 2>&1 || cat "$PR_TMP/remove.log" >&2
    fi
}
trap 'remove; pr_cleanup' EXIT
if command -v apt-get >/dev/null; then
    (cd "$out" && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
        -o DPkg::Lock::Timeout=300 "./$(basename "$deb")") >"$PR_TMP/install.log" 2>&1
else
    dpkg -i "$deb" >"$PR_TMP/install.log" 2>&1
fi && pr_pass "the package installs" || {
    cat "$PR_TMP/install.log"
    pr_fail "the package does not install"
}
installed && pr_pass "dpkg: portready installed" || pr_fail "dpkg does not show portready installed"
pr_expect_eq "/usr/bin/portready --version" "portready $version" "$(/usr/bin/portready --version 2>&1)"
# Into a file first: grep -q stops reading at the first match, and under
# pipefail the writer's SIGPIPE would fail the pipeline.
/usr/bin/portready help check >"$PR_TMP/help-check.out" 2>&1 || true
grep -q "^Usage: portready check" "$PR_TMP/help-check.out" &&
    pr_pass "/usr/bin/portready help check" || pr_fail "/usr/bin/portready help check"
if command -v man >/dev/null; then
    pr_expect_eq "man -w portready" /usr/share/man/man1/portready.1 "$(man -w portready 2>&1)"
fi
if [ -r /usr/share/bash-completion/bash_completion ]; then
    got=$(BASH_COMPLETION_USER_DIR="$PR_TMP/none" XDG_DATA_DIRS=/usr/share bash --norc --noprofile -c '
        source /usr/share/bash-completion/bash_completion
        _completion_loader portready
        complete -p portready' 2>&1)
    pr_expect_eq "bash-completion loads /usr/share/bash-completion/completions/portready" \
        "complete -F _portready portready" "$got"
fi
if command -v zsh >/dev/null; then
    got=$(HOME=$PR_TMP zsh -f -c 'autoload -U compinit; compinit -u -D; print -r -- $_comps[portready]' 2>&1)
    pr_expect_eq "zsh's compinit finds /usr/share/zsh/vendor-completions/_portready" "_portready" "$got"
fi

# Removed again: no file of it left, dpkg no longer knows it.
dpkg -r portready >"$PR_TMP/remove.log" 2>&1 && pr_pass "dpkg -r portready" || {
    cat "$PR_TMP/remove.log"
    pr_fail "dpkg -r portready failed"
}
installed && pr_fail "portready still installed" || pr_pass "portready no longer installed"
left=()
while read -r f; do
    [ -f "$f" ] && left+=("$f")
done < <(grep -v '/$' "$PR_TMP/contents")
pr_expect_eq "no file of the package left" "" "${left[*]}"
pr_expect_eq "dpkg status" "" "$(dpkg-query -W -f='${Status}' portready 2>/dev/null | grep -v 'not-installed' || true)"
pr_done
