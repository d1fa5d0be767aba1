/* SPDX-License-Identifier: BSD-3-Clause */
/* The rules, one test per finding id, plus the unknown cases, the
 * verdicts, the expected blackout and the exit codes. Each test builds the
 * facts a driver would report and asserts what an engineer expects. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "model/switch.h"
#include "rules/rules.h"
#include "rules/summary.h"

struct fixture {
    struct pr_switch sw;
    struct pr_port *port;
};

/* An RSTP switch (forward delay 15 s) and one port that is up, edge,
 * forwarding, not in a bundle, BPDU guard on: ready. */
static int setup(void **state)
{
    static struct fixture fx;
    pr_switch_init(&fx.sw, "sw1", "127.0.0.1");
    pr_fact_set(&fx.sw.stp.mode, PR_MODE_RSTP, "dot1dStpVersion = rstp(2)");
    pr_fact_set(&fx.sw.stp.forward_delay_s, 15, "dot1dStpForwardDelay = 1500");
    pr_fact_set(&fx.sw.stp.max_age_s, 20, "dot1dStpMaxAge = 2000");
    fx.port = pr_switch_add_port(&fx.sw, "ge-0/0/1", NULL);
    struct pr_port_facts *f = &fx.port->facts;
    pr_fact_set(&f->admin_status, PR_IF_UP, "ifAdminStatus.1 = up(1)");
    pr_fact_set(&f->oper_status, PR_IF_UP, "ifOperStatus.1 = up(1)");
    pr_fact_set(&f->stp_state, PR_STP_FORWARDING, "dot1dStpPortState.1 = forwarding(5)");
    pr_fact_set(&f->edge, PR_EDGE_YES, "dot1dStpPortAdminEdgePort.1 = true(1)");
    pr_fact_set(&f->lacp_member, 0, "dot3adAggPortAttachedAggID.1 = 0");
    pr_fact_set(&f->bpdu_guard, 1, "bpduguard enable");
    *state = &fx;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *fx = *state;
    pr_switch_free(&fx->sw);
    return 0;
}

static bool has(const struct pr_port *port, enum pr_finding_id id, enum pr_severity sev)
{
    for (size_t i = 0; i < port->n_findings; i++) {
        if (port->findings[i].id == id && port->findings[i].severity == sev)
            return true;
    }
    return false;
}

static void judge(struct fixture *fx)
{
    rules_judge_port(&fx->sw, fx->port);
}

static void test_ready_edge_port(void **state)
{
    struct fixture *fx = *state;
    judge(fx);
    assert_int_equal(fx->port->verdict, PR_VERDICT_READY);
    assert_int_equal(fx->port->n_findings, 0);
    assert_true(fx->port->expected_blackout_s.known);
    assert_int_equal(fx->port->expected_blackout_s.value, 0);
}

static void test_admin_down(void **state)
{
    struct fixture *fx = *state;
    pr_fact_set(&fx->port->facts.admin_status, PR_IF_DOWN, "ifAdminStatus.1 = down(2)");
    pr_fact_set(&fx->port->facts.oper_status, PR_IF_DOWN, "ifOperStatus.1 = down(2)");
    judge(fx);
    assert_true(has(fx->port, PR_F_ADMIN_DOWN, PR_SEV_CRITICAL));
    /* Shut, so link-down is not reported on top. */
    assert_false(has(fx->port, PR_F_LINK_DOWN, PR_SEV_CRITICAL));
    assert_int_equal(fx->port->verdict, PR_VERDICT_NOT_READY);
}

static void test_link_down(void **state)
{
    struct fixture *fx = *state;
    pr_fact_set(&fx->port->facts.oper_status, PR_IF_LOWER_LAYER_DOWN,
                "ifOperStatus.1 = lowerLayerDown(7)");
    judge(fx);
    assert_true(has(fx->port, PR_F_LINK_DOWN, PR_SEV_CRITICAL));
    assert_int_equal(fx->port->verdict, PR_VERDICT_NOT_READY);
    assert_string_equal(fx->port->findings[0].evidence, "ifOperStatus.1 = lowerLayerDown(7)");
}

/* An agent that sent ifOperStatus 99 leaves the link state unknown: the
 * admin-up, edge port is not judged ready on it. */
