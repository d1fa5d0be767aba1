/* SPDX-License-Identifier: BSD-3-Clause */
/* Juniper's SNMP quirks on stores built by hand: the internal VLAN index
 * of older Junos translated to the tag, tags left alone, legacy STP
 * overriding edge, and the MSTP CIST edge objects. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "juniper/juniper_snmp.h"

static void add_int(struct pr_snmp_store *store, const char *oid, int64_t value)
{
    uint32_t sub[PR_SNMP_OID_MAX];
    size_t len;
    assert_int_equal(pr_snmp_oid_parse(oid, sub, PR_SNMP_OID_MAX, &len, NULL), 0);
    struct pr_snmp_value v = {.type = PR_SNMP_T_INTEGER, .num = value};
    assert_int_equal(pr_snmp_store_add(store, sub, len, &v, NULL), 0);
}

static void test_pvid_index_translated_tag_kept(void **state)
{
    (void)state;
    struct pr_snmp_store store;
    pr_snmp_store_init(&store);
    /* jnxL2aldVlanTag.4 = 23 and .6 = 4004, as in the QFX5100 recording. */
    add_int(&store, "1.3.6.1.4.1.2636.3.48.1.3.1.1.3.4", 23);
    add_int(&store, "1.3.6.1.4.1.2636.3.48.1.3.1.1.3.6", 4004);
    pr_snmp_store_finish(&store);
    struct pr_switch sw;
    pr_switch_init(&sw, "ex", "x");
    struct pr_port *old_els = pr_switch_add_port(&sw, "ge-0/0/1", NULL);
    pr_fact_set(&old_els->facts.access_vlan, 4, "Q-BRIDGE-MIB dot1qPvid.513 = 4");
    struct pr_port *new_els = pr_switch_add_port(&sw, "ge-0/0/2", NULL);
    pr_fact_set(&new_els->facts.access_vlan, 4004, "Q-BRIDGE-MIB dot1qPvid.514 = 4004");
    juniper_snmp_interpret(&store, &sw);
    /* 4 is an index (tag 23) and not itself a tag: translated. */
    assert_int_equal(sw.ports[0].facts.access_vlan.value, 23);
    assert_non_null(strstr(sw.ports[0].facts.access_vlan.evidence, "jnxL2aldVlanTag.4 = 23"));
    /* 4004 is a tag: kept as it is. */
    assert_int_equal(sw.ports[1].facts.access_vlan.value, 4004);
    pr_switch_free(&sw);
    pr_snmp_store_free(&store);
}

static void test_legacy_stp_overrides_edge_and_cist_edge_read(void **state)
{
    (void)state;
    struct pr_snmp_store store;
    pr_snmp_store_init(&store);
    /* jnxMIMstForceProtocolVersion.1 = stpCompatible(0) */
    add_int(&store, "1.3.6.1.4.1.2636.3.46.1.1.3.1.24.1", 0);
    /* jnxMIMstCistPortAdminEdgeStatus.4097 = true(1) */
    add_int(&store, "1.3.6.1.4.1.2636.3.46.1.1.6.1.9.4097", 1);
    pr_snmp_store_finish(&store);
    struct pr_switch sw;
    pr_switch_init(&sw, "ex", "x");
    struct pr_port *port = pr_switch_add_port(&sw, "ge-0/0/0", NULL);
    port->bridge_port = 4097;
    port->ifindex = 513;
    juniper_snmp_interpret(&store, &sw);
    assert_int_equal(sw.stp.mode.value, PR_MODE_STP);
    /* Admin edge true, but legacy STP: Junos ignores edge. */
    assert_true(port->facts.edge.known);
    assert_int_equal(port->facts.edge.value, PR_EDGE_NO);
    assert_non_null(strstr(port->facts.edge.evidence, "ignores edge"));
    pr_switch_free(&sw);
    pr_snmp_store_free(&store);
}

static void test_object_id(void **state)
{
    (void)state;
    assert_true(juniper_snmp_object_id("1.3.6.1.4.1.2636.1.1.1.2.82"));
    assert_false(juniper_snmp_object_id("1.3.6.1.4.1.9.1.617"));
    assert_false(juniper_snmp_object_id(""));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pvid_index_translated_tag_kept),
        cmocka_unit_test(test_legacy_stp_overrides_edge_and_cist_edge_read),
        cmocka_unit_test(test_object_id),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
