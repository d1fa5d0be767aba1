/* SPDX-License-Identifier: BSD-3-Clause */
/* NVIDIA Cumulus Linux: what ifupdown2 reads (`/etc/network/interfaces`,
 * cumulus_eni.c) and what NVUE holds (`nv config show` YAML or `nv config
 * show -o commands` set lines, cumulus_nvue.c) become one model of
 * interfaces, bonds and bridges; cumulus_facts.c turns it into port facts
 * with the Cumulus defaults, cumulus_snippet.c writes the fixes in the
 * dialect that was read. docs/cumulus.md lists the statements and sources.
 *
 * Every setting keeps the statement that set it (its text and line); an
 * interface written twice is one interface, later statements winning, as
 * ifupdown2 squashes repeated stanzas and NVUE merges its tree.
 *
 * Ownership: cl_model_read() returns a struct cl_model the caller frees
 * with cl_model_free() (NULL accepted); cumulus_config_read() leaves it in
 * sw->driver_priv. */
#ifndef PR_CUMULUS_H
#define PR_CUMULUS_H

#include <stdbool.h>
#include <stddef.h>

#include "cli/cli_names.h"
#include "model/switch.h"
#include "util/error.h"

enum cl_dialect {
    CL_ENI = 1, /* ifupdown2 /etc/network/interfaces */
    CL_NVUE,    /* nv config show (YAML) or its set commands */
};

struct cl_setting {
    bool set;
    int value;
    unsigned lineno;
    char stmt[120]; /* the statement, NVUE's as its command path */
};

#define CL_NAME_MAX 64

struct cl_iface {
    char name[CL_NAME_MAX];
    bool is_bond, is_bridge;
    struct cl_setting autoed;      /* ENI: `auto NAME` */
    struct cl_setting link_down;   /* link-down yes / link state down: 1; no / up: 0 */
    struct cl_setting access;      /* bridge-access N / bridge domain B access N */
    struct cl_setting pvid;        /* bridge-pvid N / bridge domain B untagged N */
    struct cl_setting admin_edge;  /* mstpctl-portadminedge / stp admin-edge: 1 on */
    struct cl_setting auto_edge;   /* mstpctl-portautoedge / stp auto-edge: 1 on */
    struct cl_setting bpdu_guard;  /* mstpctl-bpduguard / stp bpdu-guard: 1 on */
    struct cl_setting lacp;        /* bond-mode 802.3ad / bond mode lacp: 1; other modes: 0 */
    struct cl_setting bypass;      /* bond-lacp-bypass-allow / bond lacp-bypass: 1 on */
    struct cl_setting speed;       /* link-speed N / link speed N: Mb/s */
    struct cl_setting autoneg;     /* link-autoneg / link auto-negotiate: 1 on */
    struct cl_setting stp;         /* bridge: bridge-stp / stp state: 1 on, 0 off */
    struct cl_setting vlan_aware;  /* bridge: bridge-vlan-aware: 1 yes */
    struct cl_setting pvrst;       /* bridge: mstpctl-pvrst-mode yes / stp mode pvrst: 1 */
    struct cl_setting forcevers;   /* bridge: forcevers 1 stp, 0 rstp, 3 mstp */
    struct cl_setting fwd;         /* bridge: mstpctl-fwddelay / stp forward-delay: s */
    struct cl_setting age;         /* bridge: mstpctl-maxage / stp max-age: s */
    struct cl_setting master;      /* the bond-slaves / bond member statement naming it */
    struct cl_setting bridged;     /* the bridge-ports / bridge domain statement naming it */
    char master_name[CL_NAME_MAX]; /* its bond, "" when none */
    char bridge_name[CL_NAME_MAX]; /* its bridge, "" when none */
    char alias[64];
};

struct cl_model {
    enum cl_dialect dialect;
    char origin[128];
    struct cl_iface *ifs; /* in the order first named */
    size_t n_ifs, cap_ifs;
    struct cli_names names; /* over ifs, by name */
};

/* Recognises a Cumulus text: a score (0: not one) and its dialect. */
int cl_detect(const char *text, size_t len, enum cl_dialect *dialect);

/* Reads text in the dialect cl_detect() finds. Errors (PR_ERR_INPUT) name
 * origin, line and statement; a text of neither dialect is
 * PR_ERR_UNSUPPORTED. */
int cl_model_read(const char *text, size_t len, const char *origin, struct cl_model **out,
                  struct pr_error *err);
void cl_model_free(struct cl_model *m);

/* The readers of each dialect, into an empty model (cl_model_read). */
int cl_eni_read(struct cl_model *m, const char *text, size_t len, struct pr_error *err);
int cl_nvue_read(struct cl_model *m, const char *text, size_t len, struct pr_error *err);

/* The interface named so; NULL when absent. cl_iface_get adds it (NULL
 * with err set when it cannot). */
struct cl_iface *cl_find(const struct cl_model *m, const char *name);
struct cl_iface *cl_iface_get(struct cl_model *m, const char *name, unsigned lineno,
                              struct pr_error *err);

/* Sets s from a statement. */
void cl_set(struct cl_setting *s, int value, unsigned lineno, const char *stmt);

/* "yes", "on", "1", "enabled" -> 1; "no", "off", "0", "disabled" -> 0; else -1. */
int cl_bool(const char *word);

/* Expands "swp1-4", "swp1,swp3-4", "bond1-3" (and ifupdown2's "glob
 * swp1-4" word) into names, calling add for each; false on a malformed
 * range or more than 4096 names. */
bool cl_expand(const char *list, bool (*add)(const char *name, void *ctx), void *ctx);

/* Whether name is a front-panel port: swpN, swpNsM (breakouts) and any
 * other swp name without a VLAN suffix. */
bool cl_front_port(const char *name);

/* Fills sw: its spanning tree and one port per front-panel interface. */
int cl_fill_switch(const struct cl_model *m, struct pr_switch *sw, struct pr_error *err);

/* The interface whose bridge and STP settings govern the port: its bond,
 * else itself. */
const struct cl_iface *cl_governing(const struct cl_model *m, const struct cl_iface *port);

/* The fix of a finding in the model's dialect. */
void cl_snippet(const struct cl_model *m, const struct pr_port *port,
                const struct pr_finding *finding, char *buf, size_t buf_len);

/* The driver's entry points (cumulus_driver.c). */
int cumulus_config_read(const char *text, size_t len, const char *origin, struct pr_switch *sw,
                        struct pr_error *err);
const struct cl_model *cumulus_switch_model(const struct pr_switch *sw);

/* The driver's snippet(): the model's dialect when sw was read from a
 * configuration, the generic advice when not. */
void cumulus_snippet(const struct pr_switch *sw, const struct pr_port *port,
                     const struct pr_finding *finding, char *buf, size_t buf_len);

/* The configuration text after a fix: for ifupdown2 the snippet's
 * stanzas appended (ifupdown2 squashes an interface's stanzas into one),
 * for NVUE its commands appended after the YAML or commands read. *out is
 * NUL-terminated, the caller's to free. */
int cumulus_config_apply(const char *text, size_t len, const char *snippet, char **out,
                         size_t *out_len, struct pr_error *err);

#endif
