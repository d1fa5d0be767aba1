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
};

struct pr_driver {
    const char *name; /* "generic-snmp", "cisco", "juniper" */

    /* The family's CLI over SSH; NULL when its configuration cannot be
     * read that way. */
    const struct pr_cli_dialect *cli;

    /* How well this driver fits: 0 not at all, higher is better. Any
     * argument may be empty/NULL. sys_object_id is dotted without a
     * leading dot. */
    int (*match)(const char *sys_object_id, const char *sys_descr, const char *config_text,
                 size_t config_len);

    /* Reads facts into ctx->sw: its ports, their facts, the switch's STP. */
    int (*collect)(struct pr_collect_ctx *ctx, struct pr_error *err);

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

/* The drivers that have a CLI dialect, in table order: fills out with at
 * most max of them and returns how many there are. */
size_t pr_driver_cli_list(const struct pr_driver **out, size_t max);

extern const struct pr_driver pr_driver_generic_snmp;
extern const struct pr_driver pr_driver_cisco;
extern const struct pr_driver pr_driver_juniper;

#endif