static void test_impossible_oper_is_unknown(void **state)
{
    struct fixture *fx = *state;
    pr_fact_impossible(&fx->port->facts.oper_status,
                       "IF-MIB ifOperStatus.1 = 99: not a value IF-MIB defines, ignored");
    judge(fx);
    assert_false(has(fx->port, PR_F_LINK_DOWN, PR_SEV_CRITICAL));
    assert_int_equal(fx->port->verdict, PR_VERDICT_UNKNOWN);
}

static void test_err_disabled(void **state)
{
    struct fixture *fx = *state;
    pr_fact_set(&fx->port->facts.oper_status, PR_IF_DOWN, "ifOperStatus.1 = down(2)");
    pr_fact_set(&fx->port->facts.err_disabled, 1, "cErrDisableIfStatusCause.1.0 = bpduGuard(2)");
    strcpy(fx->port->facts.err_disabled_cause, "bpduGuard");
    judge(fx);
    assert_true(has(fx->port, PR_F_ERR_DISABLED, PR_SEV_CRITICAL));
    /* The err-disable explains the down link: one finding, not two. */
    assert_false(has(fx->port, PR_F_LINK_DOWN, PR_SEV_CRITICAL));
    assert_non_null(strstr(fx->port->findings[0].message, "bpduGuard"));
}

static void test_stp_not_edge_blackout_two_forward_delays(void **state)
{
    struct fixture *fx = *state;
    pr_fact_set(&fx->port->facts.edge, PR_EDGE_NO, "dot1dStpPortAdminEdgePort.1 = false(2)");
    judge(fx);
    assert_true(has(fx->port, PR_F_STP_NOT_EDGE, PR_SEV_CRITICAL));
    assert_int_equal(fx->port->verdict, PR_VERDICT_NOT_READY);
    /* 2 x 15 s forward delay under RSTP too: a server sends no BPDUs. */
    assert_int_equal(fx->port->expected_blackout_s.value, 30);
    assert_false(has(fx->port, PR_F_STP_LEGACY_MODE, PR_SEV_CRITICAL));
}

/* The message names the clients the blackout beats (docs/clients.md): at
 * 30 s the PXE ROM's and UEFI's last DISCOVER (28 s) and the Debian
 * installer's (23 s) come too early; iPXE waits out a rapid port (195 s),
 * anaconda's schedule is not sourced (unknown). */
static void test_stp_not_edge_names_who_gives_up(void **state)
{
    struct fixture *fx = *state;
    pr_fact_set(&fx->port->facts.edge, PR_EDGE_NO, "dot1dStpPortAdminEdgePort.1 = false(2)");
    judge(fx);
    const char *msg = fx->port->findings[0].message;
    assert_int_equal(fx->port->findings[0].id, PR_F_STP_NOT_EDGE);
    assert_non_null(
        strstr(msg, "these clients give up first: pxe-rom, uefi-pxe, debian-installer"));
    assert_null(strstr(msg, "ipxe"));
    assert_null(strstr(msg, "anaconda"));
}

/* Forward delay 2 s: 4 s of blackout, within every sourced client's last
 * DISCOVER (PXE 28 s, iPXE 7 s, Debian 23 s): no client is said to give up. */
static void test_stp_not_edge_short_blackout_names_none(void **state)
{
    struct fixture *fx = *state;
    pr_fact_set(&fx->sw.stp.forward_delay_s, 2, "dot1dStpForwardDelay = 200");
    pr_fact_set(&fx->port->facts.edge, PR_EDGE_NO, "dot1dStpPortAdminEdgePort.1 = false(2)");
    judge(fx);
    assert_int_equal(fx->port->expected_blackout_s.value, 4);
    const char *msg = fx->port->findings[0].message;
    assert_null(strstr(msg, "give up first"));
    assert_non_null(strstr(msg, "every link-up of the boot pays it again"));
}

static void test_stp_not_edge_unknown_forward_delay_assumes_default(void **state)
{
    struct fixture *fx = *state;
    pr_fact_unknown(&fx->sw.stp.forward_delay_s, "not answered");
    pr_fact_set(&fx->port->facts.edge, PR_EDGE_NO, "edge false");
    judge(fx);
    assert_int_equal(fx->port->expected_blackout_s.value, 30);
    assert_non_null(strstr(fx->port->expected_blackout_s.evidence, "default"));
}

