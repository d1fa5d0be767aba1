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
 * (generic_lag_mau.c). A member's spanning-tree facts are not yet its
 * aggregate's: the core hands them over once the driver has read its
 * vendor objects too (pr_switch_lag_inherit_stp, model/switch.h), so an
 * edge only a vendor MIB gives the aggregate reaches its members. */
void generic_lag_read(struct pr_snmp_store *store, struct pr_switch *sw);
void generic_mau_read(struct pr_snmp_store *store, struct pr_switch *sw);

/* Role signals (model/role.h) from the standard MIBs: LLDP neighbours
 * (generic_lldp.c; LLDP-MIB and LLDP-V2-MIB) and the spanning tree
 * (generic_stp_roles.c): the root port, a blocked port whose designated
 * bridge is another bridge, the MSTP CIST port role. They read only the
 * store (IF-MIB names and the bridge-port map already in sw), so a reader
 * that fetches just these objects (a forwarding-table lookup, say) gets the
 * same signals. context names the spanning tree read ("VLAN 100") in the
 * evidence; NULL for the default one. */
void generic_lldp_read(struct pr_snmp_store *store, struct pr_switch *sw);
void generic_stp_roles_read(struct pr_snmp_store *store, struct pr_switch *sw, const char *context);

/* LLDP system capabilities (LldpSystemCapabilitiesMap, BITS) as a mask
 * with bit N the capability N (bridge 2, router 4, stationOnly 7): the
 * bytes as agents send them, or net-snmp's text of BITS that recordings
 * keep ("28 2 4"; *text_form set). false when the value is not an OCTET
 * STRING. */
bool generic_lldp_caps(const struct pr_snmp_value *value, unsigned *caps, bool *text_form);

/* "bridge, router" for a capability mask; "none" for 0. */
void generic_lldp_caps_names(unsigned caps, char *buf, size_t len);

/* Copies an OCTET STRING as text fit for a terminal (util/safe_text.h:
 * UTF-8 kept, control characters and invalid bytes become '?'),
 * trailing NULs and blanks are dropped; "" for NULL or another type. */
void generic_copy_octets(char *dst, size_t dst_len, const struct pr_snmp_varbind *vb);

/* Calls visit(port, bridge_port, arg) for every row
 * dot1dBasePortIfIndex.BRIDGE_PORT = IFINDEX of store whose ifIndex is a
 * port of sw, in OID order: the one walk of the bridge-port map, for the
 * default context and for each per-VLAN one. */
void generic_each_bridge_port(struct pr_snmp_store *store, struct pr_switch *sw,
                              void (*visit)(struct pr_port *port, uint32_t bridge_port, void *arg),
                              void *arg);

/* The port whose bridge port number is bridge_port; NULL when none. */
struct pr_port *generic_port_by_bridge_port(struct pr_switch *sw, uint32_t bridge_port);

/* Marks fact unknown because vb, answered for obj.INDEX, holds a value the
 * object cannot take: "MIB object.INDEX = VALUE: not WANTED, ignored", or
 * with wanted NULL "...: not a value MIB defines for object, ignored". */
void generic_impossible(struct pr_fact *fact, const struct mib_object *obj, const char *index,
                        const struct pr_snmp_varbind *vb, const char *wanted);

/* "MIB object.INDEX = VALUE" evidence for a varbind. value_text may be NULL
 * (then the raw value is formatted); with value_text, a number sent as
 * another type than INTEGER says so ("(sent as Counter64, not INTEGER)"). */
void generic_evidence(char *buf, size_t len, const struct mib_object *obj, const char *index,
                      const struct pr_snmp_varbind *vb, const char *value_text);

/* A two-valued column (TruthValue, enable/disable) answered as vb at
 * obj.INDEX: the fact 1 for value 1 (true_name), 0 for value 2
 * (false_name), true. false when vb is NULL, and when it holds anything
 * else: then the fact is unknown with evidence saying so. */
bool generic_truth_fact(struct pr_fact *fact, const struct mib_object *obj, const char *index,
                        const struct pr_snmp_varbind *vb, const char *true_name,
                        const char *false_name);

/* Reads an integer scalar (obj.0); false when obj is NULL, the scalar
 * absent or not an integer. *vb_out gets its varbind. */
bool generic_scalar_int(struct pr_snmp_store *store, const struct mib_object *obj, int64_t *value,
                        const struct pr_snmp_varbind **vb_out);

/* Reads an integer column at a one-arc index; false when absent or not an
 * integer. */
