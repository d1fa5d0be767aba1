/* SPDX-License-Identifier: BSD-3-Clause */
/* libFuzzer harness for varbind interpretation: the bytes describe a set of
 * varbinds, each under one of the objects the drivers ask for, with any
 * index, any type and any value (what a broken or hostile agent may
 * answer). The objects are the drivers' own request tables (generic, Cisco
 * default and per-VLAN contexts, Juniper, Aruba, Ruckus, FASTPATH, in that
 * order, each OID once), so an object a driver starts asking for is fuzzed
 * from then on. The generic interpreter reads the store; the Cisco,
 * Juniper, Aruba, Ruckus and FASTPATH interpreters add their part on top (each on a switch of its
 * own, Cisco with the same store as every PVST+ VLAN context it asks for, every other one failed);
 * then the roles are decided, the uplinks left out, every other port
 * selected and judged, and every fix snippet and the fix block written.
 *
 * Record layout (repeated until the bytes run out):
 *   byte 0   which object (index into the objects as ordered above, modulo
 *            their number)
 *   byte 1   high nibble: number of index arcs (0..5, modulo 6: LLDP-V2-MIB
 *            rows have 4);
 *            low nibble: which type (index into types[], modulo its size)
 *   arcs     one byte each; 0xff is followed by 4 bytes (a large arc)
 *   value    integers: one byte k, k < 0xf0 gives k - 2, else 8 bytes;
 *            strings (OCTET STRING, Opaque, IpAddress): a length byte and
 *            the bytes; OID: a count byte (modulo PR_SNMP_OID_MAX + 8) and one
 *            byte per arc; NULL and exceptions: nothing.
 * tests/fuzz/varbind_seed.py writes seeds in this layout. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "aruba/aruba_snmp.h"
#include "fastpath/fastpath_snmp.h"
#include "ruckus/ruckus_snmp.h"
#include "cisco/cisco_pvst.h"
#include "cisco/cisco_snmp.h"
#include "core/roles.h"
#include "core/survey.h"
#include "generic-snmp/generic_snmp.h"
#include "juniper/juniper_snmp.h"
#include "rules/rules.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_OBJECTS 256

/* The OIDs the drivers ask for, each once: built on the first input. */
static const struct pr_snmp_request *objects[MAX_OBJECTS];
static size_t n_objects;

static void add_objects(const struct pr_snmp_request *req, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        bool seen = false;
        for (size_t k = 0; k < n_objects && !seen; k++)
            seen =
                pr_snmp_oid_compare(objects[k]->oid, objects[k]->len, req[i].oid, req[i].len) == 0;
        if (seen)
            continue;
        if (n_objects == MAX_OBJECTS)
            abort(); /* never drop an object silently: raise MAX_OBJECTS */
        objects[n_objects++] = &req[i];
    }
}

static void build_objects(void)
{
    const struct pr_snmp_request *(*const tables[])(size_t *) = {
        generic_snmp_requests, cisco_snmp_requests,  cisco_pvst_requests,    juniper_snmp_requests,
        aruba_snmp_requests,   ruckus_snmp_requests, fastpath_snmp_requests,
    };
    for (size_t t = 0; t < sizeof tables / sizeof tables[0]; t++) {
        size_t n;
        const struct pr_snmp_request *req = tables[t](&n);
        add_objects(req, n);
    }
}

static const enum pr_snmp_type types[] = {
    PR_SNMP_T_INTEGER,      PR_SNMP_T_OCTETS,    PR_SNMP_T_NULL,         PR_SNMP_T_OID,
    PR_SNMP_T_IPADDR,       PR_SNMP_T_COUNTER32, PR_SNMP_T_GAUGE32,      PR_SNMP_T_TIMETICKS,
    PR_SNMP_T_OPAQUE,       PR_SNMP_T_COUNTER64, PR_SNMP_T_NOSUCHOBJECT, PR_SNMP_T_NOSUCHINSTANCE,
    PR_SNMP_T_ENDOFMIBVIEW,
};
#define N_TYPES (sizeof types / sizeof types[0])

struct cursor {
    const uint8_t *p;
    size_t left;
};

static uint8_t take_byte(struct cursor *c)
{
    if (c->left == 0)
        return 0;
    c->left--;
    return *c->p++;
}

static uint64_t take_bytes(struct cursor *c, size_t n)
{
    uint64_t v = 0;
    for (size_t i = 0; i < n; i++)
        v = v << 8 | take_byte(c);
    return v;
}

/* One record into store; false when the bytes ran out. */
static bool take_varbind(struct cursor *c, struct pr_snmp_store *store)
{
    if (c->left < 2)
        return false;
    const struct pr_snmp_request *obj = objects[take_byte(c) % n_objects];
    uint8_t shape = take_byte(c);
    size_t arcs = (shape >> 4) % 6;
    enum pr_snmp_type type = types[(shape & 0x0f) % N_TYPES];

    uint32_t name[PR_SNMP_OID_MAX];
    memcpy(name, obj->oid, obj->len * sizeof *name);
    size_t name_len = obj->len;
    for (size_t i = 0; i < arcs; i++) {
        uint8_t arc = take_byte(c);
        name[name_len++] = arc == 0xff ? (uint32_t)take_bytes(c, 4) : arc;
    }

    struct pr_snmp_value v = {.type = type};
    uint8_t bytes[256];
    uint32_t oid[PR_SNMP_OID_MAX + 8];
    switch (type) {
    case PR_SNMP_T_INTEGER:
    case PR_SNMP_T_COUNTER32:
    case PR_SNMP_T_GAUGE32:
    case PR_SNMP_T_TIMETICKS:
    case PR_SNMP_T_COUNTER64: {
        uint8_t k = take_byte(c);
        v.num = k < 0xf0 ? (int64_t)k - 2 : (int64_t)take_bytes(c, 8);
        break;
    }
    case PR_SNMP_T_OCTETS:
    case PR_SNMP_T_OPAQUE:
    case PR_SNMP_T_IPADDR:
        v.len = take_byte(c);
        for (size_t i = 0; i < v.len; i++)
            bytes[i] = take_byte(c);
        v.bytes = bytes;
        break;
    case PR_SNMP_T_OID:
        v.oid_len = take_byte(c) % (PR_SNMP_OID_MAX + 8);
        if (v.oid_len > PR_SNMP_OID_MAX)
            v.oid_len = PR_SNMP_OID_MAX;
        for (size_t i = 0; i < v.oid_len; i++)
            oid[i] = take_byte(c);
        v.oid = oid;
        break;
    default:
        break;
    }
    struct pr_error err = {0};
    pr_snmp_store_add(store, name, name_len, &v, &err);
    return true;
}

