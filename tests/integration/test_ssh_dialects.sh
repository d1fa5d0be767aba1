#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# --ssh against the test CLI server playing each CLI portready reads
# (Junos, IOS, NX-OS, EOS, AOS-CX, ArubaOS-Switch, FastIron, OS10, EXOS,
# VRP, Comware, RouterOS, EFOS, FSOS, TP-Link, Cumulus), serving real
# configurations: the ports read
# through the CLI equal the ports of the same text read with --config, and
# the configuration kept by --save-config is the served file (but for line
# ends and trailing blanks), through pagers that ignore the paging command,
# echo or none, ANSI escapes, a long banner, keyboard-interactive login,
# the exec channel and its refusal, the dialect given or told from the
# prompt.
source "$PR_SOURCE_DIR/tests/integration/lib.sh"
source "$PR_SOURCE_DIR/tests/integration/ssh_lib.sh"

DATA=$PR_SOURCE_DIR/tests/data
FX=$PR_FIXTURES/configs
bound=5000 # -t 4 plus slack, in ms

# compare NAME SSH_JSON CONFIG_JSON SAVED_JSON SAVED_FILE SERVED_FILE: one
# line per assertion, "ok ..." or "FAIL ...": sources ["ssh"]; the ports
# equal those --config reads from the served file (evidence line numbers
# aside: a CLI header moves them) and, exactly, those of the saved file;
# the saved file is the served one (CR removed, trailing blanks cut, blank
# lines at the end dropped) after at most a short CLI header.
compare() {
    python3 - "$@" <<'PY'
import json, re, sys
name, got, want, saved_json, saved, served = sys.argv[1:7]
def ports(path):
    try:
        return json.load(open(path))["switches"][0]
    except Exception as e:
        return {"ports": [], "sources": [], "error": str(e)}
def canon(sw, lines=True):
    text = json.dumps(sw["ports"], sort_keys=True)
    return re.sub(r"line [0-9]+", "line N", text) if lines else text
g, w, sv = ports(got), ports(want), ports(saved_json)
print(("ok" if g["sources"] == ["ssh"] else "FAIL") + " - %s: JSON sources %s" % (name, g["sources"]))
if not w["ports"]:
    print("FAIL - %s: the --config reading has no ports to compare" % name)
elif canon(g) == canon(w):
    print("ok - %s: %d ports equal to --config" % (name, len(w["ports"])))
else:
    print("FAIL - %s: ports differ from --config" % name)
print(("ok" if canon(g, False) == canon(sv, False) else "FAIL") +
      " - %s: ports of the saved configuration" % name)
# A terminal shows no NUL byte, and the cleaner drops it as one would.
text = open(served, "rb").read().replace(b"\0", b"").decode("latin-1")
lines = [l.rstrip(" \t\r") for l in text.split("\n")]
while lines and lines[-1] == "":
    lines.pop()
want_text = ("\n".join(lines) + "\n").encode("latin-1")
kept = open(saved, "rb").read()
ok = kept.endswith(want_text) and len(kept) - len(want_text) < 400
print(("ok" if ok else "FAIL") + " - %s: the saved configuration is the served file" % name)
PY
}

# one NAME VENDOR FILE [SERVER ARGS...] -- [CHECK ARGS...]
one() {
    local name=$1 vendor=$2 file=$3
    shift 3
    local server=() check=()
    while [ $# -gt 0 ] && [ "$1" != "--" ]; do
        server+=("$1")
        shift
    done
    [ $# -gt 0 ] && shift
    check=("$@")
    PORT=$(pr_free_tcp_port)
    cli_start "$PORT" "$vendor" --config "$file" --log "$PR_TMP/log-$PORT" "${server[@]}"
    rm -rf "$PR_TMP/saved"
    mkdir -p "$PR_TMP/saved"
    ssh_check --ssh "alice@127.0.0.1:$PORT" --password-file "$PR_TMP/password" \
        --known-hosts "$SSH_KH" --accept-new-hostkey -t 4 --format json \
        --save-config "$PR_TMP/saved" "${check[@]}"
    pr_stop "$CLI_PID"
    LAST_LOG="$PR_TMP/log-$PORT"
    # UNKNOWN_OK: a switch whose ports are unknown by their configuration
    # (exit 3 with no error) is read all the same.
    if { [ "$RC" -eq 3 ] && [ -z "${UNKNOWN_OK:-}" ]; } || [ "$MS" -gt "$bound" ]; then
        pr_fail "$name: exit $RC in $MS ms: $(head -c 300 "$ERR")"
        return
    fi
    cp "$OUT" "$PR_TMP/ssh.json"
    local saved="$PR_TMP/saved/127.0.0.1.cfg"
    "$PORTREADY" check --config "$file" --format json "${check[@]}" >"$PR_TMP/config.json" 2>/dev/null || true
    "$PORTREADY" check --config "$saved" --format json >"$PR_TMP/saved.json" 2>/dev/null || true
    local line
    while IFS= read -r line; do
        case $line in
        ok\ -\ *) pr_pass "${line#ok - }" ;;
        *) pr_fail "${line#FAIL - }" ;;
        esac
    done < <(compare "$name" "$PR_TMP/ssh.json" "$PR_TMP/config.json" "$PR_TMP/saved.json" "$saved" "$file")
}

