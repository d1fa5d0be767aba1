/* SPDX-License-Identifier: BSD-3-Clause */
/* Dell SmartFabric OS10 running-configurations (`show running-configuration`):
 * `!` comments, one-blank indentation under `interface ethernet1/1/1`,
 * `interface port-channel10`, `interface vlan10`, `interface mgmt1/1/1`.
 * What each statement sets (os10_model.c), the port facts with the OS10
 * defaults where the text says nothing (os10_facts.c) and the fixes
 * (os10_snippet.c).
 *
 * Every setting keeps the line that set it (NULL: not configured); an
 * interface written twice is one interface, later statements winning, as
 * on the switch.
 *
 * Ownership: os10_model_build() takes over the struct cli_text and returns
 * a struct os10_model that owns it; os10_model_free() releases both and
 * accepts NULL. */
#ifndef PR_OS10_H
#define PR_OS10_H

#include <stdbool.h>
#include <stddef.h>

#include "cli/cli_text.h"
#include "model/switch.h"

struct os10_setting {
    int value;
    const struct cli_line *line;
};

enum os10_kind {
    OS10_ETHERNET = 1, /* ethernet1/1/1, ethernet1/1/49:2 */
    OS10_PORT_CHANNEL, /* port-channelN */
    OS10_OTHER,        /* vlanN, mgmt1/1/1, loopbackN, ... */
};

enum os10_lacp_mode {
    OS10_CHANNEL_ON = 0, /* channel-group N mode on: static */
    OS10_CHANNEL_ACTIVE,
    OS10_CHANNEL_PASSIVE,
};

struct os10_iface {
    char name[40]; /* as written after `interface`, without blanks: "ethernet1/1/1" */
    enum os10_kind kind;
    int channel_id;                 /* port-channelN: N */
    const struct cli_line *head;    /* the first `interface` line */
    struct os10_setting shutdown;   /* 1 shutdown, 0 no shutdown */
    struct os10_setting routed;     /* 1 no switchport, 0 switchport */
    struct os10_setting trunk;      /* switchport mode trunk: 1, access: 0 */
    struct os10_setting access;     /* switchport access vlan N */
    struct os10_setting edge;       /* spanning-tree port type edge: 1 */
    struct os10_setting stp_off;    /* spanning-tree disable: 1 */
    struct os10_setting bpduguard;  /* spanning-tree bpduguard enable: 1, disable: 0 */
    struct os10_setting channel;    /* channel-group N: N */
    struct os10_setting lacp_mode;  /* channel-group N mode ...: enum os10_lacp_mode */
    struct os10_setting fallback;   /* port-channel: lacp fallback enable: 1 */
    struct os10_setting fb_timeout; /* port-channel: lacp fallback timeout N: N s */
    struct os10_setting speed;      /* speed N: Mb/s, 0 auto */
    char alias[64];                 /* description */
};

struct os10_model {
    struct cli_text *text;
    char version[32];          /* "10.3.9999E" from `! Version ...`; "" unknown */
    struct os10_setting mode;  /* spanning-tree mode: enum pr_stp_mode */
    struct os10_setting stp;   /* spanning-tree disable: 0 */
    struct os10_setting fwd;   /* spanning-tree {rstp|mst} forward-time N */
    struct os10_setting age;   /* spanning-tree {rstp|mst} max-age N */
    struct os10_iface *ifaces; /* in the order first written */
    size_t n_ifaces, cap_ifaces;
};

/* Recognises an OS10 configuration: a score (0: not one), with the line
 * that decided it in evidence (may be NULL). */
int os10_detect(const char *text, size_t len, char *evidence, size_t evidence_len);

/* Interprets text (taking ownership of it, also on failure). Errors
 * (PR_ERR_INPUT) name origin, line and statement: a VLAN out of range, an
 * unknown spanning-tree mode, a channel-group without a number. */
int os10_model_build(struct cli_text *text, struct os10_model **out, struct pr_error *err);

void os10_model_free(struct os10_model *m);

const struct os10_iface *os10_find(const struct os10_model *m, const char *name);

/* The port-channel a member belongs to; NULL when none or absent. */
const struct os10_iface *os10_channel_of(const struct os10_model *m, const struct os10_iface *ifc);

/* Fills sw: its STP, one port per ethernet interface (os10_facts.c). */
int os10_fill_switch(const struct os10_model *m, struct pr_switch *sw, struct pr_error *err);

/* The fix of a finding in OS10 syntax; m may be NULL (a switch read over
 * SNMP): the port's own interface is addressed. */
void os10_snippet(const struct os10_model *m, const struct pr_port *port,
                  const struct pr_finding *finding, char *buf, size_t buf_len);

#endif
