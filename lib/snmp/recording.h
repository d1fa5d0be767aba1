/* SPDX-License-Identifier: BSD-3-Clause */
/* A recorded walk held compactly: the varbinds of a walk file, sorted by
 * OID and read-only once built, in one arena. A recording can be a hundred
 * megabytes of text while a driver asks for a few columns of it, so it is
 * kept the way it compresses best and the columns asked for are copied out
 * into an ordinary store (store.h), which is what every interpreter reads.
 *
 * Layout: each OID is turned into a key whose bytes compare like the OID
 * (memcmp order is OID order; see recording.c), each record keeps only the
 * part of its key that differs from the previous record's, and every 16th
 * record keeps its whole key so lookups can binary-search those. Values
 * follow their key: numbers as variable-length integers, strings as a
 * length and their bytes, OID values as sub-identifiers.
 *
 * Ownership: the recording owns its arena; pr_snmp_rec_add() copies its
 * arguments. pr_snmp_rec_free() releases all and accepts a zeroed or
 * already freed recording. */
#ifndef PR_SNMP_RECORDING_H
#define PR_SNMP_RECORDING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/error.h"
#include "snmp/store.h"

struct pr_snmp_rec {
    /* While adding: records with whole keys, and their offsets. */
    uint8_t *raw;
    size_t raw_len, raw_cap;
    uint32_t *order;
    size_t n_added, order_cap;
    bool in_order; /* every key so far greater than the one before */
    /* Once finished: the compressed records and the restart offsets. */
    uint8_t *data;
    size_t data_len;
    uint32_t *restarts;
    size_t n_restarts;
    size_t count; /* distinct varbinds */
    bool finished;
};

void pr_snmp_rec_init(struct pr_snmp_rec *rec);
void pr_snmp_rec_free(struct pr_snmp_rec *rec);

/* Appends a varbind (before pr_snmp_rec_finish()). A later add of the same
 * OID wins, as in a store. */
int pr_snmp_rec_add(struct pr_snmp_rec *rec, const uint32_t *name, size_t name_len,
                    const struct pr_snmp_value *value, struct pr_error *err);

/* Sorts, keeps the last of equal OIDs, compresses and frees what adding
 * needed. Afterwards the recording is read-only. */
int pr_snmp_rec_finish(struct pr_snmp_rec *rec, struct pr_error *err);

/* Distinct varbinds of a finished recording. */
size_t pr_snmp_rec_count(const struct pr_snmp_rec *rec);

/* Bytes held (arena and offsets), for tests and figures. */
size_t pr_snmp_rec_bytes(const struct pr_snmp_rec *rec);

/* Copies into dst the varbind named exactly name when it exists and is not
 * an exception (noSuchObject, ...). */
int pr_snmp_rec_copy_scalar(struct pr_snmp_store *dst, const struct pr_snmp_rec *rec,
                            const uint32_t *name, size_t name_len, struct pr_error *err);

/* Copies into dst every varbind strictly under prefix (prefix_len 0: all). */
int pr_snmp_rec_copy_subtree(struct pr_snmp_store *dst, const struct pr_snmp_rec *rec,
                             const uint32_t *prefix, size_t prefix_len, struct pr_error *err);

#endif
