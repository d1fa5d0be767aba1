/* SPDX-License-Identifier: BSD-3-Clause */
/* Extreme Networks EXOS (ExtremeXOS, Switch Engine) configurations: what
 * `show configuration` prints, a flat list of commands replayed in order
 * (`configure vlan V add ports 1-12 untagged`, `enable sharing 1 grouping
 * 1-2 lacp`, `configure stpd s0 ports link-type edge 5`), `#` comments.
 * What each command sets (exos_model.c), the port facts with the EXOS
 * defaults (exos_facts.c) and the fixes (exos_snippet.c).
 *
 * A LAG is named by its master port (the first argument of `enable
 * sharing`): VLANs and spanning tree are configured on it and hold for
 * every member, as EXOS does.
 *
 * Ownership: exos_model_build() takes over the struct cli_text and
 * returns a struct exos_model that owns it; exos_model_free() releases
 * both and accepts NULL. */
#ifndef PR_EXOS_H
#define PR_EXOS_H

#include <stdbool.h>
#include <stddef.h>

#include "cli/cli_text.h"
#include "model/switch.h"

struct exos_setting {
    int value;
    const struct cli_line *line;
};

#define EXOS_MAX_VLANS 256

struct exos_vlan {
    char name[40];
    struct exos_setting tag; /* configure vlan V tag N; Default: 1 */
};

struct exos_port {
    char name[16];                  /* "5", "1:5" */
    struct exos_setting disabled;   /* disable port(s): 1, enable: 0 */
    struct exos_setting master;     /* enable sharing M grouping ...: M's index + 1 */
    struct exos_setting lacp;       /* that sharing has lacp: 1 */
    struct exos_setting fallback;   /* master: configure sharing M lacp fallback enable: 1 */
    struct exos_setting fb_timeout; /* master: ... lacp fallback timeout N */
    struct exos_setting edge;       /* configure stpd s0 ports link-type edge: 1, other: 0 */
    struct exos_setting untagged;   /* the VLAN (index + 1) the port is untagged in */
    struct exos_setting tagged;     /* the last VLAN (index + 1) tagging it */
    bool default_deleted;           /* removed from VLAN Default */
};

struct exos_model {
    struct cli_text *text;
    struct exos_setting stp;                   /* enable stpd s0: 1, disable: 0 */
    struct exos_setting mode;                  /* configure stpd s0 mode ...: enum pr_stp_mode */
    struct exos_setting fwd;                   /* configure stpd s0 forwarddelay N */
    struct exos_setting age;                   /* configure stpd s0 maxage N */
    const struct cli_line *default_delete_all; /* configure vlan default delete ports all */
    struct exos_vlan vlans[EXOS_MAX_VLANS];
    size_t n_vlans;
    struct exos_port *ports; /* in the order first named */
    size_t n_ports, cap_ports;
};

/* Recognises an EXOS configuration: a score (0: not one), the line that
 * decided it in evidence (may be NULL). */
int exos_detect(const char *text, size_t len, char *evidence, size_t evidence_len);

/* Interprets text (taking ownership of it, also on failure). Errors
 * (PR_ERR_INPUT) name origin, line and command: a port list that is not
 * one, a VLAN tag out of range, an unknown stpd mode. */
int exos_model_build(struct cli_text *text, struct exos_model **out, struct pr_error *err);

void exos_model_free(struct exos_model *m);

const struct exos_port *exos_find(const struct exos_model *m, const char *name);

/* The master port of a port's LAG (itself for the master); NULL when none. */
const struct exos_port *exos_master_of(const struct exos_model *m, const struct exos_port *p);

int exos_fill_switch(const struct exos_model *m, struct pr_switch *sw, struct pr_error *err);

void exos_snippet(const struct exos_model *m, const struct pr_switch *sw,
                  const struct pr_port *port, const struct pr_finding *finding, char *buf,
                  size_t buf_len);

#endif
