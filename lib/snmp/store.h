/* An in-memory set of SNMP varbinds, sorted by OID. Every source (a live
 * agent, an snmprec recording, an `snmpwalk -On` dump) fills one of these,
 * and every interpreter reads only from one, so live and offline input go
 * through exactly the same code.
 *
 * Ownership: the store owns every name, byte string and OID value it holds;
 * snmp_store_add() copies its arguments. snmp_store_free() releases all and
 * accepts a zeroed or already freed store. */
#ifndef PR_SNMP_STORE_H
#define PR_SNMP_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model/error.h"

#define SNMP_OID_MAX 128

/* ASN.1 / SMI tags as they appear on the wire and in .snmprec files. */
enum snmp_type {
    SNMP_T_INTEGER = 2,
    SNMP_T_OCTETS = 4,
    SNMP_T_NULL = 5,
    SNMP_T_OID = 6,
    SNMP_T_IPADDR = 64,
    SNMP_T_COUNTER32 = 65,
    SNMP_T_GAUGE32 = 66,
    SNMP_T_TIMETICKS = 67,
    SNMP_T_OPAQUE = 68,
    SNMP_T_COUNTER64 = 70,
    SNMP_T_NOSUCHOBJECT = 128,
    SNMP_T_NOSUCHINSTANCE = 129,
    SNMP_T_ENDOFMIBVIEW = 130,
};

struct snmp_value {
    enum snmp_type type;
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

struct snmp_varbind {
    uint32_t *name;
    size_t name_len;
    struct snmp_value value;
};

struct snmp_store {
    struct snmp_varbind *vb;
    size_t n;
    size_t cap;
    bool sorted;
};

void snmp_store_init(struct snmp_store *store);
void snmp_store_free(struct snmp_store *store);

/* Copies name and value. A later add of the same OID replaces the value once
 * snmp_store_finish() has run (the last one read wins). */
int snmp_store_add(struct snmp_store *store, const uint32_t *name, size_t name_len,
                   const struct snmp_value *value, struct pr_error *err);

/* Sorts and removes duplicates. Lookups call it implicitly when needed. */
void snmp_store_finish(struct snmp_store *store);

/* Exact lookup; NULL when absent. Exception values (noSuchObject, ...) are
 * returned as stored, so callers check value.type. */
const struct snmp_varbind *snmp_store_get(struct snmp_store *store, const uint32_t *name,
                                          size_t name_len);

/* The half-open range [*first, *first + *count) of varbinds whose name lies
 * strictly under prefix (a table column). Returns *count. */
size_t snmp_store_subtree(struct snmp_store *store, const uint32_t *prefix, size_t prefix_len,
                          size_t *first, size_t *count);

/* Copies every varbind under prefix from src into dst. */
int snmp_store_copy_subtree(struct snmp_store *dst, struct snmp_store *src, const uint32_t *prefix,
                            size_t prefix_len, struct pr_error *err);

/* Lookup of column.index where index is a single sub-identifier: the common
 * case for tables indexed by ifIndex or bridge port. */
const struct snmp_varbind *snmp_store_get_indexed(struct snmp_store *store, const uint32_t *column,
                                                  size_t column_len, uint32_t index);

/* Integer-valued convenience: true and *out set when the varbind exists and
 * has an integer-like type (INTEGER, Counter32, Gauge32, TimeTicks,
 * Counter64). */
bool snmp_value_integer(const struct snmp_value *value, int64_t *out);

/* "1.3.6.1.2.1.1.1.0" or ".1.3.6..." -> sub-identifiers. */
int snmp_oid_parse(const char *text, uint32_t *out, size_t max, size_t *out_len,
                   struct pr_error *err);

/* Sub-identifiers -> "1.3.6.1..." (no leading dot); truncates to fit. */
void snmp_oid_format(const uint32_t *oid, size_t len, char *buf, size_t buf_len);

/* Ordering of OIDs (negative, 0, positive). The exported function is
 * snmp_oid_cmp: libnetsnmp exports a snmp_oid_compare of its own, and a
 * second global definition of that name would replace it inside net-snmp.
 * snmp_oid_compare stays available as a static inline for every file that
 * does not include net-snmp's headers (those define PR_SNMP_WITH_NETSNMP). */
int snmp_oid_cmp(const uint32_t *a, size_t a_len, const uint32_t *b, size_t b_len);
#ifndef PR_SNMP_WITH_NETSNMP
static inline int snmp_oid_compare(const uint32_t *a, size_t a_len, const uint32_t *b, size_t b_len)
{
    return snmp_oid_cmp(a, a_len, b, b_len);
}
#endif

/* true when oid lies strictly under prefix. */
bool snmp_oid_has_prefix(const uint32_t *oid, size_t oid_len, const uint32_t *prefix,
                         size_t prefix_len);

/* Renders a value for evidence text: numbers in decimal, printable strings
 * quoted, other strings as hex ("00 1a ..."), OIDs dotted. */
void snmp_value_format(const struct snmp_value *value, char *buf, size_t buf_len);

/* "INTEGER", "STRING", "OID", "IpAddress", "Counter32", "Gauge32",
 * "Timeticks", "Opaque", "Counter64", "NULL", "noSuchObject", ... (static
 * strings). */
const char *snmp_type_name(enum snmp_type type);

#endif