static void test_legacy_mode_not_edge_is_critical(void **state)
{
    struct fixture *fx = *state;
    pr_fact_set(&fx->sw.stp.mode, PR_MODE_STP, "dot1dStpVersion = stpCompatible(0)");
    pr_fact_set(&fx->port->facts.edge, PR_EDGE_NO, "edge false");
    judge(fx);
    assert_true(has(fx->port, PR_F_STP_LEGACY_MODE, PR_SEV_CRITICAL));
    assert_true(has(fx->port, PR_F_STP_NOT_EDGE, PR_SEV_CRITICAL));
    /* Legacy STP evidence mentions max age for indirect changes. */
    assert_non_null(strstr(fx->port->expected_blackout_s.evidence, "max age"));
}

static void test_legacy_mode_edge_is_warning(void **state)
{
    struct fixture *fx = *state;
    pr_fact_set(&fx->sw.stp.mode, PR_MODE_PVST, "stpxSpanningTreeType = pvstPlus(1)");
    judge(fx);
    assert_true(has(fx->port, PR_F_STP_LEGACY_MODE, PR_SEV_WARNING));
    assert_int_equal(fx->port->verdict, PR_VERDICT_WARNING);
    assert_int_equal(fx->port->expected_blackout_s.value, 0);
}

static void test_port_mode_overrides_switch_mode(void **state)
{
    struct fixture *fx = *state;
    pr_fact_set(&fx->port->facts.stp_mode, PR_MODE_PVST, "VLAN 100 runs pvst");
    judge(fx);
    assert_true(has(fx->port, PR_F_STP_LEGACY_MODE, PR_SEV_WARNING));
}

static void test_edge_auto(void **state)
{
    struct fixture *fx = *state;
    pr_fact_set(&fx->port->facts.edge, PR_EDGE_AUTO, "admin edge false, oper edge true");
    judge(fx);
    assert_true(has(fx->port, PR_F_STP_EDGE_AUTO, PR_SEV_WARNING));
    assert_int_equal(fx->port->verdict, PR_VERDICT_WARNING);
    assert_int_equal(fx->port->expected_blackout_s.value, 3);
    /* No vendor figure: 802.1D-2004's edge delay, named. */
    assert_non_null(strstr(fx->port->expected_blackout_s.evidence, "802.1D-2004 17.20.4"));
}

/* A driver's vendor figure replaces 802.1D's 3 s: VRP's 2 x hello + 1 s
 * with hello 2 s is 5 s, and its evidence is the blackout's. */
static void test_edge_auto_vendor_wait(void **state)
{
    struct fixture *fx = *state;
    pr_fact_set(&fx->sw.stp.auto_edge_wait_s, 5, "VRP edge detection: 2 x hello 2 s + 1 s");
    pr_fact_set(&fx->port->facts.edge, PR_EDGE_AUTO, "no stp edged-port");
    judge(fx);
    assert_true(has(fx->port, PR_F_STP_EDGE_AUTO, PR_SEV_WARNING));
    assert_int_equal(fx->port->expected_blackout_s.value, 5);
    assert_non_null(strstr(fx->port->expected_blackout_s.evidence, "about 5 s"));
    assert_non_null(strstr(fx->port->expected_blackout_s.evidence, "2 x hello 2 s + 1 s"));
    assert_null(strstr(fx->port->expected_blackout_s.evidence, "802.1D"));
    const struct pr_finding *f = &fx->port->findings[0];
    assert_int_equal(f->id, PR_F_STP_EDGE_AUTO);
    assert_non_null(strstr(f->message, "about 5 s"));
}

/* A port's own figure (FastIron's Fast Port Span, 4 s) wins over the
 * switch's. */
static void test_edge_auto_port_wait(void **state)
{
    struct fixture *fx = *state;
    pr_fact_set(&fx->sw.stp.auto_edge_wait_s, 5, "the switch's figure");
    pr_fact_set(&fx->port->facts.auto_edge_wait_s, 4, "Fast Port Span: forwarding in 4 s");
    pr_fact_set(&fx->port->facts.edge, PR_EDGE_AUTO, "snSwIfFastSpanPortEnable.1 = enabled(1)");
    judge(fx);
    assert_int_equal(fx->port->expected_blackout_s.value, 4);
    assert_non_null(strstr(fx->port->expected_blackout_s.evidence, "Fast Port Span"));
    assert_null(strstr(fx->port->expected_blackout_s.evidence, "the switch's figure"));
}

static void test_stp_not_forwarding(void **state)
{
    struct fixture *fx = *state;
    pr_fact_set(&fx->port->facts.stp_state, PR_STP_BLOCKING, "dot1dStpPortState.1 = blocking(2)");
    judge(fx);
    assert_true(has(fx->port, PR_F_STP_NOT_FORWARDING, PR_SEV_CRITICAL));
}

