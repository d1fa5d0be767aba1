/* SPDX-License-Identifier: BSD-3-Clause */
/* What a PORT operand names: one rule for every command that takes a port
 * (check, audit's inventory, time --switch), so a name that selects a port
 * in one selects the same port in the others. */
#ifndef PR_PORTSEL_H
#define PR_PORTSEL_H

#include <stdint.h>

/* Which identifier of a port an operand is, strongest first. */
enum portsel_match {
    PORTSEL_NO_MATCH = 0,
    PORTSEL_BY_IFINDEX, /* its ifIndex, in decimal */
    PORTSEL_BY_NAME,    /* its ifName (or configuration name), to the letter */
    PORTSEL_BY_DESCR,   /* its ifDescr, to the letter */
};

/* Pure: how operand names the port whose ifName is name, ifDescr descr and
 * ifIndex ifindex (NULL, "" for descr, and 0 when unknown); the strongest
 * match when it is more than one. Case matters here: survey_select_ports()
 * also takes an ifName in another case when nothing matches exactly. */
enum portsel_match portsel_match_port(const char *operand, const char *name, const char *descr,
                                      int64_t ifindex);

#endif
