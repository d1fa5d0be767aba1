/* SPDX-License-Identifier: BSD-3-Clause */
/* The name index a dialect keeps over its interfaces, so that finding one
 * by name costs the same for the ten-thousandth interface as for the
 * first: open addressing, case-insensitive (CLIs take "gigabitethernet1/0/1"
 * for "GigabitEthernet1/0/1"), 2 x cap slots each 0 (empty) or an index
 * + 1, so one slot is always empty. The items are the dialect's array
 * (item k at items + k * stride, its name read by name_of); they may move
 * when the array grows, so each call is given where they are now.
 *
 * Ownership: the index owns its slots (cli_names_free). */
#ifndef PR_CLI_NAMES_H
#define PR_CLI_NAMES_H

#include <stddef.h>

#include "util/error.h"

struct cli_names {
    size_t *slots; /* 2 x cap; NULL until the first cli_names_resize() */
    size_t cap;
    size_t stride;
    const char *(*name_of)(const void *item);
};

#define CLI_NAMES_NONE ((size_t)-1)

/* The index of the item named name, or CLI_NAMES_NONE. */
size_t cli_names_find(const struct cli_names *ix, const void *items, const char *name);

/* Room for cap items, items 0..n-1 indexed afresh. -1 with PR_ERR_INTERNAL
 * (and the index unchanged) when out of memory. */
int cli_names_resize(struct cli_names *ix, size_t cap, const void *items, size_t n,
                     struct pr_error *err);

/* Room for item n (items 0..n-1 indexed already): the index doubles when
 * full. -1 with PR_ERR_INTERNAL when out of memory. */
int cli_names_reserve(struct cli_names *ix, const void *items, size_t n, struct pr_error *err);

/* Item k, not yet indexed, under its name; k < cap. */
void cli_names_put(struct cli_names *ix, const void *items, size_t k);

void cli_names_free(struct cli_names *ix);

#endif