# Configurations in the project (always there).
one "Junos set, shell, driver told by the prompt" junos "$DATA/junos/e1-1.set"
pr_expect_eq "Junos shell: paging off, then the configuration" \
    "set cli screen-length 0|set cli screen-width 0|show configuration | display set" \
    "$(paste -sd'|' "$LAST_LOG")"
one "Junos set, --driver juniper: exec channel" junos "$DATA/junos/e1-1.set" -- --driver juniper
pr_expect_eq "Junos exec: one command" "show configuration | display set" "$(paste -sd'|' "$LAST_LOG")"
one "Junos, exec refused: the shell on the same connection" junos "$DATA/junos/e1-1.set" \
    --exec no -- --driver juniper
one "IOS-XE running-config" ios "$DATA/iosxe/rack.cli"
# "sw1#" is also an HPE/Aruba prompt: show version tells.
pr_expect_eq "IOS: show version, terminal length 0, then the configuration" \
    "show version|terminal length 0|show running-config" "$(paste -sd'|' "$LAST_LOG")"
one "IOS, pager ignoring terminal length 0 (every 7 lines)" ios "$DATA/iosxe/rack.cli" \
    --ignore-paging --page-lines 7
one "IOS, no echo, ANSI colours and cursor moves" ios "$DATA/iosxe/rack.cli" --no-echo --ansi \
    --ignore-paging --page-lines 5
one "IOS, a 200 kB banner, keyboard-interactive login" ios "$DATA/iosxe/rack.cli" \
    --banner-bytes 200000 --kbdint-only
one "EOS running-config, --driver cisco" eos "$DATA/merge/rack12-c-eos.conf" -- --driver cisco
one "EOS, pager ignoring terminal length 0" eos "$DATA/merge/rack12-c-eos.conf" --ignore-paging \
    --page-lines 3
one "EOS, told from show version" eos "$DATA/merge/rack12-c-eos.conf"
pr_expect_eq "EOS: show version, terminal length 0, then the configuration" \
    "show version|terminal length 0|show running-config" "$(paste -sd'|' "$LAST_LOG")"
for f in "$DATA"/aruba/oxidized__aoscx_*.txt "$DATA"/aruba/canu__*.cfg; do
    one "AOS-CX $(basename "$f"), pager every 25 lines" aoscx "$f" --ignore-paging --page-lines 25
done
pr_expect_eq "AOS-CX: show version, no page, then the configuration" \
    "show version|no page|show running-config" "$(paste -sd'|' "$LAST_LOG")"
one "AOS-CX, --driver aruba, paging off" aoscx "$DATA/aruba/canu__sw-leaf-001.cfg" -- --driver aruba
pr_expect_eq "AOS-CX --driver aruba: no show version" "no page|show running-config" \
    "$(paste -sd'|' "$LAST_LOG")"
one "ArubaOS-Switch 2930M: Press any key, full-screen pager every 20 lines" procurve \
    "$DATA/aruba/napalm-arubaos-switch__2930M_WC.16.10.0009.txt" --ignore-paging --page-lines 20
pr_expect_eq "ArubaOS-Switch: told from its banner, no page, then the configuration" \
    "no page|show running-config" "$(paste -sd'|' "$LAST_LOG")"
one "Huawei VRP S5720, pager every 5 lines, told from display version" vrp \
    "$DATA/vrp/huawei-s5720-written.cfg" --ignore-paging --page-lines 5 --banner-bytes 3000
# "<HUAWEI>" is also a Comware prompt: display version tells.
pr_expect_eq "VRP: display version, screen-length 0 temporary, then the configuration" \
    "display version|screen-length 0 temporary|display current-configuration" \
    "$(paste -sd'|' "$LAST_LOG")"
one "Comware 7, pager every 4 lines, told from display version" comware \
    "$DATA/vrp/comware7-written.cfg" --ignore-paging --page-lines 4 --banner-bytes 3000
