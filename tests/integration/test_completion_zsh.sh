#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# The zsh completion (completions/_portready), for real: a zsh sources it
# with words, CURRENT and PREFIX set as zsh's completion system sets them,
# and with compadd, compset, _files and _directories replaced by functions
# that print what would be offered (the word under the cursor filters it,
# as compadd does); the test asserts what is printed. As for bash: every
# option of every `portready COMMAND --help` is offered, and nothing --help
# does not list; an option that takes a value completes its value, a flag
# does not; --driver and --format offer the values --help names. Then
# compinit, given the folder in $fpath, registers _portready for portready.
source "$PR_SOURCE_DIR/tests/integration/lib.sh"
command -v zsh >/dev/null || pr_skip "zsh is not installed (Debian package zsh; see scripts/deps)"

completion="$PR_SOURCE_DIR/completions/_portready"
zsh -n "$completion" && pr_pass "zsh -n: the completion parses" || pr_fail "zsh -n failed"

# comp WORD... : the completion of the last WORD (give '' for an empty one),
# one candidate a line, sorted.
comp() {
    zsh -f -c '
        completion=$1
        shift
        words=("$@")
        CURRENT=$#
        PREFIX=${words[CURRENT]}
        IPREFIX=
        compadd() {
            while (($#)) && [[ $1 != -- ]]; do shift; done
            shift
            local w
            for w; do [[ $w == ${PREFIX}* ]] && print -r -- "$IPREFIX$w"; done
            return 0
        }
        compset() {
            [[ $1 == -P && $PREFIX == *=* ]] || return 1
            IPREFIX=${PREFIX%%=*}=
            PREFIX=${PREFIX#*=}
        }
        _files() {
            local glob= f
            [[ $1 == -g ]] && glob=$2
            for f in ${PREFIX}*(N); do
                if [[ -d $f || -z $glob || $f == ${~glob} ]]; then print -r -- "$f"; fi
            done
        }
        _directories() {
            local f
            for f in ${PREFIX}*(N/); do print -r -- "$f"; done
        }
        source "$completion"' _ "$completion" portready "$@" | LC_ALL=C sort
}
# expect_comp WHAT "EXPECTED (space-separated, sorted)" WORD...
expect_comp() {
    local what=$1 expected=$2
    shift 2
    pr_expect_eq "$what" "$expected" "$(comp "$@" | tr '\n' ' ' | sed 's/ $//')"
}

expect_comp "portready <TAB>: the commands" "audit boot-log check dhcp-log help locate time" ''
expect_comp "portready ch<TAB>" "check" ch
expect_comp "portready -<TAB>: top-level options" "--help --version -V -h" -
expect_comp "portready help <TAB>: the commands" "audit boot-log check dhcp-log locate time" help ''
expect_comp "portready help check <TAB>: nothing more" "" help check ''
expect_comp "portready nosuch -<TAB>: nothing" "" nosuch -

# Every option of every --help, and no other; values after the options that
# take one (completion_lib.sh reads the option lines of --help).
source "$PR_SOURCE_DIR/tests/integration/completion_lib.sh"
for cmd in check audit time dhcp-log boot-log locate; do
    completion_help "$cmd"
    comp "$cmd" - >"$PR_TMP/$cmd.offered"
    missing=$(LC_ALL=C comm -23 "$PR_TMP/$cmd.help-options" "$PR_TMP/$cmd.offered" | tr '\n' ' ')
    extra=$(LC_ALL=C comm -13 "$PR_TMP/$cmd.help-options" "$PR_TMP/$cmd.offered" | tr '\n' ' ')
    pr_expect_eq "$cmd -<TAB> offers every option of $cmd --help" "" "$missing"
    pr_expect_eq "$cmd -<TAB> offers no option $cmd --help does not list" "" "$extra"
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

# The values --help names.
drivers=$(sed -nE 's/^ +--driver [A-Z]+ +([a-z|-]+) .*/\1/p' "$PR_TMP/check.help" | tr '|' '\n' |
    LC_ALL=C sort | tr '\n' ' ' | sed 's/ $//')
[ "$(echo "$drivers" | wc -w)" -gt 4 ] && pr_pass "check --help names the drivers ($drivers)" ||
    pr_fail "check --help: the drivers not found ($drivers)"
expect_comp "check --driver <TAB>" "$drivers" check --driver ''
expect_comp "check -c x --driver g<TAB>" "generic-snmp" check -c x --driver g
expect_comp "audit --format <TAB>" "json nagios prometheus text" audit --format ''
formats=$(sed -nE 's/^ +--format ([a-z|]+) .*/\1/p' "$PR_TMP/time.help" | tr '|' '\n' |
    LC_ALL=C sort | tr '\n' ' ' | sed 's/ $//')
expect_comp "time --format <TAB>" "$formats" time --format ''
expect_comp "dhcp-log --format <TAB>" "json text" dhcp-log --format ''
expect_comp "check --format=t<TAB>" "--format=text" check --format=t
expect_comp "check --color <TAB>" "always auto never" check --color ''
expect_comp "check -v <TAB>" "1 2c 3" check -v ''
expect_comp "check -a SHA-<TAB>" "SHA-224 SHA-256 SHA-384 SHA-512" check -a SHA-
expect_comp "check -c -v <TAB>: -v is the community" "" check -c -v ''
expect_comp "check -c secret <TAB>: no operand completion" "" check -c secret ''
expect_comp "time --i<TAB>" "--iface --interval" time --i
expect_comp "time --iface lo<TAB>" "lo" time --iface lo

# File names and folders.
mkdir -p "$PR_TMP/files/racks"
touch "$PR_TMP/files/rack12.yaml" "$PR_TMP/files/rack13.yml" "$PR_TMP/files/notes.txt" \
    "$PR_TMP/files/bounce.svg"
cd "$PR_TMP/files"
expect_comp "audit <TAB>: inventories and folders" "rack12.yaml rack13.yml racks" audit ''
expect_comp "check --walk <TAB>: any file" "bounce.svg notes.txt rack12.yaml rack13.yml racks" check --walk ''
expect_comp "time --plot <TAB>: SVG and folders" "bounce.svg racks" time --plot ''
expect_comp "dhcp-log <TAB>: files and -" "- bounce.svg notes.txt rack12.yaml rack13.yml racks" dhcp-log ''
expect_comp "check --save-config <TAB>: folders only" "racks" check --save-config ''
expect_comp "check --ssh <TAB>: no file for a host" "" check --ssh ''
cd - >/dev/null

# zsh's own completion system: compinit finds the file in $fpath.
mkdir -p "$PR_TMP/fpath"
cp "$completion" "$PR_TMP/fpath/_portready"
got=$(HOME=$PR_TMP zsh -f -c 'fpath=("$1" $fpath); autoload -U compinit; compinit -u -D
    print -r -- $_comps[portready]' _ "$PR_TMP/fpath" 2>&1)
pr_expect_eq "compinit registers _portready for portready" "_portready" "$got"
pr_done
