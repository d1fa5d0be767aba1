/* SPDX-License-Identifier: BSD-3-Clause */
/* Broadcom FASTPATH-family configurations: EFOS (the NetApp/Broadcom
 * BES-53248 and other Broadcom switches) and the CLIs that share its
 * `show running-config`: `!` comments, unindented statements, an
 * `interface U/P` block closed by `exit`, LAGs `port-channel name 1/N` with
 * members `addport 1/N`, VLANs as `vlan participation include L` / `vlan
 * tagging L` / `vlan pvid N` or `switchport …`. What each statement sets and
 * the facts (fastpath_model.c), the fixes (fastpath_snippet.c);
 * docs/fastpath.md gives the sources.
 *
 * Ownership: fastpath_model_build() takes over the struct cli_text;
 * fastpath_model_free() releases both and accepts NULL. */
#ifndef PR_FASTPATH_H
#define PR_FASTPATH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cli/cli_text.h"
#include "model/switch.h"

struct fp_setting {
    int value;
    const struct cli_line *line;
};

struct fp_if {
    char name[16]; /* "0/9" (unit/port), "1/1" (a LAG) */
    bool lag;      /* named by a port-channel name line */
    char lag_name[64];
    struct fp_setting addport;   /* member: index + 1 of its LAG */
    struct fp_setting shutdown;  /* 1 shutdown, 0 no shutdown */
    struct fp_setting edge;      /* spanning-tree edgeport: 1, no ...: 0 */
    struct fp_setting stp_off;   /* no spanning-tree port mode / spanning-tree port mode disable */
    struct fp_setting bpduguard; /* spanning-tree bpduguard (on the port) */
    struct fp_setting lacp;      /* LAG: no port-channel static: 1 (LACP), port-channel static: 0 */
    struct fp_setting pvid;      /* vlan pvid N, switchport access vlan N, ... native vlan N */
    struct fp_setting mode;      /* switchport mode: 1 access, 2 trunk, 3 general */
    struct fp_setting speed;     /* speed N full-duplex: Mb/s; speed auto: 0 */
    const struct cli_line *tagged; /* vlan tagging L, switchport trunk allowed vlan L */
    char alias[64];
};

struct fastpath_model {
    struct cli_text *text;
    char version[32];
    struct fp_setting stp;       /* spanning-tree: 1, no spanning-tree: 0 */
    struct fp_setting mode;      /* enum pr_stp_mode */
    struct fp_setting bpduguard; /* global spanning-tree bpduguard */
    struct fp_setting fwd_delay; /* spanning-tree forward-time N */
    struct fp_if *ifs;
    size_t n_ifs, cap_ifs;
};

int fastpath_detect(const char *text, size_t len, char *evidence, size_t evidence_len);

int fastpath_model_build(struct cli_text *text, struct fastpath_model **out, struct pr_error *err);

void fastpath_model_free(struct fastpath_model *m);

const struct fp_if *fastpath_find(const struct fastpath_model *m, const char *name);

/* The LAG a member is in; NULL when none. */
const struct fp_if *fastpath_lag_of(const struct fastpath_model *m, const struct fp_if *p);

int fastpath_fill_switch(const struct fastpath_model *m, struct pr_switch *sw,
                         struct pr_error *err);

void fastpath_snippet(const struct fastpath_model *m, const struct pr_port *port,
                      const struct pr_finding *finding, char *buf, size_t buf_len);

#endif
