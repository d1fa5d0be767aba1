/* SPDX-License-Identifier: BSD-3-Clause */
/* libFuzzer harness for varbind interpretation: the bytes describe a set of
 * varbinds, each under one of the columns or scalars the generic, Cisco and
 * Juniper drivers read, with any index, any type and any value (what a
 * broken or hostile agent may answer). The generic interpreter reads the
 * store; the Cisco and the Juniper interpreters add their part on top (each
 * on a switch of its own); then every port is selected, judged, and every
 * fix snippet written.
 *
 * Record layout (repeated until the bytes run out):
 *   byte 0   which object (index into objects[], modulo its size)
 *   byte 1   high nibble: number of index arcs (0..3, modulo 4);
 *            low nibble: which type (index into types[], modulo its size)
 *   arcs     one byte each; 0xff is followed by 4 bytes (a large arc)
 *   value    integers: one byte k, k < 0xf0 gives k - 2, else 8 bytes;
 *            strings (OCTET STRING, Opaque, IpAddress): a length byte and
 *            the bytes; OID: a count byte (modulo PR_SNMP_OID_MAX + 8) and one
 *            byte per arc; NULL and exceptions: nothing. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "cisco/cisco_mib.h"
#include "cisco/cisco_snmp.h"
#include "core/survey.h"
#include "generic-snmp/generic_snmp.h"
#include "juniper/juniper_snmp.h"
#include "rules/rules.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Juniper's private objects (drivers/juniper/juniper_snmp.c). */
MIB_OBJECT(FUZZ_JNX_VLAN_TAG, "J", "jnxL2aldVlanTag", 1, 3, 6, 1, 4, 1, 2636, 3, 48, 1, 3, 1, 1, 3);
MIB_OBJECT(FUZZ_JNX_MST_VERSION, "J", "jnxMIMstForceProtocolVersion", 1, 3, 6, 1, 4, 1, 2636, 3, 46,
           1, 1, 3, 1, 24);
MIB_OBJECT(FUZZ_JNX_ADMIN_EDGE, "J", "jnxMIMstCistPortAdminEdgeStatus", 1, 3, 6, 1, 4, 1, 2636, 3,
           46, 1, 1, 6, 1, 9);
MIB_OBJECT(FUZZ_JNX_OPER_EDGE, "J", "jnxMIMstCistPortOperEdgeStatus", 1, 3, 6, 1, 4, 1, 2636, 3, 46,
           1, 1, 6, 1, 10);
/* Under ifTable: ifIndex itself (the generic driver keys ports on it). */
MIB_OBJECT(FUZZ_IF_INDEX, "IF-MIB", "ifIndex", 1, 3, 6, 1, 2, 1, 2, 2, 1, 1);

static const struct mib_object *const objects[] = {
    /* generic scalars */
    &MIB_SYS_DESCR,
    &MIB_SYS_OBJECT_ID,
    &MIB_SYS_UPTIME,
    &MIB_SYS_NAME,
    &MIB_STP_PROTOCOL_SPEC,
    &MIB_STP_MAX_AGE,
    &MIB_STP_FORWARD_DELAY,
    &MIB_STP_VERSION,
    /* generic columns */
    &FUZZ_IF_INDEX,
    &MIB_IF_DESCR,
    &MIB_IF_TYPE,
    &MIB_IF_SPEED,
    &MIB_IF_ADMIN_STATUS,
    &MIB_IF_OPER_STATUS,
    &MIB_IF_NAME,
    &MIB_IF_HIGH_SPEED,
    &MIB_IF_CONNECTOR_PRESENT,
    &MIB_IF_ALIAS,
    &MIB_IF_STACK_STATUS,
    &MIB_BASE_PORT_IFINDEX,
    &MIB_STP_PORT_STATE,
    &MIB_STP_PORT_ENABLE,
    &MIB_STP_ADMIN_EDGE,
    &MIB_STP_OPER_EDGE,
    &MIB_IEEE_STP_VERSION,
    &MIB_IEEE_RSTP_ADMIN_EDGE,
    &MIB_IEEE_RSTP_OPER_EDGE,
    &MIB_IEEE_AUTO_EDGE,
    &MIB_MSTP_CIST_ADMIN_EDGE,
    &MIB_MSTP_CIST_OPER_EDGE,
    &MIB_LAG_SELECTED_AGG,
    &MIB_LAG_ATTACHED_AGG,
    &MIB_LAG_ACTOR_OPER_STATE,
    &MIB_MAU_TYPE,
    &MIB_MAU_DEFAULT_TYPE,
    &MIB_MAU_TYPE_LIST_BITS,
    &MIB_MAU_AUTONEG_ADMIN,
    &MIB_DOT1Q_PVID,
    /* Cisco */
    &MIB_STPX_TYPE,
    &MIB_STPX_BPDU_GUARD_GLOBAL,
    &MIB_STPX_FAST_START_DEFAULT,
    &MIB_STPX_FAST_START_MODE,
    &MIB_STPX_BPDU_GUARD_MODE,
    &MIB_STACK_PORT_IFINDEX,
    &MIB_STACK_FAST_START,
    &MIB_VM_VLAN,
    &MIB_TRUNK_NATIVE_VLAN,
    &MIB_TRUNK_DYNAMIC_STATUS,
    &MIB_ERR_DISABLE_CAUSE,
    &MIB_ERR_DISABLE_GLOBALS,
    /* Juniper */
    &FUZZ_JNX_VLAN_TAG,
    &FUZZ_JNX_MST_VERSION,
    &FUZZ_JNX_ADMIN_EDGE,
    &FUZZ_JNX_OPER_EDGE,
};
#define N_OBJECTS (sizeof objects / sizeof objects[0])

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
    const struct mib_object *obj = objects[take_byte(c) % N_OBJECTS];
    uint8_t shape = take_byte(c);
    size_t arcs = (shape >> 4) % 4;
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

/* Selects every physical port, judges them and writes every fix. */
static void judge(struct pr_switch *sw, const struct pr_driver *drv)
{
    struct pr_error err = {0};
    survey_select_ports(sw, NULL, 0, 100, &err);
    rules_judge_switch(sw);
    for (size_t i = 0; i < sw->n_ports; i++) {
        struct pr_port *port = &sw->ports[i];
        for (size_t k = 0; k < port->n_findings; k++)
            drv->snippet(sw, port, &port->findings[k], port->findings[k].fix,
                         sizeof port->findings[k].fix);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 1 << 16)
        return 0;
    struct pr_snmp_store store;
    pr_snmp_store_init(&store);
    struct cursor c = {data, size};
    while (take_varbind(&c, &store))
        ;
    pr_snmp_store_finish(&store);

    struct pr_error err = {0};
    struct pr_switch generic, cisco, juniper;
    pr_switch_init(&generic, "fuzz", "fuzz");
    pr_switch_init(&cisco, "fuzz", "fuzz");
    pr_switch_init(&juniper, "fuzz", "fuzz");
    if (generic_snmp_interpret(&store, &generic, &err) == 0)
        judge(&generic, &pr_driver_generic_snmp);
    if (generic_snmp_interpret(&store, &cisco, &err) == 0) {
        cisco_snmp_interpret(&store, NULL, &cisco);
        judge(&cisco, &pr_driver_cisco);
    }
    if (generic_snmp_interpret(&store, &juniper, &err) == 0) {
        juniper_snmp_interpret(&store, &juniper);
        judge(&juniper, &pr_driver_juniper);
    }
    pr_switch_free(&generic);
    pr_switch_free(&cisco);
    pr_switch_free(&juniper);
    pr_snmp_store_free(&store);
    return 0;
}
