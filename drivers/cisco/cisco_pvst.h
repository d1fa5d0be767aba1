/* SPDX-License-Identifier: BSD-3-Clause */
/* PVST+ and Rapid-PVST+: the BRIDGE-MIB answers per VLAN (community@VLAN
 * or context vlan-VLAN); the bare community shows VLAN 1 only. The read
 * step fetches the context of each VLAN the ports use (cisco_pvst_fetch,
 * cisco_pvst_fetch.c); the interpreter applies them afterwards
 * (cisco_pvst_apply, cisco_pvst.c), and a VLAN that could not be read says
 * why in the STP state of its ports.
 *
 * Ownership: cisco_pvst_fetch() fills a struct cisco_vlan_reads that
 * cisco_vlan_reads_free() releases (it accepts a zeroed one). */
#ifndef PR_CISCO_PVST_H
#define PR_CISCO_PVST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model/switch.h"
#include "snmp/source.h"
#include "snmp/store.h"

/* At most this many VLAN contexts are read per switch (VLAN 1 counted). */
#define CISCO_PVST_MAX_VLANS 64

/* One VLAN's context: its bridge-port map, port states and forward delay,
 * or why it could not be read. */
struct cisco_vlan_read {
    int64_t vlan;
    struct pr_snmp_store store; /* empty when not read */
    struct pr_error error;      /* PR_OK when read */
};

struct cisco_vlan_reads {
    struct cisco_vlan_read *vlan; /* n of them, in the order asked */
    size_t n;
};

/* Whether a switch of this STP mode runs one spanning tree per VLAN. */
static inline bool cisco_pvst_mode(const struct pr_fact *mode)
{
    return mode->known && (mode->value == PR_MODE_PVST || mode->value == PR_MODE_RAPID_PVST);
}

/* The VLANs whose context the switch's spanning tree needs: under PVST+ or
 * Rapid-PVST+ (stpxSpanningTreeType), the access or native VLAN of each
 * physical port, each once, VLAN 1 (the default context) left out. store
 * is the default context, which the generic interpreter has read into sw.
 * Returns how many were written to vlans (at most max). */
size_t cisco_pvst_vlans(struct pr_snmp_store *store, const struct pr_switch *sw, int64_t *vlans,
                        size_t max);

/* Reads from src the context of each VLAN cisco_pvst_vlans() names into
 * *out. A VLAN that cannot be read keeps its error; after a timeout the
 * VLANs left are not asked (an agent that does not answer one VLAN
 * context will not answer the next) and say so. Returns -1 only when out
 * of memory. */
int cisco_pvst_fetch(struct pr_snmp_source *src, struct pr_snmp_store *store,
                     const struct pr_switch *sw, struct cisco_vlan_reads *out,
                     struct pr_error *err);

/* Under PVST+ or Rapid-PVST+ (sw->stp.mode), the STP state of each port
 * from its VLAN's context (a port whose VLAN was not read: unknown, with
 * the reason), the bridge port of ports the default context does not map,
 * and the forward delay when the default context did not give it. vlans
 * may be NULL (none read). */
void cisco_pvst_apply(struct cisco_vlan_reads *vlans, struct pr_switch *sw);

void cisco_vlan_reads_free(struct cisco_vlan_reads *reads);

/* What each VLAN context is asked for, in request order (static; *n set to
 * the count). */
const struct pr_snmp_request *cisco_pvst_requests(size_t *n);

#endif
