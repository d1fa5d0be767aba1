/* SPDX-License-Identifier: BSD-3-Clause */
/* Aruba AOS-CX running-configs: what each statement sets (aoscx_model.c),
 * the port facts with the AOS-CX defaults where the text says nothing
 * (aoscx_facts.c) and the configuration that fixes a finding
 * (aoscx_snippet.c).
 *
 * Every setting keeps the line that set it (NULL: not configured). An
 * interface written twice (a pasted snippet, a hand-merged file) is one
 * interface: later statements override earlier ones, as on the switch.
 *
 * Ownership: aoscx_model_build() takes over the struct cli_text and
 * returns a struct aoscx_model that owns it; aoscx_model_free() releases
 * both and accepts NULL. */
#ifndef PR_AOSCX_H
#define PR_AOSCX_H

#include <stdbool.h>
#include <stddef.h>

#include "cli/cli_names.h"
#include "cli/cli_text.h"
#include "model/switch.h"

struct cx_setting {
    int value;
    const struct cli_line *line;
};

enum cx_kind {
    CX_PORT = 1, /* a front-panel port: 1/1/1, 1/1/49:2 */
    CX_LAG,      /* interface lag N */
};

enum cx_lacp {
    CX_LACP_OFF = 0, /* static LAG (no lacp mode) */
    CX_LACP_ACTIVE,
    CX_LACP_PASSIVE,
};

struct cx_iface {
    char name[32]; /* "1/1/1", or "lag 10" */
    enum cx_kind kind;
    int lag_id;                     /* LAG: N of `interface lag N` */
    const struct cli_line *head;    /* the first `interface` line */
    struct cx_setting multichassis; /* LAG: `multi-chassis` in the header */
    struct cx_setting static_lag;   /* LAG: `multi-chassis static` */

    struct cx_setting shutdown;        /* 1 shutdown, 0 no shutdown */
    struct cx_setting routing;         /* 1 routing, 0 no routing */
    struct cx_setting ip;              /* an ip/ipv6 address line (routed) */
    struct cx_setting vlan_access;     /* VLAN id */
    struct cx_setting native;          /* vlan trunk native N */
    struct cx_setting native_tag;      /* vlan trunk native N tag: 1 */
    struct cx_setting allowed;         /* vlan trunk allowed ...: 1 */
    struct cx_setting port_type;       /* 1 admin-edge, 0 admin-network */
    struct cx_setting bpdu_guard;      /* 1 */
    struct cx_setting bpdu_filter;     /* 1 */
    struct cx_setting lag;             /* member: the LAG id */
    struct cx_setting lacp;            /* LAG: enum cx_lacp */
    struct cx_setting fallback;        /* LAG: lacp fallback: 1 / 0 */
    struct cx_setting fallback_static; /* LAG: lacp fallback-static: 1 / 0 */
    struct cx_setting speed;           /* Mb/s fixed; 0 auto */
    struct cx_setting speed_auto;      /* speed auto [N]: the advertised rate, 0 none */
    char alias[64];                    /* description ... */
};

struct aoscx_model {
    struct cli_text *text;
    char version[48];       /* "FL.10.10.1100" from `!Version ...`; "" unknown */
    struct cx_setting stp;  /* spanning-tree: 1 / no spanning-tree: 0 */
    struct cx_setting mode; /* enum pr_stp_mode (MSTP, RAPID_PVST) */
    struct cx_setting forward_delay;
    struct cx_setting max_age;
    const struct cli_line *rpvst_vlan[4095]; /* spanning-tree vlan N */
    bool vlan_defined[4095];                 /* vlan N */
    struct cx_iface *ifaces;
    size_t n_ifaces, cap_ifaces;
    struct cli_names names; /* over the interfaces, by name */
};

/* Recognises an AOS-CX configuration: a score (0: not one), with the line
 * that decided it in evidence. */
int aoscx_detect(const char *text, size_t len, char *evidence, size_t evidence_len);

/* Interprets text (taking ownership of it, also on failure). Errors
 * (PR_ERR_INPUT) name origin, line and statement: a VLAN out of range, an
 * unknown spanning-tree mode, a LAG number that is not one. */
int aoscx_model_build(struct cli_text *text, struct aoscx_model **out, struct pr_error *err);

void aoscx_model_free(struct aoscx_model *m);

const struct cx_iface *aoscx_find(const struct aoscx_model *m, const char *name);

/* The LAG a member port belongs to; NULL when it is none's or its LAG is
 * not in the configuration. */
const struct cx_iface *aoscx_lag_of(const struct aoscx_model *m, const struct cx_iface *port);

/* Fills sw: its STP, one port per front-panel interface (aoscx_facts.c). */
int aoscx_fill_switch(const struct aoscx_model *m, struct pr_switch *sw, struct pr_error *err);

/* The fix of a finding in AOS-CX syntax (aoscx_snippet.c); m may be NULL
 * (a switch read over SNMP): the port's own interface is addressed. */
void aoscx_snippet(const struct aoscx_model *m, const struct pr_port *port,
                   const struct pr_finding *finding, char *buf, size_t buf_len);

#endif
