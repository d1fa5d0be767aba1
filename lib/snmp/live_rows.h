/* SPDX-License-Identifier: BSD-3-Clause */
/* The scalars in which an agent counts the rows of its tables, so a walk
 * knows how long a column will be before it reaches the column's end
 * (live_rows.c; the objects are cited in docs/snmp-requests.md). Internal
 * to lib/snmp. */
#ifndef PR_SNMP_LIVE_ROWS_H
#define PR_SNMP_LIVE_ROWS_H

#include <stddef.h>
#include <stdint.h>

/* ifNumber.0 and dot1dBaseNumPorts.0. */
#define LIVE_COUNTS 2

/* What the counts said; 0: not told. */
struct live_counts {
    size_t rows[LIVE_COUNTS];
};

/* The OID of count i (with its .0); its length in *len. */
const uint32_t *live_count_oid(size_t i, size_t *len);

/* The rows of the table a column under prefix lies in, as far as the
 * counts tell (ifTable and ifXTable: ifNumber; the tables indexed by
 * dot1dBasePort: dot1dBaseNumPorts); 0 when they do not. */
size_t live_counts_rows(const struct live_counts *c, const uint32_t *prefix, size_t prefix_len);

#endif