pr_expect_eq "Comware: display version, screen-length disable, then the configuration" \
    "display version|screen-length disable|display current-configuration" \
    "$(paste -sd'|' "$LAST_LOG")"
one "Comware 7, --driver comware, paging off" comware "$DATA/vrp/comware7-written.cfg" -- \
    --driver comware
pr_expect_eq "Comware --driver comware: no display version" \
    "screen-length disable|display current-configuration" "$(paste -sd'|' "$LAST_LOG")"
one "RouterOS CHR /export, shell, a banner, told by the prompt" routeros \
    "$DATA/mikrotik/oxidized__routeros_CHR_7.10.1.txt" --banner-bytes 3000
pr_expect_eq "RouterOS shell: /export alone" "/export" "$(paste -sd'|' "$LAST_LOG")"
one "RouterOS CHR /export, --driver mikrotik: exec channel" routeros \
    "$DATA/mikrotik/oxidized__routeros_CHR_7.10.1.txt" -- --driver mikrotik
for f in "$DATA"/mikrotik/oxidized__routeros_*.txt; do
    one "RouterOS $(basename "$f"), no echo" routeros "$f" --no-echo
done
CL=$DATA/cumulus
cl_cmd="nv config show --color off 2>/dev/null || cat /etc/network/interfaces"
one "Cumulus NVUE MSN2010, shell, told by the prompt" cumulus \
    "$CL/oxidized__cumulus_MSN2010_5.9.2_nvue.yaml" --ansi
pr_expect_eq "Cumulus shell: nv config show (or the interfaces file) alone" "$cl_cmd" \
    "$(paste -sd'|' "$LAST_LOG")"
for f in "$CL"/ifupdown2__*.eni; do
    one "Cumulus $(basename "$f"), --driver cumulus: exec channel" cumulus "$f" -- --driver cumulus
done
pr_expect_eq "Cumulus exec: one command" "$cl_cmd" "$(paste -sd'|' "$LAST_LOG")"
one "Cumulus, exec refused: the shell on the same connection" cumulus \
    "$CL/ifupdown2__bond_lacp.eni" --exec no -- --driver cumulus

