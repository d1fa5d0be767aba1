#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# `cmake --install BUILD --prefix TMP` (no root needed) puts every file
# where it belongs and nothing else: the binary, the man page, the bash and
# zsh completions, the example inventory, README and the licence. The installed
# binary runs and has no path into the build tree; man finds the page;
# bash-completion's loader finds the completion under PREFIX/share; the
# example inventory is valid: with its hosts and secrets pointed at this
# test's folder, `portready audit` reads every switch it lists.
source "$PR_SOURCE_DIR/tests/integration/lib.sh"

: "${PR_BUILD_DIR:?PR_BUILD_DIR must be the build tree}"
prefix="$PR_TMP/prefix"
if ! cmake --install "$PR_BUILD_DIR" --prefix "$prefix" >"$PR_TMP/install.log" 2>&1; then
    cat "$PR_TMP/install.log"
    pr_fail "cmake --install failed"
    pr_done
fi
pr_pass "cmake --install --prefix succeeds"

expected="bin/portready
share/bash-completion/completions/portready
share/doc/portready/README.md
share/doc/portready/copyright
share/doc/portready/examples/rack.yaml
share/man/man1/portready.1
share/zsh/site-functions/_portready"
pr_expect_eq "the installed files" "$expected" "$(cd "$prefix" && find . -type f -o -type l | sed 's|^\./||' | LC_ALL=C sort)"

bin="$prefix/bin/portready"
[ -x "$bin" ] && pr_pass "bin/portready is executable" || pr_fail "bin/portready is not executable"
pr_expect_eq "the installed binary's --version" "$("$PORTREADY" --version)" "$("$bin" --version 2>&1)"
if command -v readelf >/dev/null; then
    paths=$(readelf -d "$bin" | grep -E 'RPATH|RUNPATH' || true)
    pr_expect_eq "no RPATH/RUNPATH in the installed binary" "" "$paths"
fi
for f in portready.1:share/man/man1/portready.1 \
    completions/portready.bash:share/bash-completion/completions/portready \
    completions/_portready:share/zsh/site-functions/_portready \
    examples/rack.yaml:share/doc/portready/examples/rack.yaml \
    LICENSE:share/doc/portready/copyright; do
    cmp -s "$PR_SOURCE_DIR/${f%%:*}" "$prefix/${f#*:}" && pr_pass "${f#*:} is ${f%%:*}" ||
        pr_fail "${f#*:} differs from ${f%%:*}"
done

if command -v man >/dev/null; then
    pr_expect_eq "man -w finds the page" "$prefix/share/man/man1/portready.1" \
        "$(man -M "$prefix/share/man" -w portready 2>&1)"
    MANWIDTH=80 man -M "$prefix/share/man" portready >"$PR_TMP/man.out" 2>&1; grep -q "^SYNOPSIS" "$PR_TMP/man.out" &&
        pr_pass "man portready renders" || pr_fail "man portready does not render"
fi

if [ -r /usr/share/bash-completion/bash_completion ]; then
    # The loader looks in every XDG_DATA_DIRS folder (by default
    # /usr/local/share and /usr/share, so /usr/local installs are found).
    got=$(XDG_DATA_DIRS="$prefix/share:/usr/share" BASH_COMPLETION_USER_DIR="$PR_TMP/none" bash --norc --noprofile -c '
        source /usr/share/bash-completion/bash_completion
        _completion_loader portready
        complete -p portready' 2>&1)
    pr_expect_eq "bash-completion loads the installed completion" "complete -F _portready portready" "$got"
fi
if command -v zsh >/dev/null; then
    got=$(HOME=$PR_TMP zsh -f -c 'fpath=("$1" $fpath); autoload -U compinit; compinit -u -D
        print -r -- $_comps[portready]' _ "$prefix/share/zsh/site-functions" 2>&1)
    pr_expect_eq "zsh's compinit finds the installed completion" "_portready" "$got"
fi

# The example inventory, its hosts pointed at closed ports here, its
# secret files and key made here, its saved configuration written here.
ex="$PR_TMP/example"
mkdir -p "$ex/etc" "$ex/backups" "$ex/home/.ssh"
for f in community auth priv; do
    echo "example-$f" >"$ex/etc/$f"
    chmod 600 "$ex/etc/$f"
done
: >"$ex/home/.ssh/id_ed25519"
chmod 600 "$ex/home/.ssh/id_ed25519"
cat >"$ex/backups/rack12-d.conf" <<'EOF'
hostname rack12-d
spanning-tree mode rapid-pvst
!
interface GigabitEthernet1/0/1
 switchport mode access
 switchport access vlan 100
 spanning-tree portfast
!
interface GigabitEthernet1/0/2
 switchport mode access
 switchport access vlan 100
!
end
EOF
udp=$(pr_free_udp_port)
tcp=$(pr_free_tcp_port)
sed -e "s|/etc/portready/|$ex/etc/|g" -e "s|host: 10\.0\.12\.[0-9]*\(:161\)\{0,1\}|host: 127.0.0.1:$udp|" \
    -e 's/timeout: 2,/timeout: 0.2,/' -e "s/port: 830/port: $tcp/" \
    "$prefix/share/doc/portready/examples/rack.yaml" >"$ex/rack.yaml"
[ "$(grep -c "127.0.0.1:$udp" "$ex/rack.yaml")" -eq 3 ] && pr_pass "the example lists 3 live switches" ||
    pr_fail "the example's hosts were not all rewritten: $(grep 'host:' "$ex/rack.yaml")"
set +e
HOME="$ex/home" RACK12_COMMUNITY=example-community "$bin" audit --format json "$ex/rack.yaml" \
    >"$ex/audit.json" 2>"$ex/audit.err"
rc=$?
set -e
pr_expect_eq "example audit: exit 2 (a not-ready port in the configuration)" 2 "$rc"
pr_expect_eq "example audit: nothing on stderr" "" "$(cat "$ex/audit.err")"
pr_expect_eq "example audit: the switches" "rack12-a rack12-b rack12-c rack12-d" \
    "$(pr_json "$ex/audit.json" '" ".join(s["name"] for s in d["switches"])')"
pr_expect_eq "example audit: the live ones unreadable here, no other error" "no answer no answer no answer None" \
    "$(pr_json "$ex/audit.json" '" ".join("no answer" if s["error"] and "no answer" in s["error"] else str(s["error"]) for s in d["switches"])')"
pr_expect_eq "example audit: rack12-d judged from its configuration" "ready not-ready" \
    "$(pr_json "$ex/audit.json" '" ".join(p["verdict"] for p in d["switches"][3]["ports"])')"
pr_done
