/* SPDX-License-Identifier: BSD-3-Clause */
#include "cli/cli_names.h"

#include <ctype.h>
#include <stdlib.h>
#include <strings.h>

static size_t name_hash(const char *name)
{
    size_t h = 1469598103934665603u;
    for (const char *p = name; *p; p++)
        h = (h ^ (unsigned char)tolower((unsigned char)*p)) * 1099511628211u;
    return h;
}

static const char *name_at(const struct cli_names *ix, const void *items, size_t k)
{
    return ix->name_of((const char *)items + k * ix->stride);
}

/* The slot of name: its item's, or the empty one it would take. */
static size_t slot_of(const struct cli_names *ix, const size_t *slots, const void *items,
                      const char *name)
{
    size_t n = 2 * ix->cap, i = name_hash(name) % n;
    while (slots[i] != 0 && strcasecmp(name_at(ix, items, slots[i] - 1), name) != 0)
        i = (i + 1) % n;
    return i;
}

size_t cli_names_find(const struct cli_names *ix, const void *items, const char *name)
{
    if (ix->slots == NULL)
        return CLI_NAMES_NONE;
    size_t s = ix->slots[slot_of(ix, ix->slots, items, name)];
    return s != 0 ? s - 1 : CLI_NAMES_NONE;
}

int cli_names_resize(struct cli_names *ix, size_t cap, const void *items, size_t n,
                     struct pr_error *err)
{
    size_t *fresh = calloc(2 * (cap ? cap : 1), sizeof *fresh);
    if (fresh == NULL)
        return pr_error_set(err, PR_ERR_INTERNAL, "out of memory");
    ix->cap = cap ? cap : 1;
    for (size_t k = 0; k < n; k++)
        fresh[slot_of(ix, fresh, items, name_at(ix, items, k))] = k + 1;
    free(ix->slots);
    ix->slots = fresh;
    return 0;
}

int cli_names_reserve(struct cli_names *ix, const void *items, size_t n, struct pr_error *err)
{
    if (ix->slots != NULL && n < ix->cap)
        return 0;
    return cli_names_resize(ix, ix->cap ? 2 * ix->cap : 64, items, n, err);
}

void cli_names_put(struct cli_names *ix, const void *items, size_t k)
{
    ix->slots[slot_of(ix, ix->slots, items, name_at(ix, items, k))] = k + 1;
}

void cli_names_free(struct cli_names *ix)
{
    free(ix->slots);
    ix->slots = NULL;
    ix->cap = 0;
}
