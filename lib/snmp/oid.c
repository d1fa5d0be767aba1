/* SPDX-License-Identifier: BSD-3-Clause */
/* Numeric OIDs: parsing, formatting, ordering. */
#include "snmp/store.h"

#include <stdio.h>
#include <string.h>

int pr_snmp_oid_parse(const char *text, uint32_t *out, size_t max, size_t *out_len,
                      struct pr_error *err)
{
    const char *p = text;
    size_t n = 0;
    *out_len = 0;
    if (*p == '.')
        p++;
    if (*p == '\0')
        return pr_error_set(err, PR_ERR_INPUT, "bad OID '%s': empty", text);
    for (;;) {
        if (*p < '0' || *p > '9') {
            if (*p == '.' || *p == '\0')
                return pr_error_set(err, PR_ERR_INPUT, "bad OID '%s': empty sub-identifier", text);
            return pr_error_set(err, PR_ERR_INPUT, "bad OID '%s': unexpected character '%c'", text,
                                *p);
        }
        uint64_t sub = 0;
        while (*p >= '0' && *p <= '9') {
            sub = sub * 10 + (uint64_t)(*p - '0');
            if (sub > UINT32_MAX)
                return pr_error_set(err, PR_ERR_INPUT,
                                    "bad OID '%s': sub-identifier above 4294967295", text);
            p++;
        }
        if (n == max)
            return pr_error_set(err, PR_ERR_INPUT, "bad OID '%s': more than %zu sub-identifiers",
                                text, max);
        out[n++] = (uint32_t)sub;
        if (*p == '\0')
            break;
        if (*p != '.')
            return pr_error_set(err, PR_ERR_INPUT, "bad OID '%s': unexpected character '%c'", text,
                                *p);
        p++;
    }
    *out_len = n;
    return 0;
}

void pr_snmp_oid_format(const uint32_t *oid, size_t len, char *buf, size_t buf_len)
{
    if (buf_len == 0)
        return;
    buf[0] = '\0';
    size_t used = 0;
    for (size_t i = 0; i < len; i++) {
        int w = snprintf(buf + used, buf_len - used, i == 0 ? "%u" : ".%u", oid[i]);
        if (w < 0 || (size_t)w >= buf_len - used) {
            buf[used] = '\0'; /* only whole sub-identifiers */
            return;
        }
        used += (size_t)w;
    }
}

int pr_snmp_oid_compare(const uint32_t *a, size_t a_len, const uint32_t *b, size_t b_len)
{
    size_t n = a_len < b_len ? a_len : b_len;
    for (size_t i = 0; i < n; i++) {
        if (a[i] != b[i])
            return a[i] < b[i] ? -1 : 1;
    }
    if (a_len == b_len)
        return 0;
    return a_len < b_len ? -1 : 1;
}

bool pr_snmp_oid_has_prefix(const uint32_t *oid, size_t oid_len, const uint32_t *prefix,
                            size_t prefix_len)
{
    if (oid_len <= prefix_len)
        return false;
    if (prefix_len == 0)
        return true;
    return memcmp(oid, prefix, prefix_len * sizeof *oid) == 0;
}
