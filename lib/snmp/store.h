/* SPDX-License-Identifier: BSD-3-Clause */
/* An in-memory set of SNMP varbinds, sorted by OID. Every source (a live
 * agent, an snmprec recording, an `snmpwalk -On` dump) fills one of these,
 * and every interpreter reads only from one, so live and offline input go
 * through exactly the same code.
 *
 * Ownership: the store owns every name, byte string and OID value it holds;
 * pr_snmp_store_add() copies its arguments. pr_snmp_store_free() releases all and
 * accepts a zeroed or already freed store. */
#ifndef PR_SNMP_STORE_H
#define PR_SNMP_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/error.h"

#define PR_SNMP_OID_MAX 128

/* ASN.1 / SMI tags as they appear on the wire and in .snmprec files. */
enum pr_snmp_type {
    PR_SNMP_T_INTEGER = 2,
    PR_SNMP_T_OCTETS = 4,
    PR_SNMP_T_NULL = 5,
    PR_SNMP_T_OID = 6,
    PR_SNMP_T_IPADDR = 64,
    PR_SNMP_T_COUNTER32 = 65,
    PR_SNMP_T_GAUGE32 = 66,
    PR_SNMP_T_TIMETICKS = 67,
    PR_SNMP_T_OPAQUE = 68,
    PR_SNMP_T_COUNTER64 = 70,
    PR_SNMP_T_NOSUCHOBJECT = 128,
    PR_SNMP_T_NOSUCHINSTANCE = 129,
    PR_SNMP_T_ENDOFMIBVIEW = 130,
};

struct pr_snmp_value {
    enum pr_snmp_type type;
    /* INTEGER (signed), Counter32, Gauge32, TimeTicks, Counter64 (as the
     * same bits): the number. */
    int64_t num;
    /* OCTET STRING, Opaque, IpAddress (4 bytes): the bytes, NUL-terminated
     * one past len for convenience. OID: sub-identifiers in oid/oid_len. */
    uint8_t *bytes;
    size_t len;
    uint32_t *oid;
    size_t oid_len;
};

struct pr_snmp_varbind {
    uint32_t *name;
    size_t name_len;
    struct pr_snmp_value value;
};

struct pr_snmp_store {
    struct pr_snmp_varbind *vb;
    size_t n;
    size_t cap;
    bool sorted;
};

void pr_snmp_store_init(struct pr_snmp_store *store);
void pr_snmp_store_free(struct pr_snmp_store *store);

/* Copies name and value. A later add of the same OID replaces the value once
 * pr_snmp_store_finish() has run (the last one read wins). */
int pr_snmp_store_add(struct pr_snmp_store *store, const uint32_t *name, size_t name_len,
                      const struct pr_snmp_value *value, struct pr_error *err);

/* Sorts and removes duplicates. Lookups call it implicitly when needed. */
void pr_snmp_store_finish(struct pr_snmp_store *store);

/* Exact lookup; NULL when absent. Exception values (noSuchObject, ...) are
 * returned as stored, so callers check value.type. */
const struct pr_snmp_varbind *pr_snmp_store_get(struct pr_snmp_store *store, const uint32_t *name,
                                                size_t name_len);

/* The half-open range [*first, *first + *count) of varbinds whose name lies
 * strictly under prefix (a table column). Returns *count. */
size_t pr_snmp_store_subtree(struct pr_snmp_store *store, const uint32_t *prefix, size_t prefix_len,
                             size_t *first, size_t *count);

/* Copies every varbind under prefix from src into dst. */
int pr_snmp_store_copy_subtree(struct pr_snmp_store *dst, struct pr_snmp_store *src,
                               const uint32_t *prefix, size_t prefix_len, struct pr_error *err);

/* Lookup of column.index where index is a single sub-identifier: the common
 * case for tables indexed by ifIndex or bridge port. */
const struct pr_snmp_varbind *pr_snmp_store_get_indexed(struct pr_snmp_store *store,
                                                        const uint32_t *column, size_t column_len,
                                                        uint32_t index);

/* Integer-valued convenience: true and *out set when the varbind exists and
 * has an integer-like type (INTEGER, Counter32, Gauge32, TimeTicks,
 * Counter64). */
bool pr_snmp_value_integer(const struct pr_snmp_value *value, int64_t *out);

/* "1.3.6.1.2.1.1.1.0" or ".1.3.6..." -> sub-identifiers. */
int pr_snmp_oid_parse(const char *text, uint32_t *out, size_t max, size_t *out_len,
                      struct pr_error *err);

/* Sub-identifiers -> "1.3.6.1..." (no leading dot); truncates to fit. */
void pr_snmp_oid_format(const uint32_t *oid, size_t len, char *buf, size_t buf_len);

/* Ordering of OIDs (negative, 0, positive). */
int pr_snmp_oid_compare(const uint32_t *a, size_t a_len, const uint32_t *b, size_t b_len);

/* true when oid lies strictly under prefix. */
bool pr_snmp_oid_has_prefix(const uint32_t *oid, size_t oid_len, const uint32_t *prefix,
                            size_t prefix_len);

/* Renders a value for evidence text: numbers in decimal, printable strings
 * quoted, other strings as hex ("00 1a ..."), OIDs dotted. */
void pr_snmp_value_format(const struct pr_snmp_value *value, char *buf, size_t buf_len);

/* "INTEGER", "STRING", "OID", "IpAddress", "Counter32", "Gauge32",
 * "Timeticks", "Opaque", "Counter64", "NULL", "noSuchObject", ... (static
 * strings). */
const char *pr_snmp_type_name(enum pr_snmp_type type);

#endif
