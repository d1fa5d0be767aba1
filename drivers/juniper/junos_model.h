/* SPDX-License-Identifier: BSD-3-Clause */
/* From an expanded Junos configuration tree to the portready model: the
 * switch's spanning tree and, for every physical port, its facts with the
 * statements that established them. Alongside, what the fix snippets need
 * to know about each port (where its STP and VLAN statements live). */
#ifndef JUNOS_MODEL_H
#define JUNOS_MODEL_H

#include <stdbool.h>

#include "junos_tree.h"
#include "util/error.h"
#include "model/switch.h"

/* The spanning-tree statement a switch runs. */
struct junos_stp_info {
    const char *proto; /* "stp", "rstp", "mstp", "vstp"; NULL when none configured */
    bool force_version_stp;
    bool assumed_default; /* no statement: the EX default RSTP assumed */
    bool disabled;        /* `protocols PROTO disable` */
};

/* Where a port's configuration lives, for the snippets. */
struct junos_port_info {
    char name[PR_NAME_MAX];
    char l2_if[PR_NAME_MAX];     /* the interface carrying its Layer 2 settings: itself or aeN */
    char stp_entry[PR_NAME_MAX]; /* the `protocols PROTO interface NAME` used; "" when none */
    bool stp_entry_is_range;     /* stp_entry names an interface-range */
    bool layer2;                 /* family ethernet-switching on l2_if */
    bool trunk;
    bool vlan_from_vlans;         /* access VLAN from `vlans NAME interface ...` (non-ELS) */
    char vlan_range[PR_NAME_MAX]; /* that statement names this interface-range; else "" */
    char vlan_name[PR_NAME_MAX];  /* the VLAN that statement names */
};

struct junos_model_info {
    struct junos_stp_info stp;
    bool els;                      /* Enhanced Layer 2 Software style (interface-mode, irb) */
    struct junos_port_info *ports; /* one per sw port, same order */
    size_t n_ports;
};

/* Adds every physical port of tree to sw (in natural name order) with its
 * facts, and fills sw->stp. info receives what the snippets need; free it
 * with junos_model_info_free(). origin names the source in evidence. */
int junos_model_build(const struct junos_node *tree, struct pr_switch *sw,
                      struct junos_model_info *info, struct pr_error *err);
void junos_model_info_free(struct junos_model_info *info);

/* The switch-level STP facts (junos_stp.c). */
void junos_stp_switch(const struct junos_node *tree, bool els, struct pr_switch *sw,
                      struct junos_stp_info *stp);

/* The port's STP facts: stp_enabled, edge, bpdu_guard (junos_stp.c).
 * l2_node is the interface carrying its Layer 2 settings. */
void junos_stp_port(const struct junos_node *tree, const struct pr_switch *sw,
                    const struct junos_stp_info *stp, struct junos_port_info *pinfo,
                    struct pr_port_facts *facts);

/* The `protocols PROTO` node of the running protocol, or NULL. */
const struct junos_node *junos_stp_proto_node(const struct junos_node *tree,
                                              const struct junos_stp_info *stp);

#endif
