/* SPDX-License-Identifier: BSD-3-Clause */
/* The generic-snmp driver's view of which interfaces are ports and which
 * bridge port each one is, on a small recording written for this test
 * (tests/data/generic/ports.snmprec). Every interface is admin and oper up.
 * Expectations, from the raw values:
 *
 *   ifIndex 1 "1/1/1": ifType 6, ifConnectorPresent false(2) (as AOS-CX
 *       answers for its copper ports), bridge port 1 -> forwarding, PVID 10.
 *       A physical port: "every port" includes it.
 *   ifIndex 2 "2", 3 "3": ifType 6, connector true, no bridge port of their
 *       own; both are under ifIndex 54 "Trk1" (ifType 54 propMultiplexor,
 *       ifStackStatus.54.2 and .54.3), which is bridge port 54 (forwarding,
 *       PVID 30). The bridge port is the trunk's: neither member gets it,
 *       so their STP state and VLAN stay unknown.
 *   ifIndex 10 "ge-0/0/10": ifType 6; its unit 11 "ge-0/0/10.0" (ifType 53,
 *       ifStackStatus.11.10, the only interface under it) is bridge port 5
 *       (forwarding, PVID 20): the physical port takes the unit's bridge port.
 *   ifIndex 100 "Vlan100": ifType 136, connector false: not a port.
 *
 * So "every port" is 1/1/1, 2, 3, ge-0/0/10 (4 ports). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "generic-snmp/generic_snmp.h"

#include "core/survey.h"

static int survey(struct pr_switch *sw, const struct survey_port *ports, size_t n_ports)
{
    struct pr_snmp_options opts;
    pr_snmp_options_defaults(&opts);
    struct survey_spec spec = {
        .name = "ports",
        .walk_path = PR_TEST_DATA "/generic/ports.snmprec",
        .snmp = &opts,
        .driver = "generic-snmp",
        .ports = ports,
        .n_ports = n_ports,
        .expect_vlan = -1,
    };
    struct pr_error err = {0};
    return survey_switch(&spec, sw, &err);
}

static const struct pr_port *port(struct pr_switch *sw, const char *name)
{
    const struct pr_port *p = pr_switch_find_name(sw, name);
    assert_non_null(p);
    return p;
}

static void test_every_port_by_iftype(void **state)
{
    (void)state;
    struct pr_switch sw;
    assert_int_equal(survey(&sw, NULL, 0), 0);
    assert_int_equal(sw.n_ports, 4);
    /* ifConnectorPresent false(2) on an ethernetCsmacd(6) port with link. */
    const struct pr_port *p = port(&sw, "1/1/1");
    assert_int_equal(p->bridge_port, 1);
    assert_int_equal(p->facts.stp_state.value, PR_STP_FORWARDING);
    assert_int_equal(p->facts.access_vlan.value, 10);
    assert_non_null(pr_switch_find_name(&sw, "2"));
    assert_non_null(pr_switch_find_name(&sw, "3"));
    assert_non_null(pr_switch_find_name(&sw, "ge-0/0/10"));
    assert_null(pr_switch_find_name(&sw, "ge-0/0/10.0"));
    assert_null(pr_switch_find_name(&sw, "Trk1"));
    assert_null(pr_switch_find_name(&sw, "Vlan100"));
    pr_switch_free(&sw);
}

static void test_management_ports_are_not_server_ports(void **state)
{
    (void)state;
    /* Ethernet by ifType (6), but out-of-band management: not judged when
     * the operator names no port. */
    static const char *const mgmt[] = {"mgmt0", "Management1", "em0",  "me0",
                                       "fxp0",  "bme0",        "eth0", "vme"};
    static const char *const front[] = {"Ethernet1", "eth1", "ge-0/0/0",
                                        "Gi1/0/1",   "emx",  "port1.0.1"};
    struct pr_port port;
    memset(&port, 0, sizeof port);
    port.if_type = 6;
    for (size_t i = 0; i < sizeof mgmt / sizeof mgmt[0]; i++) {
        strcpy(port.name, mgmt[i]);
        assert_false(pr_port_is_physical(&port));
    }
    for (size_t i = 0; i < sizeof front / sizeof front[0]; i++) {
        strcpy(port.name, front[i]);
        assert_true(pr_port_is_physical(&port));
    }
}

static void test_bridge_port_of_aggregate_and_unit(void **state)
{
    (void)state;
    struct pr_switch sw;
    const struct survey_port named[] = {
        {"2", NULL, -1, 0}, {"3", NULL, -1, 0}, {"Trk1", NULL, -1, 0}, {"ge-0/0/10", NULL, -1, 0}};
    assert_int_equal(survey(&sw, named, 4), 0);
    /* Members of Trk1: no bridge port, no STP state, no PVID. */
    for (int i = 0; i < 2; i++) {
        const struct pr_port *member = port(&sw, i == 0 ? "2" : "3");
        assert_int_equal(member->bridge_port, 0);
        assert_false(member->facts.stp_state.known);
        assert_false(member->facts.access_vlan.known);
    }
    const struct pr_port *trunk = port(&sw, "Trk1");
    assert_int_equal(trunk->bridge_port, 54);
    assert_int_equal(trunk->facts.stp_state.value, PR_STP_FORWARDING);
    assert_int_equal(trunk->facts.access_vlan.value, 30);
    /* A unit over one port hands its bridge port down. */
    const struct pr_port *ge = port(&sw, "ge-0/0/10");
    assert_int_equal(ge->bridge_port, 5);
    assert_int_equal(ge->facts.stp_state.value, PR_STP_FORWARDING);
    assert_int_equal(ge->facts.access_vlan.value, 20);
    pr_switch_free(&sw);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_port_by_iftype),
        cmocka_unit_test(test_bridge_port_of_aggregate_and_unit),
        cmocka_unit_test(test_management_ports_are_not_server_ports),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
