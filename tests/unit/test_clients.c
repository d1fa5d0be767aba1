/* SPDX-License-Identifier: BSD-3-Clause */
/* Each boot stage's DHCP client against a port's blackout: the budgets of
 * docs/clients.md, the comparison, the ports that never forward, the named
 * clients deciding the verdict, and the --client names. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "model/switch.h"
#include "rules/clients.h"
#include "rules/rules.h"

static const struct rules_client *client(const char *name)
{
    int i = rules_client_index(name);
    assert_true(i >= 0);
    return rules_client_at((size_t)i);
}

static enum pr_client_outcome outcome(const char *name, int64_t blackout, enum rules_rapid rapid)
{
    return rules_client_outcome(client(name), true, blackout, false, rapid);
}

static void test_budgets(void **state)
{
    (void)state;
    /* PXE 2.1 / EDK2: DISCOVERs at 0, 4, 12, 28 s (waits 4, 8, 16, 32), failure at 60 s. */
    assert_int_equal(client("pxe-rom")->budget_s, 60);
    assert_int_equal(client("pxe-rom")->last_try_s, 28);
    assert_int_equal(client("uefi-pxe")->budget_s, 60);
    /* EDK2 counts each timeout on a 1 s tick, the first within a second:
     * its fourth DISCOVER leaves 27 + (0, 1] s after the first. */
    assert_int_equal(client("uefi-pxe")->last_try_s, 27);
    /* iPXE: DISCOVERs at 0, 1, 3, 7 s (waits 1, 2, 4, 8), failure at 15 s. */
    assert_int_equal(client("ipxe")->budget_s, 15);
    assert_int_equal(client("ipxe")->last_try_s, 7);
    /* 180 deferrals of 1 s while RSTP BPDUs say the port is not forwarding. */
    assert_int_equal(rules_client_budget(client("ipxe"), RULES_RAPID_YES), 15 + 180);
    assert_int_equal(rules_client_budget(client("ipxe"), RULES_RAPID_NO), 15);
    /* netcfg/dhcp_timeout 25 s; udhcpc -t 24 -T 1: the 24th DISCOVER at 23 s. */
    assert_int_equal(client("debian-installer")->budget_s, 25);
    assert_int_equal(client("debian-installer")->last_try_s, 23);
    /* NetworkManager's device default, 45 s; schedule unsourced. */
    assert_int_equal(client("anaconda")->budget_s, 45);
    assert_int_equal(client("anaconda")->last_try_s, -1);
    assert_int_equal(client("ubuntu-installer")->budget_s, -1);
}

