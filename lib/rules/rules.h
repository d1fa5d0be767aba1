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

#endif
