/* SPDX-License-Identifier: BSD-3-Clause */
/* HPE ArubaOS-Switch / ProCurve (ProVision) configurations: a list of CLI
 * commands, replayed in order. `interface PORTS` and `vlan N` open a
 * context of indented lines closed by `exit`; port lists name ports
 * ("1-24", "A1-A4", "1/1-1/48" on a stack) and trunks ("Trk1"). What each
 * command sets (procurve_model.c), the facts with the ArubaOS-Switch
 * defaults (procurve_facts.c) and the fixes (procurve_snippet.c).
 *
 * A port in a trunk (`trunk 1-2 trk1 lacp`) takes its VLANs and spanning
 * tree from the trunk, as the switch does: those are configured on Trk1.
 *
 * Ownership: procurve_model_build() takes over the struct cli_text and
 * returns a struct procurve_model that owns it; procurve_model_free()
 * releases both and accepts NULL. */
#ifndef PR_PROCURVE_H
#define PR_PROCURVE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cli/cli_names.h"
#include "cli/cli_text.h"
#include "model/switch.h"

struct pc_setting {
    int value;
    const struct cli_line *line;
};

enum pc_kind {
    PC_PORT = 1,
    PC_TRUNK, /* TrkN */
};

enum pc_trunk_type {
    PC_TRUNK_PLAIN = 1, /* trunk: static, no protocol */
    PC_TRUNK_LACP,      /* lacp: static LACP */
    PC_TRUNK_DT_LACP,   /* dt-lacp: distributed (two switches), LACP */
    PC_TRUNK_DT_PLAIN,  /* dt-trunk */
};

enum pc_force_version {
    PC_FV_STP = 1, /* stp-compatible */
    PC_FV_RSTP,    /* rstp-operation */
    PC_FV_MSTP,    /* mstp-operation */
};

struct pc_if {
    char name[16]; /* "1", "A1", "1/10", "Trk1" */
    enum pc_kind kind;
    int trk;                            /* TrkN: N */
    struct pc_setting member;           /* port: the trunk N it is in */
    struct pc_setting trunk_type;       /* port: enum pc_trunk_type */
    struct pc_setting disable;          /* 1 disable, 0 enable */
    struct pc_setting speed;            /* speed-duplex: Mb/s fixed, 0 auto */
    struct pc_setting speed_auto;       /* speed-duplex auto-N: N, 0 plain auto */
    struct pc_setting lacp;             /* 1 active, 2 passive, 0 no lacp (dynamic LACP) */
    struct pc_setting untagged;         /* the VLAN the port is untagged in */
    struct pc_setting admin_edge;       /* 1 */
    struct pc_setting auto_edge;        /* 1 auto-edge-port, 0 no auto-edge-port */
    struct pc_setting bpdu_prot;        /* 1 bpdu-protection */
    struct pc_setting bpdu_filter;      /* 1 bpdu-filter */
    char alias[64];                     /* name "..." */
    const struct cli_line *tagged_line; /* the last line tagging it in a VLAN */
    uint64_t tagged[64];                /* VLANs it is tagged in (bit per VLAN) */
};

struct procurve_model {
    struct cli_text *text;
    char release[32];         /* "W.15.08.0012" from the header; "" unknown */
    struct pc_setting stp;    /* spanning-tree: 1, no spanning-tree: 0 */
    struct pc_setting force;  /* enum pc_force_version */
    struct pc_setting mode;   /* enum pr_stp_mode (MSTP, RAPID_PVST) */
    struct pc_setting legacy; /* spanning-tree legacy-mode: 1 */
    struct pc_setting forward_delay;
    struct pc_setting max_age;
    const struct cli_line *vlan_stp_off[4095]; /* rapid-pvst: spanning-tree vlan N disable */
    bool vlan_defined[4095];
    struct pc_if *ifs;
    size_t n_ifs, cap_ifs;
    struct cli_names names; /* over the interfaces, by name */
};

/* Recognises an ArubaOS-Switch configuration: a score (0: not one), the
 * line that decided it in evidence. */
int procurve_detect(const char *text, size_t len, char *evidence, size_t evidence_len);

/* Interprets text (taking ownership of it, also on failure). Errors
 * (PR_ERR_INPUT) name origin, line and statement: a port list that is not
 * one, a VLAN out of range, an unknown force-version. */
int procurve_model_build(struct cli_text *text, struct procurve_model **out, struct pr_error *err);

void procurve_model_free(struct procurve_model *m);

const struct pc_if *procurve_find(const struct procurve_model *m, const char *name);

/* The trunk (TrkN) a port is in; NULL when none. */
const struct pc_if *procurve_trunk_of(const struct procurve_model *m, const struct pc_if *port);

/* Whether the port (or trunk) is tagged in VLAN v. */
bool procurve_tagged(const struct pc_if *pif, int v);

int procurve_fill_switch(const struct procurve_model *m, struct pr_switch *sw,
                         struct pr_error *err);

/* The fix of a finding in ArubaOS-Switch syntax; m may be NULL (a switch
 * read over SNMP): the port itself is addressed. */
void procurve_snippet(const struct procurve_model *m, const struct pr_port *port,
                      const struct pr_finding *finding, char *buf, size_t buf_len);

#endif
