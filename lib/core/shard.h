/* SPDX-License-Identifier: BSD-3-Clause */
/* Splitting an inventory among N workers that do not talk to one another
 * (audit --shard K/N): a switch's shard depends on its name and N alone,
 * so every worker computes the same split, each switch falls in exactly
 * one shard, and adding or removing a switch moves no other. The name's
 * 64-bit FNV-1a hash goes through Lamping and Veach's jump consistent hash,
 * so going from N to N+1 workers also moves only about 1/(N+1) of the
 * switches. */
#ifndef PR_CORE_SHARD_H
#define PR_CORE_SHARD_H

#include <stdbool.h>

#include "util/error.h"

#define SHARD_MAX 10000

/* The shard (0 to n - 1) of a switch name; n >= 1. */
unsigned shard_of(const char *name, unsigned n);

/* "K/N" with 1 <= K <= N <= SHARD_MAX -> *k (1-based, as written) and *n.
 * 0, or -1 with PR_ERR_USAGE. */
int shard_parse(const char *text, unsigned *k, unsigned *n, struct pr_error *err);

/* Whether name is in shard k (1-based) of n. */
bool shard_holds(const char *name, unsigned k, unsigned n);

#endif
