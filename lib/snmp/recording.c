/* SPDX-License-Identifier: BSD-3-Clause */
/* The compact recording: keys that sort like OIDs, prefix compression with
 * restart points, values as variable-length integers.
 *
 * Key: each sub-identifier in 1 to 5 bytes, the count of leading one bits
 * of the first byte telling the length (0xxxxxxx below 2^7, 10xxxxxx +1
 * byte below 2^14, 110xxxxx +2 below 2^21, 1110xxxx +3 below 2^28,
 * 11110000 +4 for the rest), big-endian. A longer encoding always starts
 * with a greater byte and no encoding is the prefix of another, so memcmp of
 * two keys orders them as their OIDs, and a key starts with another's bytes
 * exactly when its OID lies under the other's.
 *
 * Record while adding:  varint(key length) key type payload
 * Record once finished: varint(shared) varint(rest) rest-of-key type payload
 * Payload by type: numbers zigzag varint; OCTET STRING, Opaque, IpAddress
 * varint(length) bytes; OID varint(count) varint(sub-identifier)...;
 * others nothing. */
#include "snmp/recording.h"

#include <stdlib.h>
#include <string.h>

#define REC_KEY_MAX     (PR_SNMP_OID_MAX * 5)
#define REC_RESTART     16
#define REC_OFFSET_MAX  0xffffffffu
#define REC_VARINT_MAX  10
#define REC_HEADER_MAX  (2 * REC_VARINT_MAX + 1)
#define REC_INITIAL_CAP (64 * 1024)

void pr_snmp_rec_init(struct pr_snmp_rec *rec)
{
    memset(rec, 0, sizeof *rec);
    rec->in_order = true;
}

void pr_snmp_rec_free(struct pr_snmp_rec *rec)
{
    if (rec == NULL)
        return;
    free(rec->raw);
    free(rec->order);
    free(rec->data);
    free(rec->restarts);
    pr_snmp_rec_init(rec);
}

/* ---- encodings ---- */

static size_t key_put(uint8_t *out, uint32_t v)
{
    if (v < 0x80u) {
        out[0] = (uint8_t)v;
        return 1;
    }
    if (v < 0x4000u) {
        out[0] = (uint8_t)(0x80u | v >> 8);
        out[1] = (uint8_t)v;
        return 2;
    }
    if (v < 0x200000u) {
        out[0] = (uint8_t)(0xc0u | v >> 16);
        out[1] = (uint8_t)(v >> 8);
        out[2] = (uint8_t)v;
        return 3;
    }
    if (v < 0x10000000u) {
        out[0] = (uint8_t)(0xe0u | v >> 24);
        out[1] = (uint8_t)(v >> 16);
        out[2] = (uint8_t)(v >> 8);
        out[3] = (uint8_t)v;
        return 4;
    }
    out[0] = 0xf0;
    out[1] = (uint8_t)(v >> 24);
    out[2] = (uint8_t)(v >> 16);
    out[3] = (uint8_t)(v >> 8);
    out[4] = (uint8_t)v;
    return 5;
}

static size_t key_encode(const uint32_t *name, size_t name_len, uint8_t *out)
{
    size_t n = 0;
    for (size_t i = 0; i < name_len; i++)
        n += key_put(out + n, name[i]);
    return n;
}

/* Keys are made here, so they are well formed. */
static size_t key_decode(const uint8_t *key, size_t key_len, uint32_t *name)
{
    size_t n = 0;
    for (size_t i = 0; i < key_len && n < PR_SNMP_OID_MAX;) {
        uint8_t b = key[i];
        size_t more = b < 0x80u ? 0 : b < 0xc0u ? 1 : b < 0xe0u ? 2 : b < 0xf0u ? 3 : 4;
        uint32_t v = more == 4 ? 0 : b & (0x7fu >> more);
        for (size_t k = 1; k <= more && i + k < key_len; k++)
            v = v << 8 | key[i + k];
        name[n++] = v;
        i += more + 1;
    }
    return n;
}

static int key_compare(const uint8_t *a, size_t a_len, const uint8_t *b, size_t b_len)
{
    int c = memcmp(a, b, a_len < b_len ? a_len : b_len);
    if (c != 0)
        return c;
    return a_len < b_len ? -1 : a_len > b_len ? 1 : 0;
}

static size_t varint_put(uint8_t *out, uint64_t v)
{
    size_t n = 0;
    while (v >= 0x80u) {
        out[n++] = (uint8_t)(v | 0x80u);
        v >>= 7;
    }
    out[n++] = (uint8_t)v;
    return n;
}

