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

/* A configuration to read: a saved file or a NETCONF reply. */
struct pr_config_text {
    const char *text; /* need not be NUL-terminated */
    size_t len;
    const char *origin; /* file name or "netconf HOST", for evidence */
    const char *kind;   /* "config" or "netconf" (the JSON source name) */
};

struct pr_driver {
    const char *name; /* "generic-snmp", "cisco", "juniper" */

    /* The subtree filter of a NETCONF <get-config> for this family's
     * switches: the parts of the configuration read_config() reads, so a large
     * switch sends only those (static XML, one or more elements); NULL when
     * the driver reads no NETCONF. */
    const char *netconf_filter;

    /* The configuration dialects read_config() reads, for help and
     * messages ("Junos (XML, text, set)"); NULL when it reads none. */
    const char *config_dialects;

    /* How well this driver fits: 0 not at all, higher is better. Any
     * argument may be empty/NULL. sys_object_id is dotted without a
     * leading dot. */
    int (*match)(const char *sys_object_id, const char *sys_descr, const char *config_text,
                 size_t config_len);

    /* Reads an SNMP agent (live, or a recorded walk) into sw, whose name
     * and host are set: its ports, their facts, the switch's STP; adds the
     * source's kind to sw's sources. */
    int (*read_snmp)(struct pr_snmp_source *snmp, struct pr_switch *sw, struct pr_error *err);

    /* Reads a configuration into sw likewise, leaving what snippet() needs
     * of it in sw->driver_priv; adds config->kind to sw's sources. A driver
     * that reads no configuration says so (PR_ERR_UNSUPPORTED). */
    int (*read_config)(const struct pr_config_text *config, struct pr_switch *sw,
                       struct pr_error *err);

    /* Whether an interface name of the configuration read_config() reads and
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

/* Every driver's name, in table order, for messages: "generic-snmp,
 * cisco, juniper" (truncated to fit buf). */
void pr_driver_names(char *buf, size_t buf_len);

/* Every configuration dialect the drivers read, for help and messages:
 * "Junos (XML, text, set), IOS, IOS-XE, NX-OS, EOS" (truncated to fit). */
void pr_driver_config_dialects(char *buf, size_t buf_len);

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
extern const struct pr_driver pr_driver_aruba;

#endif
