/* SPDX-License-Identifier: BSD-3-Clause */
/* A driver knows one family of switches: which switches it fits, how to
 * read their facts from the sources at hand, and how to write the
 * configuration that fixes a finding. Drivers are const structs of function
 * pointers listed in one static table (drivers/driver.c); the core loops
 * over it. Drivers never print: they return facts and errors as values. */
#ifndef PR_DRIVER_H
#define PR_DRIVER_H

#include <stdbool.h>
#include <stddef.h>

#include "util/error.h"
#include "model/switch.h"
#include "snmp/source.h"

/* What a driver may read for one switch. Any source may be absent (NULL). */
struct pr_collect_ctx {
    struct pr_switch *sw;        /* filled by collect(); name and host already set */
    struct pr_snmp_source *snmp; /* live agent or walk file */
    const char *config_text;     /* a saved configuration or a NETCONF reply */
    size_t config_len;
    const char *config_origin; /* file name or "netconf HOST", for evidence */
    const char *config_kind;   /* "config" or "netconf" (the JSON source name) */
};

struct pr_driver {
    const char *name; /* "generic-snmp", "cisco", "juniper" */

    /* The subtree filter of a NETCONF <get-config> for this family's
     * switches: the parts of the configuration collect() reads, so a large
     * switch sends only those (static XML, one or more elements); NULL when
     * the driver reads no NETCONF. */
    const char *netconf_filter;

    /* How well this driver fits: 0 not at all, higher is better. Any
     * argument may be empty/NULL. sys_object_id is dotted without a
     * leading dot. */
    int (*match)(const char *sys_object_id, const char *sys_descr, const char *config_text,
                 size_t config_len);

    /* Reads facts into ctx->sw: its ports, their facts, the switch's STP. */
    int (*collect)(struct pr_collect_ctx *ctx, struct pr_error *err);

    /* Whether an interface name of the configuration collect() reads and
     * an SNMP port name (ifName or ifDescr) name the same interface, so the
     * core can merge the two sources (core/merge.h). Never NULL. */
    bool (*names_match)(const char *config_name, const char *snmp_name);

    /* Writes into buf the configuration (or, for the generic driver,
     * vendor-neutral advice) that closes the finding; "" when there is
     * nothing to change. */
    void (*snippet)(const struct pr_switch *sw, const struct pr_port *port,
                    const struct pr_finding *finding, char *buf, size_t buf_len);
};

/* The static table, NULL-terminated. */
const struct pr_driver *const *pr_driver_table(void);

/* By name; NULL when unknown. */
const struct pr_driver *pr_driver_find(const char *name);

/* The best match for what is known of a switch (never NULL: falls back to
 * generic-snmp). */
const struct pr_driver *pr_driver_choose(const char *sys_object_id, const char *sys_descr,
                                         const char *config_text, size_t config_len);

/* The drivers that have a NETCONF filter, NULL-terminated, in the order a
 * switch of unknown family is asked with them: each reply goes to the
 * driver's match() and the first that recognises it wins; the last reply
 * is kept whatever it holds. */
const struct pr_driver *const *pr_driver_netconf_probes(void);

/* names_match() for a family whose configuration spells interfaces as its
 * agent does: equal, case aside. */
bool pr_driver_names_equal(const char *config_name, const char *snmp_name);

extern const struct pr_driver pr_driver_generic_snmp;
extern const struct pr_driver pr_driver_cisco;
extern const struct pr_driver pr_driver_juniper;

#endif