static void test_outcomes(void **state)
{
    (void)state;
    /* An edge port (0 s): every sourced client survives. */
    assert_int_equal(outcome("pxe-rom", 0, RULES_RAPID_YES), PR_CLIENT_SURVIVES);
    assert_int_equal(outcome("ipxe", 0, RULES_RAPID_NO), PR_CLIENT_SURVIVES);
    assert_int_equal(outcome("debian-installer", 0, RULES_RAPID_NO), PR_CLIENT_SURVIVES);
    assert_int_equal(outcome("anaconda", 0, RULES_RAPID_NO), PR_CLIENT_SURVIVES);
    assert_int_equal(outcome("ubuntu-installer", 0, RULES_RAPID_NO), PR_CLIENT_UNKNOWN);
    /* A non-edge port, 2 x 15 s = 30 s: the ROM's DISCOVER at 28 s is
     * still dropped; netcfg's last at 23 s too. */
    assert_int_equal(outcome("pxe-rom", 30, RULES_RAPID_YES), PR_CLIENT_FAILS);
    assert_int_equal(outcome("debian-installer", 30, RULES_RAPID_YES), PR_CLIENT_FAILS);
    /* iPXE: fails under legacy STP (its last DISCOVER at 7 s), waits
     * under RSTP (30 <= 180), unknown when the mode is unknown. */
    assert_int_equal(outcome("ipxe", 30, RULES_RAPID_NO), PR_CLIENT_FAILS);
    assert_int_equal(outcome("ipxe", 30, RULES_RAPID_YES), PR_CLIENT_SURVIVES);
    assert_int_equal(outcome("ipxe", 30, RULES_RAPID_UNKNOWN), PR_CLIENT_UNKNOWN);
    assert_int_equal(outcome("ipxe", 181, RULES_RAPID_YES), PR_CLIENT_FAILS);
    /* Anaconda: 30 s is inside its 45 s but its schedule is unsourced;
     * 45 s or more fails. */
    assert_int_equal(outcome("anaconda", 30, RULES_RAPID_YES), PR_CLIENT_UNKNOWN);
    assert_int_equal(outcome("anaconda", 45, RULES_RAPID_YES), PR_CLIENT_FAILS);
    /* Boundaries: a DISCOVER sent as the port starts forwarding passes. */
    assert_int_equal(outcome("pxe-rom", 28, RULES_RAPID_NO), PR_CLIENT_SURVIVES);
    /* EDK2's fourth DISCOVER (27 to 28 s) passes a 27 s blackout, not a
     * 28 s one; 24 s (forward delay 12) survives, 30 s (15) fails, as the
     * real OVMF did behind kernel STP (test_pxe_uefi). */
    assert_int_equal(outcome("uefi-pxe", 27, RULES_RAPID_NO), PR_CLIENT_SURVIVES);
    assert_int_equal(outcome("uefi-pxe", 28, RULES_RAPID_NO), PR_CLIENT_FAILS);
    assert_int_equal(outcome("uefi-pxe", 24, RULES_RAPID_NO), PR_CLIENT_SURVIVES);
    assert_int_equal(outcome("uefi-pxe", 30, RULES_RAPID_NO), PR_CLIENT_FAILS);
    assert_int_equal(outcome("debian-installer", 23, RULES_RAPID_NO), PR_CLIENT_SURVIVES);
    assert_int_equal(outcome("debian-installer", 24, RULES_RAPID_NO), PR_CLIENT_FAILS);
    /* Auto-edge, 3 s: all sourced survive. */
    assert_int_equal(outcome("ipxe", 3, RULES_RAPID_NO), PR_CLIENT_SURVIVES);
    /* Never forwards: every client fails, even unsourced ones; unknown
     * blackout: unknown. */
    for (size_t i = 0; i < rules_client_count(); i++) {
        assert_int_equal(rules_client_outcome(rules_client_at(i), true, 0, true, RULES_RAPID_YES),
                         PR_CLIENT_FAILS);
        assert_int_equal(rules_client_outcome(rules_client_at(i), false, 0, false, RULES_RAPID_YES),
                         PR_CLIENT_UNKNOWN);
    }
}

static void port_setup(struct pr_switch *sw, struct pr_port **port, enum pr_edge edge)
{
    pr_switch_init(sw, "sw1", "127.0.0.1");
    pr_fact_set(&sw->stp.mode, PR_MODE_RSTP, "dot1dStpVersion = rstp(2)");
    pr_fact_set(&sw->stp.forward_delay_s, 15, "dot1dStpForwardDelay = 1500");
    *port = pr_switch_add_port(sw, "ge-0/0/1", NULL);
    struct pr_port_facts *f = &(*port)->facts;
    pr_fact_set(&f->admin_status, PR_IF_UP, "ifAdminStatus.1 = up(1)");
    pr_fact_set(&f->oper_status, PR_IF_UP, "ifOperStatus.1 = up(1)");
    pr_fact_set(&f->edge, edge, "dot1dStpPortAdminEdgePort.1");
    pr_fact_set(&f->lacp_member, 0, "dot3adAggPortAttachedAggID.1 = 0");
}

static enum pr_client_outcome of(const struct pr_port *port, const char *name)
{
    int i = rules_client_index(name);
    assert_true(i >= 0 && (size_t)i < port->n_clients);
    assert_string_equal(port->clients[i].name, name);
    return port->clients[i].outcome;
}

static bool has(const struct pr_port *port, enum pr_finding_id id)
{
    for (size_t i = 0; i < port->n_findings; i++) {
        if (port->findings[i].id == id)
            return true;
    }
    return false;
}