bool generic_column_int(struct pr_snmp_store *store, const struct mib_object *obj, uint32_t index,
                        int64_t *value, const struct pr_snmp_varbind **vb_out);

/* Sets a fact from an integer column at a one-arc index, with evidence
 * naming the value through names (may be NULL); returns true when set.
 * A number names() calls pr_enum_invalid leaves the fact unknown with
 * evidence saying so (generic_impossible) and returns false. */
bool generic_fact_from_column(struct pr_fact *fact, struct pr_snmp_store *store,
                              const struct mib_object *obj, uint32_t index,
                              const char *(*names)(int64_t));

/* The forwarding table (generic_fdb.c; model/fdb.h). generic_fdb_read
 * walks the port column of the forwarding table in context (NULL: the
 * default one: Q-BRIDGE-MIB's, with its VLAN-to-FDB map, else BRIDGE-MIB's;
 * a VLAN's context: BRIDGE-MIB's) with the bridge-port map, plus extra (at
 * most 8), into store (the caller's, which holds the extra objects after),
 * adds the rows of fdb->want to fdb (generic_fdb_interpret), then asks one
 * GET for those rows' status. The VLAN is context_vlan when it is not -1
 * (context_label, e.g. "VLAN 20's context", in the evidence), else the VLAN
 * dot1qVlanFdbId maps the FDB id to, else the FDB id itself
 * (vlan_is_fdb_id). generic_read_fdb is that for the default context: the
 * generic driver's read_fdb. */
int generic_fdb_read(struct pr_snmp_source *src, const char *context, int64_t context_vlan,
                     const char *context_label, const struct pr_snmp_request *extra, size_t n_extra,
                     struct pr_snmp_store *store, struct pr_fdb *fdb, struct pr_error *err);
int generic_fdb_interpret(struct pr_snmp_store *store, int64_t context_vlan,
                          const char *context_label, struct pr_fdb *fdb, struct pr_error *err);
int generic_read_fdb(struct pr_snmp_source *src, struct pr_fdb *fdb, struct pr_error *err);

/* A vendor's MSTP group of the common shape (HUAWEI-MSTP-MIB,
 * HH3C-LswMSTP-MIB): a scalar enabled(1)/disabled(2) for the whole bridge,
 * a scalar force version stp(0)/rstp(2)/mstp(3), and per-port columns
 * indexed by instance and bridge port. The column objects' OIDs end in the
 * CIST's instance arc (0), so one more arc is the bridge port. */
struct generic_vendor_stp {
    const struct mib_object *status;      /* scalar, may be NULL */
    const struct mib_object *version;     /* scalar, may be NULL */
    const struct mib_object *edge;        /* column at instance 0 */
    int edge_yes;                         /* the edge column's value for an edge port */
    int edge_auto;                        /* its value for edge detection; -1: none */
    const char *const *edge_names;        /* names of values 0..3 ("" none) */
    const struct mib_object *port_status; /* column at instance 0: enabled(1)/disabled(2) */
    /* The vendor's further objects, read last (may be NULL). */
    void (*read_more)(struct pr_snmp_store *store, struct pr_switch *sw);
};

/* A value of a vendor's force-version scalar: its name and the mode it
 * means. */
struct generic_stp_version {
    int64_t value;
    const char *name;
    int mode;
};

/* The switch-wide part of a vendor spanning-tree group: status at
 * status_off (named off_name) turns spanning tree off on the whole switch,
 * whatever the standard MIBs said; else, where they left the mode unsaid,
 * version's value among versions[n] gives it. status and version may be
 * NULL. */
void generic_vendor_stp_mode(struct pr_snmp_store *store, struct pr_switch *sw,
                             const struct mib_object *status, int64_t status_off,
                             const char *off_name, const struct mib_object *version,
                             const struct generic_stp_version *versions, size_t n);

/* Reads those objects from store into sw, where the standard MIBs left the
 * switch's mode or a port's edge unsaid; the bridge's disabled(2) and a
 * port's disabled(2) override what the standard MIBs said. */
void generic_vendor_stp_read(struct pr_snmp_store *store, struct pr_switch *sw,
                             const struct generic_vendor_stp *v);

/* A driver's read_snmp() for a vendor group of that shape: the generic
 * driver's objects and requests[n] fetched together, the generic
 * interpretation, then v's; adds the source's kind to sw's sources. */
int generic_vendor_stp_snmp_read(struct pr_snmp_source *src, struct pr_switch *sw,
                                 const struct pr_snmp_request *requests, size_t n,
                                 const struct generic_vendor_stp *v, struct pr_error *err);

#endif