static uint64_t varint_get(const uint8_t **p)
{
    uint64_t v = 0;
    for (unsigned shift = 0; shift < 64; shift += 7) {
        uint8_t b = *(*p)++;
        v |= (uint64_t)(b & 0x7fu) << shift;
        if (b < 0x80u)
            break;
    }
    return v;
}

static bool type_numeric(enum pr_snmp_type t)
{
    return t == PR_SNMP_T_INTEGER || t == PR_SNMP_T_COUNTER32 || t == PR_SNMP_T_GAUGE32 ||
           t == PR_SNMP_T_TIMETICKS || t == PR_SNMP_T_COUNTER64;
}

static bool type_bytes(enum pr_snmp_type t)
{
    return t == PR_SNMP_T_OCTETS || t == PR_SNMP_T_OPAQUE || t == PR_SNMP_T_IPADDR;
}

/* The most bytes a value's type and payload take. */
static size_t value_size_max(const struct pr_snmp_value *v)
{
    if (type_bytes(v->type))
        return 1 + REC_VARINT_MAX + v->len;
    if (v->type == PR_SNMP_T_OID)
        return 1 + REC_VARINT_MAX + v->oid_len * 5;
    return 1 + REC_VARINT_MAX;
}

static size_t value_put(uint8_t *out, const struct pr_snmp_value *v)
{
    size_t n = 0;
    out[n++] = (uint8_t)v->type;
    if (type_numeric(v->type)) {
        uint64_t bits = (uint64_t)v->num;
        n += varint_put(out + n, bits << 1 ^ (uint64_t) - (int64_t)(bits >> 63));
    } else if (type_bytes(v->type)) {
        n += varint_put(out + n, v->len);
        if (v->len > 0)
            memcpy(out + n, v->bytes, v->len);
        n += v->len;
    } else if (v->type == PR_SNMP_T_OID) {
        n += varint_put(out + n, v->oid_len);
        for (size_t i = 0; i < v->oid_len; i++)
            n += varint_put(out + n, v->oid[i]);
    }
    return n;
}

/* Reads a value at *p (advancing past it). With out NULL it is only
 * skipped; else bytes point into the arena and the OID goes to oid. */
static void value_get(const uint8_t **p, struct pr_snmp_value *out, uint32_t *oid)
{
    enum pr_snmp_type type = (enum pr_snmp_type) * (*p)++;
    struct pr_snmp_value v = {.type = type};
    if (type_numeric(type)) {
        uint64_t z = varint_get(p);
        v.num = (int64_t)(z >> 1 ^ (uint64_t) - (int64_t)(z & 1));
    } else if (type_bytes(type)) {
        v.len = (size_t)varint_get(p);
        v.bytes = (uint8_t *)*p;
        *p += v.len;
    } else if (type == PR_SNMP_T_OID) {
        v.oid_len = (size_t)varint_get(p);
        for (size_t i = 0; i < v.oid_len; i++) {
            uint32_t sub = (uint32_t)varint_get(p);
            if (oid != NULL)
                oid[i] = sub;
        }
        v.oid = oid;
    }
    if (out != NULL)
        *out = v;
}

/* ---- adding ---- */

static int grow(void **buf, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return 0;
    size_t cap2 = *cap ? *cap : REC_INITIAL_CAP;
    while (cap2 < need) {
        if (cap2 > SIZE_MAX / 2 / elem)
            return -1;
        cap2 *= 2;
    }
    void *bigger = realloc(*buf, cap2 * elem);
    if (bigger == NULL)
        return -1;
    *buf = bigger;
    *cap = cap2;
    return 0;
}

/* The whole key of a record added, and where its value starts. */
static const uint8_t *raw_key(const struct pr_snmp_rec *rec, uint32_t offset, size_t *key_len)
{
    const uint8_t *p = rec->raw + offset;
    *key_len = (size_t)varint_get(&p);
    return p;
}

