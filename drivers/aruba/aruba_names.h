/* SPDX-License-Identifier: BSD-3-Clause */
/* The name index both Aruba models keep over their interfaces: open
 * addressing, case-insensitive, 2 x cap slots each 0 (empty) or an index
 * + 1, so one slot is always empty. An item's name is a string at its
 * start (items + k * stride). The slots belong to the model. */
#ifndef PR_ARUBA_NAMES_H
#define PR_ARUBA_NAMES_H

#include <stddef.h>

#include "util/error.h"

/* The slot of name: its item's, or the empty one it would take. */
size_t aruba_slot_of(const size_t *slots, size_t cap, const void *items, size_t stride,
                     const char *name);

/* Replaces *slots with 2 x cap fresh slots holding items 0..n-1. -1 with
 * PR_ERR_INTERNAL (and *slots unchanged) when out of memory. */
int aruba_slots_rebuild(size_t **slots, size_t cap, size_t n, const void *items, size_t stride,
                        struct pr_error *err);

#endif