static void test_judged_ports(void **state)
{
    (void)state;
    struct pr_switch sw;
    struct pr_port *port;
    /* Non-edge RSTP port: 30 s after every link-up. */
    port_setup(&sw, &port, PR_EDGE_NO);
    rules_judge_port(&sw, port);
    assert_int_equal(port->expected_blackout_s.value, 30);
    assert_int_equal(of(port, "debian-installer"), PR_CLIENT_FAILS);
    assert_int_equal(of(port, "pxe-rom"), PR_CLIENT_FAILS);
    assert_int_equal(of(port, "ipxe"), PR_CLIENT_SURVIVES);
    assert_int_equal(port->clients[rules_client_index("ipxe")].budget_s, 195);
    assert_int_equal(port->verdict, PR_VERDICT_NOT_READY);
    assert_false(has(port, PR_F_CLIENT_FAILS)); /* none named */

    /* Named: iPXE alone survives, so the verdict is ready though the
     * port is not edge; naming debian-installer too makes it not ready
     * with a client-fails finding carrying the boot parameter. */
    port->clients_named = 1u << rules_client_index("ipxe");
    rules_judge_port(&sw, port);
    assert_int_equal(port->verdict, PR_VERDICT_READY);
    assert_true(has(port, PR_F_STP_NOT_EDGE));
    port->clients_named |= 1u << rules_client_index("debian-installer");
    rules_judge_port(&sw, port);
    assert_int_equal(port->verdict, PR_VERDICT_NOT_READY);
    assert_true(has(port, PR_F_CLIENT_FAILS));
    bool advice = false;
    for (size_t i = 0; i < port->n_findings; i++)
        advice |= port->findings[i].id == PR_F_CLIENT_FAILS &&
                  strstr(port->findings[i].message, "netcfg/dhcp_timeout=") != NULL;
    assert_true(advice);
    /* Anaconda named alone: unknown (30 s inside 45 s, schedule unsourced). */
    port->clients_named = 1u << rules_client_index("anaconda");
    rules_judge_port(&sw, port);
    assert_int_equal(port->verdict, PR_VERDICT_UNKNOWN);
    pr_switch_free(&sw);

    /* Edge port: every sourced client survives. */
    port_setup(&sw, &port, PR_EDGE_YES);
    rules_judge_port(&sw, port);
    for (size_t i = 0; i < port->n_clients; i++)
        assert_int_equal(port->clients[i].outcome,
                         strcmp(port->clients[i].name, "ubuntu-installer") == 0
                             ? PR_CLIENT_UNKNOWN
                             : PR_CLIENT_SURVIVES);
    pr_switch_free(&sw);

    /* An LACP member without fallback, though edge: every client fails
     * but iPXE, which answers the switch's LACPDUs (eth_slow.c) and so
     * meets the edge port's blackout of 0 s. */
    port_setup(&sw, &port, PR_EDGE_YES);
    pr_fact_set(&port->facts.lacp_member, 1, "dot3adAggPortAttachedAggID.1 = 100");
    pr_fact_set(&port->facts.lacp_fallback, 0, "no lacp fallback");
    port->clients_named = 1u << rules_client_index("pxe-rom");
    rules_judge_port(&sw, port);
    for (size_t i = 0; i < port->n_clients; i++)
        assert_int_equal(port->clients[i].outcome, strcmp(port->clients[i].name, "ipxe") == 0
                                                       ? PR_CLIENT_SURVIVES
                                                       : PR_CLIENT_FAILS);
    assert_int_equal(port->verdict, PR_VERDICT_NOT_READY);
    assert_true(has(port, PR_F_CLIENT_FAILS));
    pr_switch_free(&sw);

    /* Edge unknown: the blackout is unknown, so is every client. */
    port_setup(&sw, &port, PR_EDGE_NO);
    pr_fact_unknown(&port->facts.edge, "no source exposes it");
    rules_judge_port(&sw, port);
    for (size_t i = 0; i < port->n_clients; i++)
        assert_int_equal(port->clients[i].outcome, PR_CLIENT_UNKNOWN);
    pr_switch_free(&sw);
}

static void test_names(void **state)
{
    (void)state;
    uint32_t mask = 0;
    struct pr_error err = {0};
    assert_int_equal(rules_clients_add("ipxe", &mask, &err), 0);
    assert_int_equal(rules_clients_add("anaconda", &mask, &err), 0);
    assert_int_equal(mask,
                     (1u << rules_client_index("ipxe")) | (1u << rules_client_index("anaconda")));
    assert_int_equal(rules_clients_add("grub", &mask, &err), -1);
    assert_int_equal(err.code, PR_ERR_USAGE);
    assert_non_null(strstr(err.msg, "unknown client 'grub'"));
    assert_non_null(strstr(err.msg, "debian-installer"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_budgets),
        cmocka_unit_test(test_outcomes),
        cmocka_unit_test(test_judged_ports),
        cmocka_unit_test(test_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
