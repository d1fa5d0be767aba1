/* SPDX-License-Identifier: BSD-3-Clause */
/* Ruckus / Brocade FastIron (ICX) configurations: the `show running-config`
 * text, a list of commands replayed in order. `vlan N [name X] by port`,
 * `interface ethernet U/S/P` and `lag NAME dynamic|static id N` open a
 * context of indented lines; `!` lines are comments (the Oxidized capture's
 * `show version` preamble among them). Port lists are `ethe 1/1/1 to
 * 1/1/4 ethe 1/2/1` and `lag N`. What each command sets
 * (fastiron_model.c), the facts with FastIron's defaults
 * (fastiron_facts.c) and the fixes (fastiron_snippet.c); docs/ruckus.md
 * gives the sources.
 *
 * Ownership: fastiron_model_build() takes over the struct cli_text and
 * returns a struct fastiron_model that owns it; fastiron_model_free()
 * releases both and accepts NULL. */
#ifndef PR_FASTIRON_H
#define PR_FASTIRON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cli/cli_text.h"
#include "model/switch.h"

struct fi_setting {
    int value;
    const struct cli_line *line;
};

/* A VLAN's (or the single tree's) spanning tree, as configured. */
enum fi_stp {
    FI_STP_OFF = 1, /* no spanning-tree */
    FI_STP_8021D,   /* spanning-tree: 802.1D, per VLAN */
    FI_STP_8021W,   /* spanning-tree 802-1w */
};

enum fi_lag_type {
    FI_LAG_STATIC = 1,
    FI_LAG_DYNAMIC, /* LACP */
    FI_LAG_KEEPALIVE,
};

struct fi_lag {
    char name[64];
    long id;
    enum fi_lag_type type;
    const struct cli_line *line; /* the `lag NAME TYPE id N` header */
};

struct fi_port {
    char name[16];                  /* "1/1/1" (unit/slot/port), "1/1" or "1" on older models */
    struct fi_setting disable;      /* 1 disable, 0 enable */
    struct fi_setting speed;        /* speed-duplex: Mb/s fixed, 0 auto */
    struct fi_setting admin_edge;   /* spanning-tree 802-1w admin-edge-port */
    struct fi_setting bpdu_guard;   /* stp-bpdu-guard */
    struct fi_setting stp_off;      /* interface: no spanning-tree */
    struct fi_setting untagged;     /* the VLAN it is untagged in */
    struct fi_setting headless;     /* untagged in a VLAN block whose header is missing */
    struct fi_setting headless_stp; /* that block's (no) spanning-tree: enum fi_stp */
    struct fi_setting fps_exclude;  /* fast port-span exclude ethernet P */
    struct fi_setting dual_mode;    /* dual-mode N: the untagged VLAN of a tagged port */
    struct fi_setting lag;          /* index of its LAG + 1 */
    struct fi_setting force_up;     /* force-up ethernet P in its LAG */
    char alias[64];                 /* port-name */
    const struct cli_line *tagged_line;
    uint64_t tagged[64]; /* VLANs it is tagged in (bit per VLAN) */
};

struct fastiron_model {
    struct cli_text *text;
    char version[32];                 /* "08.0.95mT213" from `ver`; "" unknown */
    struct fi_setting single;         /* spanning-tree single [802-1w]: enum fi_stp */
    struct fi_setting global;         /* global spanning-tree [802-1w]: enum fi_stp */
    struct fi_setting global_stp;     /* global-stp: 1, no global-stp: 0 */
    struct fi_setting fast_span;      /* fast port-span: 1, no fast port-span: 0 */
    struct fi_setting default_vlan;   /* default-vlan-id N */
    const struct cli_line *layer3;    /* a line only a Layer 3 (router) image writes */
    const struct cli_line *layer2;    /* a line only a Layer 2 (switch) image writes */
    struct fi_setting vlan_stp[4095]; /* enum fi_stp per VLAN */
    const struct cli_line *vlan_line[4095];
    unsigned headless_from; /* the first line of the headerless block being read */
    struct fi_port *ports;
    size_t n_ports, cap_ports;
    struct fi_lag *lags;
    size_t n_lags, cap_lags;
};

/* Recognises a FastIron configuration: a score (0: not one), the line
 * that decided it in evidence. */
int fastiron_detect(const char *text, size_t len, char *evidence, size_t evidence_len);

/* Interprets text (taking ownership of it, also on failure). Errors
 * (PR_ERR_INPUT) name origin, line and statement: a port list that is not
 * one, a VLAN out of range. */
int fastiron_model_build(struct cli_text *text, struct fastiron_model **out, struct pr_error *err);

void fastiron_model_free(struct fastiron_model *m);

const struct fi_port *fastiron_find(const struct fastiron_model *m, const char *name);

/* The LAG a port is in; NULL when none. */
const struct fi_lag *fastiron_lag_of(const struct fastiron_model *m, const struct fi_port *p);

/* The port of the LAG that is (or, none being, would be made) its force-up
 * port: only one per LAG; NULL for a LAG without members. */
const struct fi_port *fastiron_force_up_port(const struct fastiron_model *m,
                                             const struct fi_lag *lag);

bool fastiron_tagged(const struct fi_port *p, int vlan);

/* The VLAN whose untagged frames the port carries (0: unknown). */
int fastiron_pvid(const struct fastiron_model *m, const struct fi_port *p);

/* The default VLAN (default-vlan-id, 1 without it). */
int fastiron_default_vlan(const struct fastiron_model *m);

/* The spanning tree VLAN v runs (enum fi_stp; 0 unknown), and the line or
 * default that says so in why. */
int fastiron_vlan_stp(const struct fastiron_model *m, int v, char *why, size_t why_len);

int fastiron_fill_switch(const struct fastiron_model *m, struct pr_switch *sw,
                         struct pr_error *err);

/* The fix of a finding in FastIron syntax; m may be NULL (a switch read
 * over SNMP): the port itself is addressed. */
void fastiron_snippet(const struct fastiron_model *m, const struct pr_port *port,
                      const struct pr_finding *finding, char *buf, size_t buf_len);

#endif