/* Decides the roles, leaves the uplinks out, selects every other physical
 * port, judges them and writes every fix and the switch's block, as a
 * survey does. */
static void judge(struct pr_switch *sw, const struct pr_driver *drv)
{
    struct pr_error err = {0};
    pr_switch_lag_inherit_stp(sw); /* as the core does after each read */
    roles_assign(sw);
    roles_leave_out_uplinks(sw);
    survey_select_ports(sw, NULL, 0, 100, &err);
    rules_judge_switch(sw);
    survey_write_fixes(drv, sw);
}

/* The VLAN contexts the Cisco read step would ask for, answered from store
 * (its objects of the per-VLAN requests) for every other VLAN, failed for
 * the rest. */
static void fake_vlan_reads(struct pr_snmp_store *store, const struct pr_switch *sw,
                            struct cisco_vlan_reads *reads)
{
    int64_t vlans[CISCO_PVST_MAX_VLANS];
    size_t n = cisco_pvst_vlans(store, sw, vlans, CISCO_PVST_MAX_VLANS);
    reads->n = 0;
    reads->vlan = n > 0 ? calloc(n, sizeof *reads->vlan) : NULL;
    if (reads->vlan == NULL)
        return;
    reads->n = n;
    size_t n_req;
    const struct pr_snmp_request *req = cisco_pvst_requests(&n_req);
    for (size_t k = 0; k < n; k++) {
        struct cisco_vlan_read *read = &reads->vlan[k];
        read->vlan = vlans[k];
        pr_snmp_store_init(&read->store);
        if (k % 2 == 1) {
            pr_error_set(&read->error, PR_ERR_TIMEOUT, "fuzz: VLAN %lld not answered",
                         (long long)vlans[k]);
            continue;
        }
        for (size_t i = 0; i < n_req; i++) {
            const struct pr_snmp_varbind *vb;
            if (!req[i].scalar)
                pr_snmp_store_copy_subtree(&read->store, store, req[i].oid, req[i].len,
                                           &read->error);
            else if ((vb = pr_snmp_store_get(store, req[i].oid, req[i].len)) != NULL)
                pr_snmp_store_add(&read->store, vb->name, vb->name_len, &vb->value, &read->error);
        }
        pr_error_clear(&read->error);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (n_objects == 0)
        build_objects();
    if (size > 1 << 16)
        return 0;
    struct pr_snmp_store store;
    pr_snmp_store_init(&store);
    struct cursor c = {data, size};
    while (take_varbind(&c, &store))
        ;
    pr_snmp_store_finish(&store);

    struct pr_error err = {0};
    struct pr_switch generic, cisco, juniper, aruba;
    pr_switch_init(&generic, "fuzz", "fuzz");
    pr_switch_init(&cisco, "fuzz", "fuzz");
    pr_switch_init(&juniper, "fuzz", "fuzz");
    pr_switch_init(&aruba, "fuzz", "fuzz");
    if (generic_snmp_interpret(&store, NULL, &generic, &err) == 0)
        judge(&generic, &pr_driver_generic_snmp);
    if (generic_snmp_interpret(&store, NULL, &cisco, &err) == 0) {
        struct cisco_vlan_reads vlans = {0};
        fake_vlan_reads(&store, &cisco, &vlans);
        cisco_snmp_interpret(&store, &vlans, &cisco);
        cisco_vlan_reads_free(&vlans);
        judge(&cisco, &pr_driver_cisco);
    }
    if (generic_snmp_interpret(&store, NULL, &juniper, &err) == 0) {
        juniper_snmp_interpret(&store, &juniper);
        judge(&juniper, &pr_driver_juniper);
    }
    if (generic_snmp_interpret(&store, NULL, &aruba, &err) == 0) {
        aruba_snmp_interpret(&store, &aruba);
        judge(&aruba, &pr_driver_aruba);
    }
    pr_switch_free(&generic);
    pr_switch_free(&cisco);
    pr_switch_free(&juniper);
    pr_switch_free(&aruba);
    struct pr_switch ruckus;
    pr_switch_init(&ruckus, "fuzz", "fuzz");
    if (generic_snmp_interpret(&store, NULL, &ruckus, &err) == 0) {
        ruckus_snmp_interpret(&store, &ruckus);
        judge(&ruckus, &pr_driver_ruckus);
    }
    pr_switch_free(&ruckus);
    struct pr_switch fastpath;
    pr_switch_init(&fastpath, "fuzz", "fuzz");
    if (generic_snmp_interpret(&store, NULL, &fastpath, &err) == 0) {
        fastpath_snmp_interpret(&store, &fastpath);
        judge(&fastpath, &pr_driver_fastpath);
    }
    pr_switch_free(&fastpath);
    pr_snmp_store_free(&store);
    return 0;
}
