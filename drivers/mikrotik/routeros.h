/* SPDX-License-Identifier: BSD-3-Clause */
/* MikroTik RouterOS configurations: the `/export` text (`.rsc`). A line
 * starting with `/` names a menu ("/interface bridge port"); the commands
 * below it (`add k=v ...`, `set [ find default-name=ether1 ] k=v ...`)
 * act in that menu, and a command may follow the menu on the same line. A
 * line ending in `\` goes on in the next one (its leading blanks dropped);
 * `#` lines are comments (Oxidized's `/system resource` preamble among
 * them). The export writes only what differs from the defaults: a bridge
 * without `protocol-mode` runs RSTP, a port without `edge` has edge=auto.
 * What the menus read says (routeros_model.c), the facts with RouterOS's
 * defaults (routeros_facts.c), the fixes (routeros_snippet.c);
 * docs/mikrotik.md gives the sources.
 *
 * Ownership: routeros_model_build() copies what it keeps; the model is
 * freed by routeros_model_free(), which accepts NULL. */
#ifndef PR_ROUTEROS_H
#define PR_ROUTEROS_H

#include <stdbool.h>
#include <stddef.h>

#include "model/switch.h"
#include "util/error.h"

#define RO_NAME 64

/* A value a command set, with the line (of the text read) it came from. */
struct ro_value {
    char text[RO_NAME]; /* "" when never set */
    unsigned lineno;    /* 0 when never set */
};

struct ro_bridge {
    char name[RO_NAME];
    struct ro_value protocol_mode;  /* none, stp, rstp, mstp */
    struct ro_value vlan_filtering; /* yes, no */
    struct ro_value forward_delay;  /* "15s" */
    struct ro_value disabled;
};

struct ro_ether {
    char name[RO_NAME];         /* the name it goes by */
    char default_name[RO_NAME]; /* "ether1" */
    struct ro_value disabled;
    struct ro_value auto_neg; /* auto-negotiation=yes|no */
    struct ro_value speed;    /* speed=1G-baseT-full */
    char comment[RO_NAME];
};

struct ro_bond {
    char name[RO_NAME];
    struct ro_value mode;   /* 802.3ad, balance-rr, active-backup, ... */
    struct ro_value slaves; /* "ether3,ether4" */
    struct ro_value disabled;
};

struct ro_bport {
    char interface[RO_NAME];
    char bridge[RO_NAME];
    unsigned lineno;            /* the add line */
    struct ro_value edge;       /* auto, no, no-discover, yes, yes-discover */
    struct ro_value bpdu_guard; /* yes, no */
    struct ro_value pvid;
    struct ro_value disabled;
    char comment[RO_NAME];
};

/* One `/interface bridge vlan` entry's port lists. */
struct ro_bvlan {
    char bridge[RO_NAME];
    char vlan_ids[RO_NAME];
    char tagged[256];
    char untagged[256];
    unsigned lineno;
};

struct routeros_model {
    char origin[128];
    char version[32]; /* "7.15.2" from the header; "" unknown */
    struct ro_bridge *bridges;
    size_t n_bridges;
    struct ro_ether *ethers;
    size_t n_ethers;
    struct ro_bond *bonds;
    size_t n_bonds;
    struct ro_bport *bports;
    size_t n_bports;
    struct ro_bvlan *bvlans;
    size_t n_bvlans;
};

/* Recognises an export: a score (0: not one), the line that decided it in
 * evidence. */
int routeros_detect(const char *text, size_t len, char *evidence, size_t evidence_len);

/* Interprets text. Errors (PR_ERR_INPUT) name origin and line: a NUL byte
 * inside the text, a continuation that never ends, an unclosed quote or
 * `[`. */
int routeros_model_build(const char *text, size_t len, const char *origin,
                         struct routeros_model **out, struct pr_error *err);

void routeros_model_free(struct routeros_model *m);

const struct ro_bridge *routeros_bridge(const struct routeros_model *m, const char *name);
const struct ro_bport *routeros_bport(const struct routeros_model *m, const char *interface);
const struct ro_bond *routeros_bond(const struct routeros_model *m, const char *name);
const struct ro_ether *routeros_ether(const struct routeros_model *m, const char *name);

/* The bond whose slaves list names interface; NULL when none. */
const struct ro_bond *routeros_bond_of(const struct routeros_model *m, const char *interface);

/* Whether comma-separated list names item. */
bool routeros_list_has(const char *list, const char *item);

int routeros_fill_switch(const struct routeros_model *m, struct pr_switch *sw,
                         struct pr_error *err);

/* The fix of a finding in RouterOS syntax; m may be NULL (a switch read
 * over SNMP): the port itself is addressed. */
void routeros_snippet(const struct routeros_model *m, const struct pr_port *port,
                      const struct pr_finding *finding, char *buf, size_t buf_len);

#endif