static void test_blocking_on_down_port_is_not_a_finding(void **state)
{
    struct fixture *fx = *state;
    pr_fact_set(&fx->port->facts.oper_status, PR_IF_DOWN, "down");
    pr_fact_set(&fx->port->facts.stp_state, PR_STP_DISABLED, "disabled(1)");
    judge(fx);
    assert_false(has(fx->port, PR_F_STP_NOT_FORWARDING, PR_SEV_CRITICAL));
    assert_true(has(fx->port, PR_F_LINK_DOWN, PR_SEV_CRITICAL));
}

static void test_portfast_trunk_missing(void **state)
{
    struct fixture *fx = *state;
    pr_fact_set(&fx->port->facts.trunk, 1, "vlanTrunkPortDynamicStatus = trunking(1)");
    pr_fact_set(&fx->port->facts.edge_applies_on_trunk, 0, "stpxFastStartPortMode = enable(1)");
    judge(fx);
    assert_true(has(fx->port, PR_F_PORTFAST_TRUNK_MISSING, PR_SEV_CRITICAL));
    assert_int_equal(fx->port->expected_blackout_s.value, 30);
}

static void test_portfast_trunk_present(void **state)
{
    struct fixture *fx = *state;
    pr_fact_set(&fx->port->facts.trunk, 1, "trunking");
    pr_fact_set(&fx->port->facts.edge_applies_on_trunk, 1, "enableForTrunk(3)");
    judge(fx);
    assert_false(has(fx->port, PR_F_PORTFAST_TRUNK_MISSING, PR_SEV_CRITICAL));
    assert_int_equal(fx->port->verdict, PR_VERDICT_READY);
}

static void test_lacp_no_fallback(void **state)
{
    struct fixture *fx = *state;
    pr_fact_set(&fx->port->facts.lacp_member, 1, "ether-options 802.3ad ae0");
    pr_fact_set(&fx->port->facts.lacp_fallback, 0, "no lacp force-up");
    judge(fx);
    assert_true(has(fx->port, PR_F_LACP_NO_FALLBACK, PR_SEV_CRITICAL));
}

static void test_lacp_fallback_unknown(void **state)
{
    struct fixture *fx = *state;
    pr_fact_set(&fx->port->facts.lacp_member, 1, "dot3adAggPortAttachedAggID.1 = 100");
    judge(fx);
    assert_true(has(fx->port, PR_F_LACP_FALLBACK_UNKNOWN, PR_SEV_WARNING));
    assert_int_equal(fx->port->verdict, PR_VERDICT_WARNING);
}

static void test_lacp_fallback_on(void **state)
{
    struct fixture *fx = *state;
    pr_fact_set(&fx->port->facts.lacp_member, 1, "member");
    pr_fact_set(&fx->port->facts.lacp_fallback, 1, "lacp force-up");
    judge(fx);
    assert_int_equal(fx->port->verdict, PR_VERDICT_READY);
}

/* An edge member (blackout 0) whose fallback waits 15 s for LACPDUs:
 * the blackout is the 15 s of the wait; without a fallback, no wait. */
static void test_lacp_fallback_timeout_adds_to_blackout(void **state)
{
    struct fixture *fx = *state;
    pr_fact_set(&fx->port->facts.lacp_member, 1, "channel-group 5 mode active");
    pr_fact_set(&fx->port->facts.lacp_fallback, 1, "lacp fallback enable");
    pr_fact_set(&fx->port->facts.lacp_fallback_timeout_s, 15, "default 15 s");
    judge(fx);
    assert_int_equal(fx->port->expected_blackout_s.value, 15);
    assert_non_null(strstr(fx->port->expected_blackout_s.evidence,
                           "15 s of LACP fallback timeout (default 15 s), then edge port"));
    pr_fact_set(&fx->port->facts.lacp_fallback, 0, "no lacp fallback");
    judge(fx);
    assert_int_equal(fx->port->expected_blackout_s.value, 0);
}

static void test_autoneg_on_is_info(void **state)
{
    struct fixture *fx = *state;
    pr_fact_set(&fx->port->facts.autoneg, 1, "ifMauAutoNegAdminStatus = enabled(1)");
    judge(fx);
    assert_true(has(fx->port, PR_F_AUTONEG_ON, PR_SEV_INFO));
    assert_int_equal(fx->port->verdict, PR_VERDICT_READY);
}

