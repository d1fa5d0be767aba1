/* SPDX-License-Identifier: BSD-3-Clause */
/* The sorted varbind store: append, stable sort with "last one wins"
 * de-duplication, binary-search lookups and subtree ranges. */
#include "snmp/store.h"

#include <stdlib.h>
#include <string.h>

void pr_snmp_store_init(struct pr_snmp_store *store)
{
    memset(store, 0, sizeof *store);
    store->sorted = true;
}

static void varbind_free(struct pr_snmp_varbind *vb)
{
    free(vb->name);
    free(vb->value.bytes);
    free(vb->value.oid);
}

void pr_snmp_store_free(struct pr_snmp_store *store)
{
    if (store == NULL)
        return;
    for (size_t i = 0; i < store->n; i++)
        varbind_free(&store->vb[i]);
    free(store->vb);
    pr_snmp_store_init(store);
}

static int value_copy(struct pr_snmp_value *dst, const struct pr_snmp_value *src)
{
    memset(dst, 0, sizeof *dst);
    dst->type = src->type;
    dst->num = src->num;
    bool stringlike = src->type == PR_SNMP_T_OCTETS || src->type == PR_SNMP_T_OPAQUE ||
                      src->type == PR_SNMP_T_IPADDR;
    if (stringlike || src->bytes != NULL || src->len > 0) {
        dst->bytes = malloc(src->len + 1);
        if (dst->bytes == NULL)
            return -1;
        if (src->len > 0)
            memcpy(dst->bytes, src->bytes, src->len);
        dst->bytes[src->len] = '\0';
        dst->len = src->len;
    }
    if (src->oid_len > 0) {
        dst->oid = malloc(src->oid_len * sizeof *dst->oid);
        if (dst->oid == NULL) {
            free(dst->bytes);
            dst->bytes = NULL;
            return -1;
        }
        memcpy(dst->oid, src->oid, src->oid_len * sizeof *dst->oid);
        dst->oid_len = src->oid_len;
    }
    return 0;
}

int pr_snmp_store_add(struct pr_snmp_store *store, const uint32_t *name, size_t name_len,
                      const struct pr_snmp_value *value, struct pr_error *err)
{
    if (name_len == 0 || name_len > PR_SNMP_OID_MAX)
        return pr_error_set(err, PR_ERR_INTERNAL, "varbind name of %zu sub-identifiers", name_len);
    if (store->n == store->cap) {
        size_t cap = store->cap ? store->cap * 2 : 64;
        struct pr_snmp_varbind *vb = realloc(store->vb, cap * sizeof *vb);
        if (vb == NULL)
            return pr_error_set(err, PR_ERR_INTERNAL, "out of memory");
        store->vb = vb;
        store->cap = cap;
    }
    struct pr_snmp_varbind *vb = &store->vb[store->n];
    vb->name = malloc(name_len * sizeof *vb->name);
    if (vb->name == NULL || value_copy(&vb->value, value) != 0) {
        free(vb->name);
        return pr_error_set(err, PR_ERR_INTERNAL, "out of memory");
    }
    memcpy(vb->name, name, name_len * sizeof *vb->name);
    vb->name_len = name_len;
    /* Input in ascending order (a live walk, most recordings) stays sorted
     * without any work; anything else is sorted once by finish. */
    if (store->n > 0 && store->sorted) {
        const struct pr_snmp_varbind *prev = &store->vb[store->n - 1];
        if (pr_snmp_oid_compare(prev->name, prev->name_len, name, name_len) >= 0)
            store->sorted = false;
    }
    store->n++;
    return 0;
}

static int varbind_cmp(const struct pr_snmp_varbind *a, const struct pr_snmp_varbind *b)
{
    return pr_snmp_oid_compare(a->name, a->name_len, b->name, b->name_len);
}

/* Stable merge sort, so that among equal names the one added last stays
 * last and wins the de-duplication below. */
static void merge_sort(struct pr_snmp_varbind *vb, struct pr_snmp_varbind *tmp, size_t n)
{
    if (n < 2)
        return;
    size_t half = n / 2;
    merge_sort(vb, tmp, half);
    merge_sort(vb + half, tmp, n - half);
    if (varbind_cmp(&vb[half - 1], &vb[half]) < 0)
        return;
    size_t i = 0, j = half, k = 0;
    while (i < half && j < n)
        tmp[k++] = varbind_cmp(&vb[j], &vb[i]) < 0 ? vb[j++] : vb[i++];
    while (i < half)
        tmp[k++] = vb[i++];
    while (j < n)
        tmp[k++] = vb[j++];
    memcpy(vb, tmp, n * sizeof *vb);
}

