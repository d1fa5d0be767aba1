/* SPDX-License-Identifier: BSD-3-Clause */
/* The driver table: every driver has every op, is found by its name, and
 * the NETCONF probes are exactly the drivers that have a filter. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "driver.h"

static bool is_probe(const struct pr_driver *drv)
{
    const struct pr_driver *const *probes = pr_driver_netconf_probes();
    for (size_t i = 0; probes[i] != NULL; i++) {
        if (probes[i] == drv)
            return true;
    }
    return false;
}

static void test_every_driver_complete(void **state)
{
    (void)state;
    const struct pr_driver *const *table = pr_driver_table();
    char names[160], expected[160] = "";
    pr_driver_names(names, sizeof names);
    for (size_t i = 0; table[i] != NULL; i++) {
        const struct pr_driver *drv = table[i];
        assert_non_null(drv->name);
        assert_ptr_equal(pr_driver_find(drv->name), drv);
        if (i > 0)
            strcat(expected, ", ");
        strcat(expected, drv->name);
        assert_non_null(drv->match);
        assert_non_null(drv->read_snmp);
        assert_non_null(drv->read_config);
        assert_non_null(drv->names_match);
        assert_non_null(drv->snippet);
        assert_int_equal(drv->netconf_filter != NULL, is_probe(drv));
    }
    assert_string_equal(names, expected);
    assert_non_null(strstr(names, "generic-snmp"));
    assert_null(pr_driver_find("auto"));
    assert_null(pr_driver_find("nonsense"));
}

static void test_names_match(void **state)
{
    (void)state;
    assert_true(pr_driver_juniper.names_match("ge-0/0/1", "GE-0/0/1"));
    assert_false(pr_driver_juniper.names_match("ge-0/0/1", "ge-0/0/1.0"));
    assert_true(pr_driver_cisco.names_match("Gi1/0/1", "GigabitEthernet1/0/1"));
    assert_false(pr_driver_generic_snmp.names_match("Gi1/0/1", "GigabitEthernet1/0/1"));
}

static void test_generic_reads_no_configuration(void **state)
{
    (void)state;
    struct pr_switch sw;
    pr_switch_init(&sw, "sw", "f");
    const char *text = "interface GigabitEthernet1/0/1\n";
    struct pr_config_text config = {
        .text = text, .len = strlen(text), .origin = "f", .kind = "config"};
    struct pr_error err = {0};
    assert_int_equal(pr_driver_generic_snmp.read_config(&config, &sw, &err), -1);
    assert_int_equal(err.code, PR_ERR_UNSUPPORTED);
    assert_int_equal(sw.n_ports, 0);
    pr_switch_free(&sw);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_driver_complete),
        cmocka_unit_test(test_names_match),
        cmocka_unit_test(test_generic_reads_no_configuration),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
