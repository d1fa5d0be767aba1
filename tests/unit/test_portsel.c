/* SPDX-License-Identifier: BSD-3-Clause */
/* PORT operands: what portsel_match_port() takes a name to mean, and
 * survey_select_ports() built on it (case-folded names, the closest names
 * when nothing matches). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/portsel.h"
#include "core/survey.h"

static void test_match_port(void **state)
{
    (void)state;
    assert_int_equal(portsel_match_port("Gi1/0/1", "Gi1/0/1", "GigabitEthernet1/0/1", 10101),
                     PORTSEL_BY_NAME);
    assert_int_equal(
        portsel_match_port("GigabitEthernet1/0/1", "Gi1/0/1", "GigabitEthernet1/0/1", 10101),
        PORTSEL_BY_DESCR);
    assert_int_equal(portsel_match_port("10101", "Gi1/0/1", NULL, 10101), PORTSEL_BY_IFINDEX);
    /* A name that is a number: the ifIndex is the stronger reading. */
    assert_int_equal(portsel_match_port("7", "7", NULL, 7), PORTSEL_BY_IFINDEX);
    assert_int_equal(portsel_match_port("7", "7", NULL, 12), PORTSEL_BY_NAME);
    /* Exact only; unknown identifiers match nothing. */
    assert_int_equal(portsel_match_port("gi1/0/1", "Gi1/0/1", NULL, 10101), PORTSEL_NO_MATCH);
    assert_int_equal(portsel_match_port("0", "Gi1/0/1", NULL, 0), PORTSEL_NO_MATCH);
    assert_int_equal(portsel_match_port("10101", NULL, NULL, 0), PORTSEL_NO_MATCH);
    assert_int_equal(portsel_match_port("x", NULL, "", 3), PORTSEL_NO_MATCH);
}

static void add_port(struct pr_switch *sw, const char *name, const char *descr, uint32_t ifindex)
{
    struct pr_error err;
    struct pr_port *port = pr_switch_add_port(sw, name, &err);
    assert_non_null(port);
    strcpy(port->descr, descr);
    port->ifindex = ifindex;
    port->if_type = 6; /* ethernetCsmacd */
}

static void test_select_ports(void **state)
{
    (void)state;
    struct pr_switch sw;
    pr_switch_init(&sw, "sw1", "127.0.0.1");
    add_port(&sw, "ge-0/0/1", "", 501);
    add_port(&sw, "ge-0/0/2", "", 502);
    add_port(&sw, "ge-0/0/10", "", 510);
    const struct survey_port ports[] = {
        {.name = "GE-0/0/2", .expect_vlan = -1}, /* case differs: still that port */
        {.name = "501", .expect_vlan = 100},
        {.name = "ge-0/0/3", .expect_vlan = -1},
    };
    struct pr_error err;
    pr_error_clear(&err);
    /* A name that matches nothing is a port error of the switch, not a
     * failure: the others are kept. */
    assert_int_equal(survey_select_ports(&sw, ports, 3, -1, &err), 0);
    assert_int_equal(err.code, PR_OK);
    assert_int_equal(sw.n_port_errors, 1);
    assert_string_equal(sw.port_errors[0], "no port 'ge-0/0/3' on sw1; closest: ge-0/0/1, "
                                           "ge-0/0/2, ge-0/0/10");
    assert_int_equal(sw.unchecked, 1);
    assert_int_equal(sw.n_ports, 2);
    assert_string_equal(sw.ports[0].name, "ge-0/0/2");
    assert_string_equal(sw.ports[1].name, "ge-0/0/1");
    assert_int_equal(sw.ports[1].expect_vlan, 100);
    pr_switch_free(&sw);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_match_port),
        cmocka_unit_test(test_select_ports),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