int pr_snmp_rec_add(struct pr_snmp_rec *rec, const uint32_t *name, size_t name_len,
                    const struct pr_snmp_value *value, struct pr_error *err)
{
    if (rec->finished)
        return pr_error_set(err, PR_ERR_INTERNAL, "recording: add after finish");
    if (name_len == 0 || name_len > PR_SNMP_OID_MAX)
        return pr_error_set(err, PR_ERR_INTERNAL, "varbind name of %zu sub-identifiers", name_len);
    uint8_t key[REC_KEY_MAX];
    size_t key_len = key_encode(name, name_len, key);
    size_t need = REC_VARINT_MAX + key_len + value_size_max(value);
    if (rec->raw_len > REC_OFFSET_MAX - need)
        return pr_error_set(err, PR_ERR_INPUT, "recording: more than 4 GiB of varbinds");
    if (grow((void **)&rec->raw, &rec->raw_cap, rec->raw_len + need, 1) != 0 ||
        grow((void **)&rec->order, &rec->order_cap, rec->n_added + 1, sizeof *rec->order) != 0)
        return pr_error_set(err, PR_ERR_INTERNAL, "out of memory after %zu varbinds", rec->n_added);
    /* Input in ascending order (a live walk, most recordings) needs no
     * sorting; anything else is sorted once by finish. */
    if (rec->in_order && rec->n_added > 0) {
        size_t prev_len;
        const uint8_t *prev = raw_key(rec, rec->order[rec->n_added - 1], &prev_len);
        if (key_compare(prev, prev_len, key, key_len) >= 0)
            rec->in_order = false;
    }
    rec->order[rec->n_added++] = (uint32_t)rec->raw_len;
    uint8_t *out = rec->raw + rec->raw_len;
    size_t n = varint_put(out, key_len);
    memcpy(out + n, key, key_len);
    n += key_len;
    n += value_put(out + n, value);
    rec->raw_len += n;
    return 0;
}

/* ---- finishing ---- */

static int raw_compare(const struct pr_snmp_rec *rec, uint32_t a, uint32_t b)
{
    size_t a_len, b_len;
    const uint8_t *ka = raw_key(rec, a, &a_len);
    const uint8_t *kb = raw_key(rec, b, &b_len);
    return key_compare(ka, a_len, kb, b_len);
}

/* Stable merge sort of the offsets, so that among equal keys the one added
 * last stays last. Sorted runs cost one comparison. */
static void sort_order(const struct pr_snmp_rec *rec, uint32_t *v, uint32_t *tmp, size_t n)
{
    if (n < 2)
        return;
    size_t half = n / 2;
    sort_order(rec, v, tmp, half);
    sort_order(rec, v + half, tmp, n - half);
    if (raw_compare(rec, v[half - 1], v[half]) < 0)
        return;
    size_t i = 0, j = half, k = 0;
    while (i < half && j < n)
        tmp[k++] = raw_compare(rec, v[j], v[i]) < 0 ? v[j++] : v[i++];
    while (i < half)
        tmp[k++] = v[i++];
    while (j < n)
        tmp[k++] = v[j++];
    memcpy(v, tmp, n * sizeof *v);
}

int pr_snmp_rec_finish(struct pr_snmp_rec *rec, struct pr_error *err)
{
    if (rec->finished)
        return 0;
    size_t n = rec->n_added;
    if (!rec->in_order) {
        uint32_t *tmp = malloc((n ? n : 1) * sizeof *tmp);
        if (tmp == NULL)
            return pr_error_set(err, PR_ERR_INTERNAL, "out of memory sorting %zu varbinds", n);
        sort_order(rec, rec->order, tmp, n);
        free(tmp);
    }
    /* A compressed record is at most one byte longer than its raw form. */
    size_t cap = rec->raw_len + n + 1;
    rec->data = malloc(cap);
    rec->restarts = malloc((n / REC_RESTART + 1) * sizeof *rec->restarts);
    if (rec->data == NULL || rec->restarts == NULL) {
        free(rec->data);
        free(rec->restarts);
        rec->data = NULL;
        rec->restarts = NULL;
        return pr_error_set(err, PR_ERR_INTERNAL, "out of memory packing %zu varbinds", n);
    }
    const uint8_t *prev = NULL;
    size_t prev_len = 0, len = 0, count = 0;
    for (size_t i = 0; i < n; i++) {
        size_t key_len;
        const uint8_t *key = raw_key(rec, rec->order[i], &key_len);
        if (i + 1 < n && raw_compare(rec, rec->order[i], rec->order[i + 1]) == 0)
            continue; /* the last one read wins */
        size_t shared = 0;
        if (count % REC_RESTART == 0) {
            rec->restarts[rec->n_restarts++] = (uint32_t)len;
        } else {
            size_t most = prev_len < key_len ? prev_len : key_len;
            while (shared < most && prev[shared] == key[shared])
                shared++;
        }
        const uint8_t *value = key + key_len, *end = value;
        value_get(&end, NULL, NULL);
        uint8_t *out = rec->data + len;
        size_t w = varint_put(out, shared);
        w += varint_put(out + w, key_len - shared);
        memcpy(out + w, key + shared, key_len - shared);
        w += key_len - shared;
        memcpy(out + w, value, (size_t)(end - value));
        w += (size_t)(end - value);
        len += w;
        count++;
        prev = key;
        prev_len = key_len;
    }
    free(rec->raw);
    free(rec->order);
    rec->raw = NULL;
    rec->order = NULL;
    rec->raw_len = rec->raw_cap = rec->order_cap = 0;
    /* Give back what compression saved. */
    uint8_t *fit = realloc(rec->data, len ? len : 1);
    if (fit != NULL)
        rec->data = fit;
    rec->data_len = len;
    rec->count = count;
    rec->finished = true;
    return 0;
}

