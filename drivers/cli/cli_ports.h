/* SPDX-License-Identifier: BSD-3-Clause */
/* The last step every configuration dialect shares: its interfaces become
 * the switch's ports, in the natural order of their names (cli_name_cmp),
 * each a front-panel Ethernet port (the configuration says it is one,
 * whatever its name looks like: "1/1/1", "5", "A1"), with its description
 * and the name of the aggregate it is a member of, and then its facts from
 * the dialect's own reader.
 *
 * Ownership: the caller owns refs and what they point to; cli_add_ports()
 * reorders refs and keeps nothing. */
#ifndef PR_CLI_PORTS_H
#define PR_CLI_PORTS_H

#include <stdbool.h>
#include <stddef.h>

#include "model/switch.h"
#include "util/error.h"

struct cli_port_ref {
    const char *name;
    const char *alias;          /* NULL or "" when none */
    char lag_name[PR_NAME_MAX]; /* the aggregate's own name, "" when none */
    /* The aggregate's interface is in the configuration and gives the
     * port its spanning tree: cli_add_ports() says so in the evidence of
     * those facts (pr_port_facts_from_aggregate). */
    bool stp_from_lag;
    const void *item; /* the dialect's interface */
};

/* fill gives one port its facts from the dialect's interface. Returns 0,
 * or -1 with err set when a port cannot be added. */
int cli_add_ports(struct pr_switch *sw, struct cli_port_ref *refs, size_t n,
                  void (*fill)(const void *item, struct pr_port *port, void *ctx), void *ctx,
                  struct pr_error *err);

/* A dialect's interfaces as data: an array of items of one size, and two
 * hooks over them. describe() says whether an item is a front-panel port
 * and, when it is, names it in ref (name, alias, aggregate); fill() gives
 * the port its facts. model is handed back to both. */
struct cli_port_table {
    const void *items;
    size_t n_items;
    size_t item_size;
    const void *model;
    bool (*describe)(const void *model, const void *item, struct cli_port_ref *ref);
    void (*fill)(const void *model, const struct pr_switch *sw, const void *item,
                 struct pr_port *port);
};

/* Every port of the table added to sw by cli_add_ports(). Returns 0, or -1
 * with err set. */
int cli_fill_ports(struct pr_switch *sw, const struct cli_port_table *table, struct pr_error *err);

#endif
