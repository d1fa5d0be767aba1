/* SPDX-License-Identifier: BSD-3-Clause */
/* Which count tells the rows of which table (live_rows.h). */
#include "snmp/live_rows.h"

#include <stdbool.h>

#include "snmp/store.h"

#define LEN(a) (sizeof(a) / sizeof((a)[0]))

/* IF-MIB (RFC 2863) ifNumber: the interfaces, one ifTable row each; ifXTable
 * augments ifTable (one row per ifTable row). */
static const uint32_t if_number[] = {1, 3, 6, 1, 2, 1, 2, 1, 0};
static const uint32_t if_entry[] = {1, 3, 6, 1, 2, 1, 2, 2, 1};
static const uint32_t ifx_entry[] = {1, 3, 6, 1, 2, 1, 31, 1, 1, 1};
/* BRIDGE-MIB (RFC 4188) dot1dBaseNumPorts: the bridge's ports, one row
 * each of dot1dBasePortTable and dot1dStpPortTable; RSTP-MIB (RFC 4318)
 * dot1dStpExtPortTable and Q-BRIDGE-MIB (RFC 4363) dot1qPortVlanTable are
 * indexed by the same dot1dBasePort. */
static const uint32_t base_num_ports[] = {1, 3, 6, 1, 2, 1, 17, 1, 2, 0};
static const uint32_t base_port_entry[] = {1, 3, 6, 1, 2, 1, 17, 1, 4, 1};
static const uint32_t stp_port_entry[] = {1, 3, 6, 1, 2, 1, 17, 2, 15, 1};
static const uint32_t stp_ext_port_entry[] = {1, 3, 6, 1, 2, 1, 17, 2, 19, 1};
static const uint32_t port_vlan_entry[] = {1, 3, 6, 1, 2, 1, 17, 7, 1, 4, 5, 1};

struct entry {
    const uint32_t *oid;
    size_t len;
    size_t count; /* index into struct live_counts */
};

static const struct entry entries[] = {
    {if_entry, LEN(if_entry), 0},
    {ifx_entry, LEN(ifx_entry), 0},
    {base_port_entry, LEN(base_port_entry), 1},
    {stp_port_entry, LEN(stp_port_entry), 1},
    {stp_ext_port_entry, LEN(stp_ext_port_entry), 1},
    {port_vlan_entry, LEN(port_vlan_entry), 1},
};

const uint32_t *live_count_oid(size_t i, size_t *len)
{
    if (i == 0) {
        *len = LEN(if_number);
        return if_number;
    }
    *len = LEN(base_num_ports);
    return base_num_ports;
}

size_t live_counts_rows(const struct live_counts *c, const uint32_t *prefix, size_t prefix_len)
{
    for (size_t i = 0; i < LEN(entries); i++) {
        /* A column of the entry: the entry's OID and one arc more. */
        if (prefix_len == entries[i].len + 1 &&
            pr_snmp_oid_has_prefix(prefix, prefix_len, entries[i].oid, entries[i].len))
            return c->rows[entries[i].count];
    }
    return 0;
}