void pr_snmp_store_finish(struct pr_snmp_store *store)
{
    if (store->sorted)
        return;
    struct pr_snmp_varbind *tmp = malloc(store->n * sizeof *tmp);
    if (tmp == NULL)
        return; /* stays unsorted; lookups fall back to a linear scan */
    merge_sort(store->vb, tmp, store->n);
    free(tmp);
    size_t out = 0;
    for (size_t i = 0; i < store->n; i++) {
        if (i + 1 < store->n && varbind_cmp(&store->vb[i], &store->vb[i + 1]) == 0) {
            varbind_free(&store->vb[i]);
            continue;
        }
        store->vb[out++] = store->vb[i];
    }
    store->n = out;
    store->sorted = true;
}

/* Index of the first varbind whose name is >= name (n when none). */
static size_t lower_bound(const struct pr_snmp_store *store, const uint32_t *name, size_t name_len)
{
    size_t lo = 0, hi = store->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const struct pr_snmp_varbind *vb = &store->vb[mid];
        if (pr_snmp_oid_compare(vb->name, vb->name_len, name, name_len) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

const struct pr_snmp_varbind *pr_snmp_store_get(struct pr_snmp_store *store, const uint32_t *name,
                                                size_t name_len)
{
    pr_snmp_store_finish(store);
    if (!store->sorted) {
        const struct pr_snmp_varbind *found = NULL;
        for (size_t i = 0; i < store->n; i++) {
            if (pr_snmp_oid_compare(store->vb[i].name, store->vb[i].name_len, name, name_len) == 0)
                found = &store->vb[i];
        }
        return found;
    }
    size_t i = lower_bound(store, name, name_len);
    if (i < store->n &&
        pr_snmp_oid_compare(store->vb[i].name, store->vb[i].name_len, name, name_len) == 0)
        return &store->vb[i];
    return NULL;
}

size_t pr_snmp_store_subtree(struct pr_snmp_store *store, const uint32_t *prefix, size_t prefix_len,
                             size_t *first, size_t *count)
{
    pr_snmp_store_finish(store);
    *first = 0;
    *count = 0;
    if (!store->sorted)
        return 0;
    size_t i = lower_bound(store, prefix, prefix_len);
    /* The prefix itself, if present, is not under itself. */
    if (i < store->n && store->vb[i].name_len == prefix_len &&
        pr_snmp_oid_compare(store->vb[i].name, prefix_len, prefix, prefix_len) == 0)
        i++;
    size_t j = i;
    while (j < store->n &&
           pr_snmp_oid_has_prefix(store->vb[j].name, store->vb[j].name_len, prefix, prefix_len))
        j++;
    *first = i;
    *count = j - i;
    return *count;
}

int pr_snmp_store_copy_subtree(struct pr_snmp_store *dst, struct pr_snmp_store *src,
                               const uint32_t *prefix, size_t prefix_len, struct pr_error *err)
{
    size_t first, count;
    pr_snmp_store_subtree(src, prefix, prefix_len, &first, &count);
    for (size_t i = first; i < first + count; i++) {
        const struct pr_snmp_varbind *vb = &src->vb[i];
        if (pr_snmp_store_add(dst, vb->name, vb->name_len, &vb->value, err) != 0)
            return -1;
    }
    return 0;
}

const struct pr_snmp_varbind *pr_snmp_store_get_indexed(struct pr_snmp_store *store,
                                                        const uint32_t *column, size_t column_len,
                                                        uint32_t index)
{
    if (column_len >= PR_SNMP_OID_MAX)
        return NULL;
    uint32_t name[PR_SNMP_OID_MAX];
    memcpy(name, column, column_len * sizeof *name);
    name[column_len] = index;
    return pr_snmp_store_get(store, name, column_len + 1);
}

bool pr_snmp_value_integer(const struct pr_snmp_value *value, int64_t *out)
{
    if (value == NULL)
        return false;
    switch (value->type) {
    case PR_SNMP_T_INTEGER:
    case PR_SNMP_T_COUNTER32:
    case PR_SNMP_T_GAUGE32:
    case PR_SNMP_T_TIMETICKS:
    case PR_SNMP_T_COUNTER64:
        *out = value->num;
        return true;
    default:
        return false;
    }
}
