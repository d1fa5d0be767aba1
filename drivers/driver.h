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
#include "model/fdb.h"
#include "model/switch.h"
#include "snmp/source.h"

/* A configuration to read: a saved file, a NETCONF reply or what the CLI
 * printed over SSH. */
struct pr_config_text {
    const char *text; /* need not be NUL-terminated */
    size_t len;
    const char *origin; /* file name, "netconf HOST" or "ssh HOST", for evidence */
    const char *kind;   /* "config", "netconf" or "ssh" (the JSON source name) */
};

/* How a family's command line is read over SSH (--ssh): the commands to
 * send and what its prompts, pager prompts and refusals look like. The
 * core hands these to lib/ssh, which knows no vendor. Pattern lists are
 * NULL-terminated POSIX extended regular expressions, each matched against
 * one whole line without its trailing blanks (anchor them with ^ and $).
 * A family whose configuration has an interpreter gets one; adding a
 * family's CLI is one such constant and the .cli field of its driver. */
struct pr_cli_dialect {
    const char *name;                /* "junos", "ios": for messages */
    const char *const *paging_off;   /* run first, their output ignored: no pager, no wrapping */
    const char *show_config;         /* prints the running configuration */
    const char *show_version;        /* names the platform, when prompts cannot tell */
    const char *const *prompts;      /* "sw1#", "user@sw1>" in every mode a login may land in */
    const char *const *pagers;       /* "--More--": answered with a space */
    const char *const *above_prompt; /* lines the CLI writes above its prompt ("{master:0}") */
    const char *const *errors;       /* a refused command's message ("% Invalid input") */
    bool exec; /* show_config works on an exec channel (no terminal, no pager, no prompt) */
    /* Sent first when the login lands at a user-mode prompt (one ending in
     * '>') of a CLI that shows its configuration only when privileged
     * ("enable"); NULL: none. A password it asks for is not answered. */
    const char *enable;
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

    /* The family's CLI over SSH; NULL when its configuration cannot be
     * read that way. */
    const struct pr_cli_dialect *cli;

    /* How well this driver fits: 0 not at all, higher is better. Any
     * argument may be empty/NULL. sys_object_id is dotted without a
     * leading dot. */
    int (*match)(const char *sys_object_id, const char *sys_descr, const char *config_text,
                 size_t config_len);

    /* Reads an SNMP agent (live, or a recorded walk) into sw, whose name
     * and host are set: its ports, their facts, the switch's STP; adds the
     * source's kind to sw's sources. A LAG member's own facts stay its
     * own: the core hands it its aggregate's spanning-tree facts after
     * (pr_switch_lag_inherit_stp). */
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

    /* Writes into *block (zeroed) the one block of configuration that ends
     * the switch's report: the fixes written into sw's findings that
     * pr_driver_fix_in_block() keeps (never an uplink's), each change once,
     * the switch-wide changes first, marked in the family's comment syntax
     * as disruptive and also in block->switch_wide. NULL:
     * pr_driver_merge_fixes() with comment "#". -1 only when out of
     * memory. */
    int (*merge_fixes)(const struct pr_switch *sw, struct pr_fix_block *block);

    /* Reads the agent's forwarding table for the MACs in fdb->want into fdb
     * (model/fdb.h): only the forwarding columns and what maps them to
     * interfaces and VLANs, not the switch. NULL: generic_read_fdb, the
     * standard tables of the default context (pr_driver_read_fdb). */
    int (*read_fdb)(struct pr_snmp_source *snmp, struct pr_fdb *fdb, struct pr_error *err);
};

/* The objects every driver's read_snmp() asks for (the generic driver's:
 * the system group, STP scalars, the interface, bridge, STP, LAG, MAU,
 * VLAN and LLDP columns), so the core can have a source fetch them
 * together with the objects that choose the driver
 * (pr_snmp_source_expect). Static; *n set to their number. */
const struct pr_snmp_request *pr_driver_snmp_common(size_t *n);

/* drv->read_fdb, or the standard tables when the driver has none. */
int pr_driver_read_fdb(const struct pr_driver *drv, struct pr_snmp_source *snmp, struct pr_fdb *fdb,
                       struct pr_error *err);

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

/* merge_fixes() for a family whose snippets stand alone: each distinct
 * snippet once, in port order, the switch-wide ones first under a line
 * COMMENT " switch-wide and disruptive: ..." (drivers/fix_block.c). The
 * block is advice (block->paste false); a driver whose snippets are
 * configuration sets paste itself. */
int pr_driver_merge_fixes(const struct pr_switch *sw, const char *comment,
                          struct pr_fix_block *block);

/* Whether a finding's fix belongs in the block merge_fixes() writes: it has
 * one, its port is not an uplink, and it is not an info finding (a fixed
 * speed, BPDU guard: optional, and in the JSON with the finding). */
bool pr_driver_fix_in_block(const struct pr_port *port, const struct pr_finding *finding);

/* merge_fixes() for a family that reads a configuration: the block of
 * pr_driver_merge_fixes() under the dialect's comment when sw was read from
 * one (and then ready to paste), under "#" (advice) when it was not. */
int pr_driver_merge_config_fixes(const struct pr_switch *sw, bool from_config, const char *comment,
                                 struct pr_fix_block *block);

/* read_config() through a dialect's reader: refuses a missing text as
 * DRIVER's usage error, reads, and adds config->kind to sw's sources. */
int pr_driver_read_config_with(const struct pr_config_text *config, struct pr_switch *sw,
                               const char *driver,
                               int (*read)(const char *text, size_t len, const char *origin,
                                           struct pr_switch *sw, struct pr_error *err),
                               struct pr_error *err);

/* Hands priv (and its free) to sw->driver_priv, freeing what was there. */
void pr_driver_install_priv(struct pr_switch *sw, void *priv, void (*priv_free)(void *));

/* The line that marks a block's switch-wide part, after the family's
 * comment string: " switch-wide, disruptive: ...". */
extern const char pr_driver_switch_wide_note[];

/* names_match() for a family whose configuration spells interfaces as its
 * agent does: equal, case aside. */
bool pr_driver_names_equal(const char *config_name, const char *snmp_name);

/* The drivers that have a CLI dialect, in table order: fills out with at
 * most max of them and returns how many there are. */
size_t pr_driver_cli_list(const struct pr_driver **out, size_t max);

extern const struct pr_driver pr_driver_generic_snmp;
extern const struct pr_driver pr_driver_cisco;
extern const struct pr_driver pr_driver_juniper;
extern const struct pr_driver pr_driver_aruba;
extern const struct pr_driver pr_driver_ruckus;
extern const struct pr_driver pr_driver_mikrotik;
extern const struct pr_driver pr_driver_fastpath;
extern const struct pr_driver pr_driver_fsos;
extern const struct pr_driver pr_driver_tplink;
extern const struct pr_driver pr_driver_huawei;
extern const struct pr_driver pr_driver_comware;
extern const struct pr_driver pr_driver_dell;
extern const struct pr_driver pr_driver_extreme;
extern const struct pr_driver pr_driver_cumulus;

#endif