size_t pr_snmp_rec_count(const struct pr_snmp_rec *rec)
{
    return rec->finished ? rec->count : 0;
}

size_t pr_snmp_rec_bytes(const struct pr_snmp_rec *rec)
{
    return rec->raw_cap + rec->order_cap * sizeof *rec->order + rec->data_len +
           rec->n_restarts * sizeof *rec->restarts;
}

/* ---- reading ---- */

struct rec_iter {
    const struct pr_snmp_rec *rec;
    size_t pos; /* offset of the next record */
    bool valid; /* a current record */
    uint8_t key[REC_KEY_MAX];
    size_t key_len;
    const uint8_t *value;
};

/* Reads the record at it->pos into the current one; false at the end. */
static bool iter_next(struct rec_iter *it)
{
    if (it->pos >= it->rec->data_len) {
        it->valid = false;
        return false;
    }
    const uint8_t *p = it->rec->data + it->pos;
    size_t shared = (size_t)varint_get(&p);
    size_t rest = (size_t)varint_get(&p);
    memcpy(it->key + shared, p, rest);
    it->key_len = shared + rest;
    p += rest;
    it->value = p;
    value_get(&p, NULL, NULL);
    it->pos = (size_t)(p - it->rec->data);
    it->valid = true;
    return true;
}

/* The whole key of the restart record r. */
static const uint8_t *restart_key(const struct pr_snmp_rec *rec, size_t r, size_t *key_len)
{
    const uint8_t *p = rec->data + rec->restarts[r];
    (void)varint_get(&p); /* shared: 0 */
    *key_len = (size_t)varint_get(&p);
    return p;
}

/* Positions it on the first record whose key is >= key. */
static void iter_seek(struct rec_iter *it, const struct pr_snmp_rec *rec, const uint8_t *key,
                      size_t key_len)
{
    memset(it, 0, sizeof *it);
    it->rec = rec;
    if (!rec->finished || rec->n_restarts == 0)
        return;
    size_t lo = 0, hi = rec->n_restarts;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        size_t mid_len;
        const uint8_t *mid_key = restart_key(rec, mid, &mid_len);
        if (key_compare(mid_key, mid_len, key, key_len) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    /* Records before restart lo may still be >= key; those of restart
     * lo - 1 are the only candidates. */
    it->pos = rec->restarts[lo > 0 ? lo - 1 : 0];
    while (iter_next(it) && key_compare(it->key, it->key_len, key, key_len) < 0)
        ;
}

static int iter_copy(struct pr_snmp_store *dst, const struct rec_iter *it, struct pr_error *err)
{
    uint32_t name[PR_SNMP_OID_MAX], oid[PR_SNMP_OID_MAX];
    size_t name_len = key_decode(it->key, it->key_len, name);
    struct pr_snmp_value v;
    const uint8_t *p = it->value;
    value_get(&p, &v, oid);
    return pr_snmp_store_add(dst, name, name_len, &v, err);
}

int pr_snmp_rec_copy_scalar(struct pr_snmp_store *dst, const struct pr_snmp_rec *rec,
                            const uint32_t *name, size_t name_len, struct pr_error *err)
{
    if (name_len == 0 || name_len > PR_SNMP_OID_MAX)
        return 0;
    uint8_t key[REC_KEY_MAX];
    size_t key_len = key_encode(name, name_len, key);
    struct rec_iter it;
    iter_seek(&it, rec, key, key_len);
    if (!it.valid || key_compare(it.key, it.key_len, key, key_len) != 0 ||
        *it.value >= PR_SNMP_T_NOSUCHOBJECT)
        return 0;
    return iter_copy(dst, &it, err);
}

int pr_snmp_rec_copy_subtree(struct pr_snmp_store *dst, const struct pr_snmp_rec *rec,
                             const uint32_t *prefix, size_t prefix_len, struct pr_error *err)
{
    if (prefix_len > PR_SNMP_OID_MAX)
        return 0;
    uint8_t key[REC_KEY_MAX];
    size_t key_len = key_encode(prefix, prefix_len, key);
    struct rec_iter it;
    iter_seek(&it, rec, key, key_len);
    for (; it.valid; iter_next(&it)) {
        if (it.key_len < key_len || memcmp(it.key, key, key_len) != 0)
            break;
        if (it.key_len == key_len)
            continue; /* the prefix itself is not under itself */
        if (iter_copy(dst, &it, err) != 0)
            return -1;
    }
    return 0;
}
