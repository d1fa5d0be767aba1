/* SPDX-License-Identifier: BSD-3-Clause */
/* The generic-snmp driver's building blocks, shared with the vendor
 * drivers: they fetch their own columns in the same bulk requests
 * (generic_snmp_fetch) and add or override facts after the standard MIBs
 * have been read (generic_snmp_interpret). */
#ifndef PR_GENERIC_SNMP_H
#define PR_GENERIC_SNMP_H

#include "driver.h"
#include "snmp/mib_objects.h"
#include "snmp/store.h"

/* What the generic driver asks an agent for, in request order (static; *n
 * set to the count): the fuzz harness builds its objects from it. */
const struct pr_snmp_request *generic_snmp_requests(size_t *n);

/* Fetches every standard column and scalar the generic driver reads
 * (generic_snmp_requests), plus extra (may be NULL/0), into store. */
int generic_snmp_fetch(struct pr_snmp_source *src, const struct pr_snmp_request *extra,
                       size_t n_extra, struct pr_snmp_store *store, struct pr_error *err);

/* Fills sw from the store: system identity, one port per interface (all of
 * them; the command layer selects), link, speed, STP, edge, LACP, MAU,
 * PVID. Never fails on missing objects: they leave facts unknown, except
 * for a store with no interface at all. src is where the store came from,
 * for messages (NULL: an agent). */
int generic_snmp_interpret(struct pr_snmp_store *store, const struct pr_snmp_source *src,
                           struct pr_switch *sw, struct pr_error *err);

/* How messages say that src lacks something: "the agent answers no" for a
 * live agent (or NULL), "the recording FILE holds no" for a walk. */
void generic_snmp_lacks(const struct pr_snmp_source *src, char *buf, size_t len);

/* The parts of generic_snmp_interpret(), in the order it runs them; each
 * reads store into sw, and objects the store lacks leave facts unknown.
 *
 * IF-MIB (generic_ifmib.c): one port per interface, names, link, speed;
 * -1 only when out of memory. */
int generic_ifmib_read(struct pr_snmp_store *store, struct pr_switch *sw, struct pr_error *err);
/* BRIDGE-MIB, RSTP-MIB and the IEEE 802.1 STP MIBs (generic_bridge.c):
 * bridge ports, the switch's mode and timers, each port's state, edge and
 * PVID. */
void generic_bridge_read(struct pr_snmp_store *store, const struct pr_snmp_source *src,
                         struct pr_switch *sw);
/* IEEE8023-LAG-MIB membership and MAU-MIB negotiation and capability
 * (generic_lag_mau.c). */
void generic_lag_read(struct pr_snmp_store *store, struct pr_switch *sw);
void generic_mau_read(struct pr_snmp_store *store, struct pr_switch *sw);

/* Calls visit(port, bridge_port, arg) for every row
 * dot1dBasePortIfIndex.BRIDGE_PORT = IFINDEX of store whose ifIndex is a
 * port of sw, in OID order: the one walk of the bridge-port map, for the
 * default context and for each per-VLAN one. */
void generic_each_bridge_port(struct pr_snmp_store *store, struct pr_switch *sw,
                              void (*visit)(struct pr_port *port, uint32_t bridge_port, void *arg),
                              void *arg);

/* The port whose bridge port number is bridge_port; NULL when none. */
struct pr_port *generic_port_by_bridge_port(struct pr_switch *sw, uint32_t bridge_port);

/* "MIB object.INDEX = VALUE" evidence for a varbind. value_text may be NULL
 * (then the raw value is formatted). */
void generic_evidence(char *buf, size_t len, const struct mib_object *obj, const char *index,
                      const struct pr_snmp_varbind *vb, const char *value_text);

/* Reads an integer column at a one-arc index; false when absent or not an
 * integer. */
bool generic_column_int(struct pr_snmp_store *store, const struct mib_object *obj, uint32_t index,
                        int64_t *value, const struct pr_snmp_varbind **vb_out);

/* Sets a fact from an integer column at a one-arc index, with evidence
 * naming the value through names (may be NULL); returns true when set. */
bool generic_fact_from_column(struct pr_fact *fact, struct pr_snmp_store *store,
                              const struct mib_object *obj, uint32_t index,
                              const char *(*names)(int64_t));

#endif
