/* SPDX-License-Identifier: BSD-3-Clause */
#include "aruba/aruba_names.h"

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

static const char *name_at(const void *items, size_t stride, size_t k)
{
    return (const char *)items + k * stride;
}

size_t aruba_slot_of(const size_t *slots, size_t cap, const void *items, size_t stride,
                     const char *name)
{
    size_t n = 2 * cap, i = name_hash(name) % n;
    while (slots[i] != 0 && strcasecmp(name_at(items, stride, slots[i] - 1), name) != 0)
        i = (i + 1) % n;
    return i;
}

int aruba_slots_rebuild(size_t **slots, size_t cap, size_t n, const void *items, size_t stride,
                        struct pr_error *err)
{
    size_t *fresh = calloc(2 * cap, sizeof *fresh);
    if (fresh == NULL)
        return pr_error_set(err, PR_ERR_INTERNAL, "out of memory");
    for (size_t k = 0; k < n; k++)
        fresh[aruba_slot_of(fresh, cap, items, stride, name_at(items, stride, k))] = k + 1;
    free(*slots);
    *slots = fresh;
    return 0;
}
