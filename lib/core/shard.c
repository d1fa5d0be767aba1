/* SPDX-License-Identifier: BSD-3-Clause */
#include "core/shard.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/strutil.h"

static uint64_t fnv1a64(const char *text)
{
    uint64_t h = 0xcbf29ce484222325ULL;
    for (const unsigned char *p = (const unsigned char *)text; *p != '\0'; p++) {
        h ^= *p;
        h *= 0x100000001b3ULL;
    }
    return h;
}

/* Lamping and Veach, "A Fast, Minimal Memory, Consistent Hash Algorithm"
 * (2014). */
static unsigned jump_hash(uint64_t key, unsigned buckets)
{
    int64_t b = -1, j = 0;
    while (j < (int64_t)buckets) {
        b = j;
        key = key * 2862933555777941757ULL + 1;
        j = (int64_t)((double)(b + 1) * ((double)(1LL << 31) / (double)((key >> 33) + 1)));
    }
    return (unsigned)b;
}

unsigned shard_of(const char *name, unsigned n)
{
    return n <= 1 ? 0 : jump_hash(fnv1a64(name), n);
}

bool shard_holds(const char *name, unsigned k, unsigned n)
{
    return shard_of(name, n) + 1 == k;
}

int shard_parse(const char *text, unsigned *k, unsigned *n, struct pr_error *err)
{
    const char *slash = strchr(text, '/');
    char left[16];
    long long kk, nn;
    size_t len = slash != NULL ? (size_t)(slash - text) : 0;
    if (slash == NULL || len == 0 || len >= sizeof left)
        return pr_error_set(err, PR_ERR_USAGE, "--shard takes K/N (such as 2/4), not '%s'", text);
    memcpy(left, text, len);
    left[len] = '\0';
    if (!pr_parse_int(left, 1, SHARD_MAX, &kk) || !pr_parse_int(slash + 1, 1, SHARD_MAX, &nn))
        return pr_error_set(err, PR_ERR_USAGE, "--shard takes K/N with 1 <= K <= N <= %d, not '%s'",
                            SHARD_MAX, text);
    if (kk > nn)
        return pr_error_set(err, PR_ERR_USAGE, "--shard %s: K is above N", text);
    *k = (unsigned)kk;
    *n = (unsigned)nn;
    return 0;
}