static void test_speed_degraded(void **state)
{
    struct fixture *fx = *state;
    pr_fact_set(&fx->port->facts.speed_mbps, 100, "ifHighSpeed = 100");
    pr_fact_set(&fx->port->facts.speed_capability_mbps, 1000, "1000BASE-T");
    judge(fx);
    assert_true(has(fx->port, PR_F_SPEED_DEGRADED, PR_SEV_WARNING));
}

static void test_bpdu_guard_off(void **state)
{
    struct fixture *fx = *state;
    pr_fact_set(&fx->port->facts.bpdu_guard, 0, "no bpduguard");
    judge(fx);
    assert_true(has(fx->port, PR_F_BPDU_GUARD_OFF, PR_SEV_INFO));
    assert_int_equal(fx->port->verdict, PR_VERDICT_READY);
}

static void test_vlan_mismatch(void **state)
{
    struct fixture *fx = *state;
    fx->port->expect_vlan = 100;
    pr_fact_set(&fx->port->facts.access_vlan, 200, "dot1qPvid.1 = 200");
    judge(fx);
    assert_true(has(fx->port, PR_F_VLAN_MISMATCH, PR_SEV_CRITICAL));
    fx->port->expect_vlan = 200;
    judge(fx);
    assert_false(has(fx->port, PR_F_VLAN_MISMATCH, PR_SEV_CRITICAL));
}

static void test_findings_most_severe_first(void **state)
{
    struct fixture *fx = *state;
    /* autoneg-on (info) comes before vlan-mismatch (critical) in the
     * catalogue; the port lists the critical one first. */
    pr_fact_set(&fx->port->facts.autoneg, 1, "enabled(1)");
    fx->port->expect_vlan = 100;
    pr_fact_set(&fx->port->facts.access_vlan, 1, "dot1qPvid = 1");
    judge(fx);
    assert_int_equal(fx->port->n_findings, 2);
    assert_int_equal(fx->port->findings[0].id, PR_F_VLAN_MISMATCH);
    assert_int_equal(fx->port->findings[1].id, PR_F_AUTONEG_ON);
}

static void test_edge_unknown_is_unknown_verdict(void **state)
{
    struct fixture *fx = *state;
    pr_fact_unknown(&fx->port->facts.edge, "no RSTP-MIB");
    judge(fx);
    assert_int_equal(fx->port->verdict, PR_VERDICT_UNKNOWN);
    assert_false(fx->port->expected_blackout_s.known);
}

static void test_no_link_facts_is_unknown(void **state)
{
    struct fixture *fx = *state;
    pr_fact_unknown(&fx->port->facts.admin_status, NULL);
    pr_fact_unknown(&fx->port->facts.oper_status, NULL);
    judge(fx);
    assert_int_equal(fx->port->verdict, PR_VERDICT_UNKNOWN);
}

static void test_stp_off_on_port_is_ready_without_edge(void **state)
{
    struct fixture *fx = *state;
    pr_fact_unknown(&fx->port->facts.edge, NULL);
    pr_fact_set(&fx->port->facts.stp_enabled, 0, "dot1dStpPortEnable.1 = disabled(2)");
    judge(fx);
    assert_int_equal(fx->port->verdict, PR_VERDICT_READY);
    assert_int_equal(fx->port->expected_blackout_s.value, 0);
}

static void test_edge_from_admin_oper(void **state)
{
    struct fixture *fx = *state;
    struct pr_port_facts *f = &fx->port->facts;
    struct pr_fact admin = {0}, oper = {0}, autoedge = {0};
    /* Admin false, oper true on an up port: made edge by auto-detection. */
    pr_fact_set(&admin, 0, "AdminEdge = false(2)");
    pr_fact_set(&oper, 1, "OperEdge = true(1)");
    pr_facts_edge_from_admin_oper(f, &admin, &oper, &autoedge);
    assert_int_equal(f->edge.value, PR_EDGE_AUTO);
    /* The same on a down port: oper edge is meaningless there, judge admin. */
    pr_fact_set(&f->oper_status, PR_IF_DOWN, "down");
    pr_facts_edge_from_admin_oper(f, &admin, &oper, &autoedge);
    assert_int_equal(f->edge.value, PR_EDGE_NO);
    /* Admin true wins whatever oper says (oper is false on down ports). */
    pr_fact_set(&admin, 1, "AdminEdge = true(1)");
    pr_fact_set(&oper, 0, "OperEdge = false(2)");
    pr_facts_edge_from_admin_oper(f, &admin, &oper, &autoedge);
    assert_int_equal(f->edge.value, PR_EDGE_YES);
    /* An admin value that was answered but is no TruthValue (unknown, with
     * evidence): edge unknown with that evidence, even on an up port whose
     * oper edge is true (before, oper's value was taken: edge yes). */
    pr_fact_set(&f->oper_status, PR_IF_UP, "up");
    pr_fact_set(&oper, 1, "OperEdge = true(1)");
    pr_fact_unknown(&admin, "AdminEdge = 7: not true(1) or false(2), ignored");
    pr_facts_edge_from_admin_oper(f, &admin, &oper, &autoedge);
    assert_false(f->edge.known);
    assert_string_equal(f->edge.evidence, "AdminEdge = 7: not true(1) or false(2), ignored");
    /* Not answered at all (no evidence): the operational value on an up port. */
    struct pr_fact absent = {0};
    pr_facts_edge_from_admin_oper(f, &absent, &oper, &autoedge);
    assert_true(f->edge.known);
    assert_int_equal(f->edge.value, PR_EDGE_YES);
}

