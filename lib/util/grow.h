/* SPDX-License-Identifier: BSD-3-Clause */
/* Growing arrays: one place for the doubling and its overflow check. */
#ifndef PR_UTIL_GROW_H
#define PR_UTIL_GROW_H

#include <stddef.h>

/* Makes room for at least one more item in *items (n of *cap used): when
 * n == *cap, doubles *cap (first_cap when 0) and reallocates. Returns 0, or
 * -1 with *items and *cap unchanged when the memory cannot be had. */
int pr_grow(void **items, size_t *cap, size_t n, size_t item_size, size_t first_cap);

#endif
