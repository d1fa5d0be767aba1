/* SPDX-License-Identifier: BSD-3-Clause */
/* The rules: facts -> findings -> verdict and expected blackout. Pure
 * functions of the model; no I/O. */
#ifndef PR_RULES_H
#define PR_RULES_H

#include "model/switch.h"

/* Judges one port of sw: replaces port->findings, sets port->verdict and
 * port->expected_blackout_s. Finding messages and evidence are filled;
 * finding->fix is left empty (the driver's snippet() fills it). */
void rules_judge_port(const struct pr_switch *sw, struct pr_port *port);

/* Judges every port of sw. */
void rules_judge_switch(struct pr_switch *sw);

/* The edge fact from what RSTP/MSTP MIBs (or a config) say: admin edge,
 * oper edge, auto-edge, and whether the port is up. Writes the result into
 * facts->edge (and facts->oper_edge) with combined evidence. Any input may be
 * unknown. */
void rules_edge_from_admin_oper(struct pr_port_facts *facts, const struct pr_fact *admin_edge,
                                const struct pr_fact *oper_edge, const struct pr_fact *auto_edge);

struct pr_summary {
    unsigned switches;
    unsigned unreadable;
    unsigned ports;
    unsigned ready;
    unsigned warning;
    unsigned not_ready;
    unsigned unknown;
};

void rules_summarize(const struct pr_switch *switches, size_t n_switches, struct pr_summary *out);

/* 3 if any switch unreadable; else 2 if any port not ready; else 3 if any
 * port unknown; else 1 if any warning; else 0. */
int rules_exit_code(const struct pr_summary *summary);

#endif
