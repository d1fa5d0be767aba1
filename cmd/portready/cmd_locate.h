/* SPDX-License-Identifier: BSD-3-Clause */
/* What locate shares with dhcp-log --inventory: an inventory as the
 * switches to look in, and how a located MAC is written. */
#ifndef PR_CMD_LOCATE_H
#define PR_CMD_LOCATE_H

#include <stdio.h>

#include "core/inventory.h"
#include "core/locate.h"
#include "util/json.h"

/* The switches of an inventory as locate reads them, and the MACs its
 * ports' mac: keys place. The caller frees with locate_inventory_free. */
struct locate_inventory {
    struct inventory inv;
    struct survey_spec *specs;
    struct survey_port *ports;
    size_t n_specs;
    struct locate_known *known;
    size_t n_known;
};

int locate_inventory_load(const char *path, struct locate_inventory *out, struct pr_error *err);
void locate_inventory_free(struct locate_inventory *li);

/* dhcp-log --inventory and boot-log --inventory: the n MACs located on the
 * switches of the inventory at path (none asked when n is 0); out freed
 * with locate_result_free. */
int locate_inventory_macs(const char *path, const uint64_t *macs, size_t n,
                          struct locate_result *out, struct pr_error *err);

/* The answer of out for mac; NULL when it was not asked. */
const struct locate_answer *locate_result_find(const struct locate_result *out, uint64_t mac);

/* "rack12-a 1/1/3 (srv12-03)  NOT READY stp-not-edge, blackout 30 s", or
 * "not located: WHY". */
void locate_line(const struct locate_answer *a, char *buf, size_t len);

/* The answer's JSON object: mac, switch, port, vlan, evidence, seen_on,
 * verdict (the port object as check writes it, or null), message. */
void locate_json_answer(struct json_out *j, const struct locate_answer *a);

/* The "port" key of a dhcp-log or boot-log entry under --inventory: the
 * answer's object, or null when the MAC was not located. */
void locate_json_port(struct json_out *j, const struct locate_answer *a);

/* The exit status of one answer: the port's verdict as check's, 3 when
 * not located. */
int locate_exit_code(const struct locate_answer *a);

/* check|audit --mac: locates macs on specs (as locate does), then gives each
 * switch holding one of them its located ports besides the ones it names,
 * and drops the switches that name no port and hold none (specs narrowed
 * in place, *n_specs updated; the ports point into out). A MAC not located
 * is said on stderr and counted in out->not_located. -1 when out of
 * memory. */
struct locate_narrowed {
    struct survey_port *ports;
    struct {
        char sw[PR_NAME_MAX];
        char port[PR_NAME_MAX];
    } * names;
    size_t not_located;
};
int locate_narrow(struct survey_spec *specs, size_t *n_specs, const uint64_t *macs, size_t n_macs,
                  struct locate_narrowed *out, struct pr_error *err);
void locate_narrowed_free(struct locate_narrowed *n);

/* Parses --mac's value into *macs (grown; *n of them): -1 with err naming
 * a value that is no MAC. */
int locate_parse_mac_option(const char *arg, uint64_t **macs, size_t *n, struct pr_error *err);

#endif
