/* SPDX-License-Identifier: BSD-3-Clause */
#include "util/grow.h"

#include <stdint.h>
#include <stdlib.h>

int pr_grow(void **items, size_t *cap, size_t n, size_t item_size, size_t first_cap)
{
    if (n < *cap)
        return 0;
    size_t want = *cap ? *cap * 2 : (first_cap ? first_cap : 1);
    if (want < *cap || item_size == 0 || want > SIZE_MAX / item_size)
        return -1;
    void *grown = realloc(*items, want * item_size);
    if (grown == NULL)
        return -1;
    *items = grown;
    *cap = want;
    return 0;
}