static void test_summary_and_exit_codes(void **state)
{
    (void)state;
    struct pr_summary s = {.switches = 1, .ports = 3, .ready = 3};
    assert_int_equal(rules_exit_code(&s), 0);
    s.warning = 1;
    assert_int_equal(rules_exit_code(&s), 1);
    s.unknown = 1;
    assert_int_equal(rules_exit_code(&s), 3);
    /* A switch with no switch port beside ready ones: unknown, not ready. */
    struct pr_summary portless = {.switches = 2, .ports = 3, .ready = 3, .portless = 1};
    assert_int_equal(rules_exit_code(&portless), 3);
    s.not_ready = 1;
    assert_int_equal(rules_exit_code(&s), 2);
    s.unreadable = 1;
    assert_int_equal(rules_exit_code(&s), 2); /* not-ready ports win over unreadable switches */
    s.not_ready = 0;
    assert_int_equal(rules_exit_code(&s), 3);
    /* Nothing judged is not success. */
    struct pr_summary none = {.switches = 1};
    assert_int_equal(rules_exit_code(&none), 3);
}

/* A warning never hides an unknown blocker: a speed-degraded port whose
 * edge cannot be read is unknown, with the warning among its findings. */
static void test_warning_with_unknown_edge_is_unknown(void **state)
{
    struct fixture *fx = *state;
    pr_fact_unknown(&fx->port->facts.edge, "no RSTP-MIB");
    pr_fact_set(&fx->port->facts.lacp_member, 1, "dot3adAggPortAttachedAggID = 1000");
    judge(fx);
    assert_true(has(fx->port, PR_F_LACP_FALLBACK_UNKNOWN, PR_SEV_WARNING));
    assert_int_equal(fx->port->verdict, PR_VERDICT_UNKNOWN);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_ready_edge_port),
        T(test_admin_down),
        T(test_link_down),
        T(test_impossible_oper_is_unknown),
        T(test_err_disabled),
        T(test_stp_not_edge_blackout_two_forward_delays),
        T(test_stp_not_edge_names_who_gives_up),
        T(test_stp_not_edge_short_blackout_names_none),
        T(test_stp_not_edge_unknown_forward_delay_assumes_default),
        T(test_legacy_mode_not_edge_is_critical),
        T(test_legacy_mode_edge_is_warning),
        T(test_port_mode_overrides_switch_mode),
        T(test_edge_auto),
        T(test_edge_auto_vendor_wait),
        T(test_edge_auto_port_wait),
        T(test_stp_not_forwarding),
        T(test_blocking_on_down_port_is_not_a_finding),
        T(test_portfast_trunk_missing),
        T(test_portfast_trunk_present),
        T(test_lacp_no_fallback),
        T(test_lacp_fallback_unknown),
        T(test_lacp_fallback_timeout_adds_to_blackout),
        T(test_lacp_fallback_on),
        T(test_autoneg_on_is_info),
        T(test_speed_degraded),
        T(test_bpdu_guard_off),
        T(test_vlan_mismatch),
        T(test_findings_most_severe_first),
        T(test_edge_unknown_is_unknown_verdict),
        T(test_no_link_facts_is_unknown),
        T(test_stp_off_on_port_is_ready_without_edge),
        T(test_edge_from_admin_oper),
        T(test_summary_and_exit_codes),
        T(test_warning_with_unknown_edge_is_unknown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
