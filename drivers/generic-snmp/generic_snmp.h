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

/* Fetches every standard column and scalar the generic driver reads, plus
 * extra (may be NULL/0), into store. */
int generic_snmp_fetch(struct pr_snmp_source *src, const struct pr_snmp_request *extra,
                       size_t n_extra, struct pr_snmp_store *store, struct pr_error *err);

/* Fills sw from the store: system identity, one port per interface (all of
 * them; the command layer selects), link, speed, STP, edge, LACP, MAU,
 * PVID. Never fails on missing objects: they leave facts unknown. */
int generic_snmp_interpret(struct pr_snmp_store *store, struct pr_switch *sw, struct pr_error *err);

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
