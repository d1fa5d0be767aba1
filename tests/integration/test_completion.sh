#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# The bash completion, for real: a bash sources completions/portready.bash
# and calls its completion function with COMP_WORDS and COMP_CWORD set as
# readline sets them; the test asserts what COMPREPLY holds. Every option of
# every `portready COMMAND --help` is offered, and nothing --help does not
# list (so the two cannot drift); an option that takes a value completes its
# value, a flag does not; --driver and --format offer the values --help
# names. With bash-completion installed, its own loader finds the file.
source "$PR_SOURCE_DIR/tests/integration/lib.sh"

completion="$PR_SOURCE_DIR/completions/portready.bash"
bash -n "$completion" && pr_pass "bash -n: the completion parses" || pr_fail "bash -n failed"

# comp WORD... : the completion of the last WORD (the one under the cursor;
# give '' for an empty one), one candidate a line, sorted.
comp() {
    bash --norc --noprofile -c '
        source "$1" || exit 1
        shift
        COMP_WORDS=("$@")
        COMP_CWORD=$(($# - 1))
        COMP_LINE="$*"
        COMP_POINT=${#COMP_LINE}
        prev=
        [ "$COMP_CWORD" -ge 1 ] && prev=${COMP_WORDS[COMP_CWORD - 1]}
        _portready portready "${COMP_WORDS[COMP_CWORD]}" "$prev"
        [ ${#COMPREPLY[@]} -eq 0 ] || printf "%s\n" "${COMPREPLY[@]}"' \
        _ "$completion" portready "$@" | LC_ALL=C sort
}
# expect_comp WHAT "EXPECTED (space-separated, sorted)" WORD...
expect_comp() {
    local what=$1 expected=$2
    shift 2
    pr_expect_eq "$what" "$expected" "$(comp "$@" | tr '\n' ' ' | sed 's/ $//')"
}

# The top level: commands, and the top-level options.
expect_comp "portready <TAB>: the commands" "audit boot-log check dhcp-log help locate time" ''
expect_comp "portready ch<TAB>" "check" ch
expect_comp "portready d<TAB>" "dhcp-log" d
expect_comp "portready -<TAB>: top-level options" "--help --version -V -h" -
expect_comp "portready --v<TAB>" "--version" --v
expect_comp "portready help <TAB>: the commands" "audit boot-log check dhcp-log locate time" help ''
expect_comp "portready help check <TAB>: nothing more" "" help check ''
expect_comp "portready nosuch -<TAB>: nothing" "" nosuch -

# Every option of every --help, and no other; values after options that
# take one. The option lines of --help: "  -j, --jobs N    text" (takes a
# value) or "  --fix    text" (a flag).
source "$PR_SOURCE_DIR/tests/integration/completion_lib.sh"
for cmd in check audit time dhcp-log boot-log locate; do
    completion_help "$cmd"
    comp "$cmd" - >"$PR_TMP/$cmd.offered"
    missing=$(LC_ALL=C comm -23 "$PR_TMP/$cmd.help-options" "$PR_TMP/$cmd.offered" | tr '\n' ' ')
    extra=$(LC_ALL=C comm -13 "$PR_TMP/$cmd.help-options" "$PR_TMP/$cmd.offered" | tr '\n' ' ')
    pr_expect_eq "$cmd -<TAB> offers every option of $cmd --help" "" "$missing"
    pr_expect_eq "$cmd -<TAB> offers no option $cmd --help does not list" "" "$extra"
    [ "$(wc -l <"$PR_TMP/$cmd.help-options")" -gt 5 ] && pr_pass "$cmd --help has options" ||
        pr_fail "$cmd --help: no options found"

    n_value=0 n_flag=0 wrong=()
    while read -r opt kind; do
        if [ "$kind" = value ]; then
            n_value=$((n_value + 1))
            comp "$cmd" "$opt" '' | pr_has -x -- --help && wrong+=("$opt (takes a value)")
        else
            n_flag=$((n_flag + 1))
            comp "$cmd" "$opt" - | pr_has -x -- --help || wrong+=("$opt (a flag)")
        fi
    done <"$PR_TMP/$cmd.kinds"
    pr_expect_eq "$cmd: options with a value complete a value, flags the next option" "" "${wrong[*]}"
    [ "$n_value" -gt 0 ] && [ "$n_flag" -gt 0 ] && pr_pass "$cmd: $n_value options with a value, $n_flag flags" ||
        pr_fail "$cmd: option lines of --help not understood ($n_value with a value, $n_flag flags)"
done

# --driver: the values check --help names.
drivers=$(sed -nE 's/^ +--driver [A-Z]+ +([a-z|-]+) .*/\1/p' "$PR_TMP/check.help" | tr '|' '\n' |
    LC_ALL=C sort | tr '\n' ' ' | sed 's/ $//')
pr_expect_eq "check --help names the drivers" "aruba auto cisco comware cumulus dell extreme fastpath fsos generic-snmp huawei juniper mikrotik ruckus tplink" "$drivers"
expect_comp "check --driver <TAB>" "$drivers" check --driver ''
expect_comp "check --driver ci<TAB>" "cisco" check --driver ci
expect_comp "check -c x --driver g<TAB>" "generic-snmp" check -c x --driver g
# --format: the values each --help names.
# check and audit: --format FORMAT with text, json, nagios and prometheus
# named in the help; time: --format text|json.
for cmd in check audit; do
    grep -qE -- '--format FORMAT +text \(default\), json, nagios' "$PR_TMP/$cmd.help" &&
        pr_pass "$cmd --help: --format values" || pr_fail "$cmd --help: --format values changed"
    expect_comp "$cmd --format <TAB>" "json nagios prometheus text" "$cmd" --format ''
done
formats=$(sed -nE 's/^ +--format ([a-z|]+) .*/\1/p' "$PR_TMP/time.help" | tr '|' '\n' |
    LC_ALL=C sort | tr '\n' ' ' | sed 's/ $//')
pr_expect_eq "time --help: --format values" "json text" "$formats"
expect_comp "time --format <TAB>" "$formats" time --format ''
grep -qE -- '--format FORMAT +text \(default\) or json' "$PR_TMP/dhcp-log.help" &&
    pr_pass "dhcp-log --help: --format text or json" || pr_fail "dhcp-log --help: --format values changed"
expect_comp "dhcp-log --format <TAB>" "json text" dhcp-log --format ''
expect_comp "audit --format j<TAB>" "json" audit --format j
# --format=VALUE: with = a word break (bash's default) and without.
expect_comp "check --format=<TAB> (= a word break)" "json nagios prometheus text" check --format =
expect_comp "check --format=j<TAB> (= a word break)" "json" check --format = j
expect_comp "check --format=t<TAB> (one word)" "--format=text" check --format=t
# SNMP values.
expect_comp "check -v <TAB>" "1 2c 3" check -v ''
expect_comp "time -l auth<TAB>" "authNoPriv authPriv" time -l auth
expect_comp "check -a SHA-<TAB>" "SHA-224 SHA-256 SHA-384 SHA-512" check -a SHA-
expect_comp "check -x <TAB>" "AES AES-192 AES-256 DES" check -x ''
# A value that looks like an option is a value, not an option to complete from.
expect_comp "check -c -v <TAB>: -v is the community" "" check -c -v ''
expect_comp "check -c secret <TAB>: no operand completion" "" check -c secret ''
expect_comp "time --i<TAB>" "--iface --interval" time --i
ifaces=()
for path in /sys/class/net/l*; do
    [ -e "$path" ] && ifaces+=("${path##*/}")
done
expect_comp "time --iface l<TAB>" "$(printf '%s\n' "${ifaces[@]}" | LC_ALL=C sort | tr '\n' ' ' | sed 's/ $//')" \
    time --iface l

# File names: an inventory for audit (YAML and folders), any file after
# --walk, an SVG after --plot, a log (or -) for dhcp-log, a folder after
# --save-config.
mkdir -p "$PR_TMP/files/racks"
touch "$PR_TMP/files/rack12.yaml" "$PR_TMP/files/rack13.yml" "$PR_TMP/files/notes.txt" \
    "$PR_TMP/files/bounce.svg"
cd "$PR_TMP/files"
expect_comp "audit <TAB>: inventories and folders" "rack12.yaml rack13.yml racks" audit ''
expect_comp "audit --jobs 4 r<TAB>" "rack12.yaml rack13.yml racks" audit --jobs 4 r
expect_comp "check --walk <TAB>: any file" "bounce.svg notes.txt rack12.yaml rack13.yml racks" check --walk ''
expect_comp "check --config n<TAB>" "notes.txt" check --config n
expect_comp "time --plot <TAB>: SVG and folders" "bounce.svg racks" time --plot ''
expect_comp "dhcp-log <TAB>: files and -" "- bounce.svg notes.txt rack12.yaml rack13.yml racks" dhcp-log ''
expect_comp "dhcp-log --mac <TAB>: no file for a MAC" "" dhcp-log --mac ''
expect_comp "check --save-config <TAB>: folders only" "racks" check --save-config ''
expect_comp "audit --save-config r<TAB>: folders only" "racks" audit --save-config r
expect_comp "check --ssh <TAB>: no file for a host" "" check --ssh ''
expect_comp "check --ssh a@sw1 --ssh-key n<TAB>" "notes.txt" check --ssh a@sw1 --ssh-key n
cd - >/dev/null

# bash-completion's loader finds the file where it is installed
# (share/bash-completion/completions/portready) and registers _portready.
if [ -r /usr/share/bash-completion/bash_completion ]; then
    mkdir -p "$PR_TMP/user/completions"
    cp "$completion" "$PR_TMP/user/completions/portready"
    got=$(BASH_COMPLETION_USER_DIR="$PR_TMP/user" bash --norc --noprofile -c '
        source /usr/share/bash-completion/bash_completion
        _completion_loader portready
        complete -p portready' 2>&1)
    pr_expect_eq "bash-completion loads it" "complete -F _portready portready" "$got"
else
    echo "note: bash-completion is not installed: its loader not tried"
fi
pr_done
