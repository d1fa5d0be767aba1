# Helpers of the PXE-in-a-bottle tests (sourced after lib.sh, never run).

# pxe_need PROGRAM...: skips unless root can build namespaces here and
# every PROGRAM is installed.
pxe_need() {
    [ "$(id -u)" -eq 0 ] || pr_skip "needs root to build network namespaces (CI runs as root)"
    local prog
    for prog in "$@"; do
        command -v "$prog" >/dev/null || pr_skip "$prog is not installed (scripts/deps)"
    done
    ip netns add "prpxe-$$-probe" 2>/dev/null || pr_skip "cannot create network namespaces here"
    ip netns del "prpxe-$$-probe"
}

# pxe_expect_removed PID...: nothing is left of the bottles those
# pxe-bottle processes built (each names its namespaces prpxe-<pid>-).
pxe_expect_removed() {
    local p left=
    for p in "$@"; do
        left+=$(ip netns list | awk '{print $1}' | grep "^prpxe-$p-" || true)
    done
    pr_expect_eq "every namespace of these runs removed" "" "$left"
}