# Real configurations nobody here wrote (../shared/fixtures).
if [ -d "$FX" ]; then
    for f in tgmanage__e1-1.tg23.gathering.org.conf tgmanage__e1.noc.tg23.gathering.org.conf \
        tgmanage__d1.roof.tg23.gathering.org.conf tgmanage__d3.floor.tg23.gathering.org.conf \
        tgmanage__distro3_clean_generated.conf scale__ex4200-example.conf \
        ciscoconfparse2__sample_03.junos; do
        one "Junos $f, pager ignoring screen-length" junos "$FX/$f" --ignore-paging --page-lines 40
        one "Junos $f, exec" junos "$FX/$f" -- --driver juniper
    done
    one "NX-OS sample_01, NX-OS pager every 30 lines" nxos "$FX/ciscoconfparse2__sample_01.nxos" \
        --ignore-paging --page-lines 30 --ansi
    one "NX-OS sample_01, paging off" nxos "$FX/ciscoconfparse2__sample_01.nxos"
    for f in batfish__arista_interface_show_run_all batfish__arista_interface_show_run_all_3; do
        one "EOS $f, pager every 20 lines" eos "$FX/$f" --ignore-paging --page-lines 20
    done
    one "IOS-style NX-OS text on an IOS CLI, no echo" ios "$FX/ciscoconfparse2__sample_01.nxos" \
        --no-echo
    one "ProCurve 2910al: Press any key, full-screen pager, ANSI" procurve \
        "$FX/napalm-procurve__show_running_config.txt" --ignore-paging --page-lines 22 --ansi
    for f in fastiron-icx__config.7250-24.txt oxidized__ironware_ICX7150-48Z-HPOE_output.txt; do
        one "FastIron $f, pager ignoring skip-page-display, a banner" fastiron "$FX/$f" \
            --ignore-paging --page-lines 9 --banner-bytes 3000
    done
    pr_expect_eq "FastIron: told by the prompt, skip-page-display, then the configuration" \
        "skip-page-display|show running-config" "$(paste -sd'|' "$LAST_LOG")"
    # "sw1#" is also an IOS, OS10 and FSOS prompt: the ICX's show version
    # ("Copyright (c) Ruckus Networks", "HW: Stackable ICX7150-48Z-HPOE") tells.
    one "FastIron, a bare hostname prompt (sw1#), pager every 9 lines" fastiron \
        "$FX/fastiron-icx__config.7250-24.txt" --hostname sw1 --ignore-paging --page-lines 9
    pr_expect_eq "FastIron sw1#: show version, skip-page-display, then the configuration" \
        "show version|skip-page-display|show running-config" "$(paste -sd'|' "$LAST_LOG")"
    # TP-Link: "RT_02-TPLink_OLT#" is an IOS-shaped prompt; show version is
    # refused ("Error: Bad command"), show system-info names the OLT. Its
    # three ports are LACP members with no fallback statement TP-Link has
    # (docs/tplink.md): unknown, exit 3, and read all the same.
    UNKNOWN_OK=1 one "TP-Link DS-P7001-08, pager ignoring terminal length 0 every 12 lines" tplink \
        "$FX/oxidized__tplink_DS-P7001-08_1.0.0_output.txt" --ignore-paging --page-lines 12
    pr_expect_eq "TP-Link: show version refused, show system-info, terminal length 0, then the configuration" \
        "show version|show system-info|terminal length 0|show running-config" \
        "$(paste -sd'|' "$LAST_LOG")"
    # The persona takes a command only on a carriage return, as TP-Link's
    # CLI does (docs/tplink.md): the runs above prove portready ends each
    # so. A login at the user-mode prompt "RT_02-TPLink_OLT>", where
    # show running-config is refused ("Error: Bad command"): enable (no
    # password, TP-Link's default), then the same ports as --config.
    UNKNOWN_OK=1 one "TP-Link DS-P7001-08, user-mode login, enable, pager every 12 lines" tplink \
        "$FX/oxidized__tplink_DS-P7001-08_1.0.0_output.txt" --mode user-mode --ignore-paging \
        --page-lines 12 -- --driver tplink
    pr_expect_eq "TP-Link user mode: enable, terminal length 0, then the configuration" \
        "enable|terminal length 0|show running-config" "$(paste -sd'|' "$LAST_LOG")"
    one "OS10 napalm running-configuration, --more-- every 8 lines, a banner" os10 \
        "$FX/napalm-dellos10__show_running_configuration.txt" --ignore-paging --page-lines 8 \
        --banner-bytes 3000
    # "OS10#" is also an IOS, ArubaOS and FastIron prompt: show version tells.
    pr_expect_eq "OS10: show version, terminal length 0, then the configuration" \
        "show version|terminal length 0|show running-configuration" "$(paste -sd'|' "$LAST_LOG")"
    for f in virtual-exos__SW-B.txt virtual-exos__Root_bridge.txt virtual-exos__Peer1.A.txt; do
        one "EXOS $f, pager ignoring disable clipaging, a banner" exos "$FX/$f" --ignore-paging \
            --page-lines 6 --banner-bytes 3000
    done
    pr_expect_eq "EXOS: told by the prompt, disable clipaging, then the configuration" \
        "disable clipaging|show configuration" "$(paste -sd'|' "$LAST_LOG")"
    one "Comware autoconfig newstartup, pager every 30 lines, ANSI" comware \
        "$FX/autoconfig-comware__newstartup.cfg" --ignore-paging --page-lines 30 --ansi
    # The oxidized capture ends with the prompt the CLI wrote after the
    # configuration ("FS-LAB-OXI#"): the server writes its own, so the copy
    # served stops before it.
    grep -v '^FS-LAB-OXI#$' "$FX/oxidized__fsos_S3400-48T4SP_2.0.2J-120538_output.txt" \
        >"$PR_TMP/fsos-s3400.cfg"
    one "FSOS S3400 running-config, pager every 10 lines, a banner" fsos "$PR_TMP/fsos-s3400.cfg" \
        --ignore-paging --page-lines 10 --banner-bytes 3000
    # "FS-LAB-OXI#" is also an IOS-style prompt: show version tells.
    pr_expect_eq "FSOS: show version, terminal length and width 0, then the configuration" \
        "show version|terminal length 0|terminal width 0|show running-config" \
        "$(paste -sd'|' "$LAST_LOG")"
    one "EFOS BES-53248, pager ignoring terminal length 0, a banner" efos \
        "$FX/oxidized__efos_BES-53248_3.12.0.1_output.txt" --ignore-paging --page-lines 7 \
        --banner-bytes 3000
    pr_expect_eq "EFOS: told by the prompt, terminal length 0, then the configuration" \
        "terminal length 0|show running-config" "$(paste -sd'|' "$LAST_LOG")"
else
    echo "no shared fixtures at $PR_FIXTURES (a user's clone): real configurations skipped"
fi
pr_done
