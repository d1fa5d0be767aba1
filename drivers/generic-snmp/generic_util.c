/* SPDX-License-Identifier: BSD-3-Clause */
#include <stdio.h>
#include <string.h>

#include "generic-snmp/generic_snmp.h"
#include "util/safe_text.h"
#include "util/strutil.h"

void generic_evidence(char *buf, size_t len, const struct mib_object *obj, const char *index,
                      const struct pr_snmp_varbind *vb, const char *value_text)
{
    char raw[160] = "";
    if (vb != NULL)
        pr_snmp_value_format(&vb->value, raw, sizeof raw);
    if (value_text != NULL && vb != NULL && vb->value.type == PR_SNMP_T_INTEGER)
        snprintf(buf, len, "%s %s.%s = %s(%s)", obj->mib, obj->name, index, value_text, raw);
    else if (value_text != NULL && vb != NULL && vb->value.type != PR_SNMP_T_OCTETS &&
             pr_snmp_value_integer(&vb->value, &(int64_t){0}))
        /* An enumeration is an INTEGER: another number type is read for
         * its value, and said. */
        snprintf(buf, len, "%s %s.%s = %s(%s) (sent as %s, not INTEGER)", obj->mib, obj->name,
                 index, value_text, raw, pr_snmp_type_name(vb->value.type));
    else if (value_text != NULL)
        snprintf(buf, len, "%s %s.%s = %s", obj->mib, obj->name, index, value_text);
    else
        snprintf(buf, len, "%s %s.%s = %s", obj->mib, obj->name, index, raw);
}

void generic_impossible(struct pr_fact *fact, const struct mib_object *obj, const char *index,
                        const struct pr_snmp_varbind *vb, const char *wanted)
{
    char raw[160] = "", type[32] = "";
    pr_snmp_value_format(&vb->value, raw, sizeof raw);
    if (vb->value.type != PR_SNMP_T_INTEGER)
        snprintf(type, sizeof type, " (%s)", pr_snmp_type_name(vb->value.type));
    if (wanted != NULL)
        pr_fact_impossible(fact, "%s %s.%s = %s%s: not %s, ignored", obj->mib, obj->name, index,
                           raw, type, wanted);
    else
        pr_fact_impossible(fact, "%s %s.%s = %s%s: not a value %s defines for %s, ignored",
                           obj->mib, obj->name, index, raw, type, obj->mib, obj->name);
}

void generic_copy_octets(char *dst, size_t dst_len, const struct pr_snmp_varbind *vb)
{
    if (dst_len == 0)
        return;
    dst[0] = '\0';
    if (vb == NULL || vb->value.type != PR_SNMP_T_OCTETS)
        return;
    size_t n = vb->value.len < dst_len - 1 ? vb->value.len : dst_len - 1;
    /* A NUL inside is a control character like the others (a '?'). */
    for (size_t i = 0; i < n; i++)
        dst[i] = vb->value.bytes[i] != 0 ? (char)vb->value.bytes[i] : '\x01';
    dst[n] = '\0';
    pr_text_make_safe(dst);
    n = strlen(dst);
    /* Trailing NULs and blanks, as some agents send them. */
    while (n > 0 && (dst[n - 1] == ' ' || dst[n - 1] == '?'))
        dst[--n] = '\0';
}

bool generic_truth_fact(struct pr_fact *fact, const struct mib_object *obj, const char *index,
                        const struct pr_snmp_varbind *vb, const char *true_name,
                        const char *false_name)
{
    int64_t v;
    if (vb == NULL)
        return false;
    if (!pr_snmp_value_integer(&vb->value, &v) || (v != 1 && v != 2)) {
        char wanted[96];
        snprintf(wanted, sizeof wanted, "%s(1) or %s(2)", true_name, false_name);
        generic_impossible(fact, obj, index, vb, wanted);
        return false;
    }
    char ev[PR_EVIDENCE_MAX];
    generic_evidence(ev, sizeof ev, obj, index, vb, v == 1 ? true_name : false_name);
    pr_fact_set(fact, v == 1, "%s", ev);
    return true;
}

bool generic_scalar_int(struct pr_snmp_store *store, const struct mib_object *obj, int64_t *value,
                        const struct pr_snmp_varbind **vb_out)
{
    const struct pr_snmp_varbind *vb =
        obj != NULL ? pr_snmp_store_get(store, obj->oid, obj->len) : NULL;
    if (vb_out != NULL)
        *vb_out = vb;
    return vb != NULL && pr_snmp_value_integer(&vb->value, value);
}

bool generic_column_int(struct pr_snmp_store *store, const struct mib_object *obj, uint32_t index,
                        int64_t *value, const struct pr_snmp_varbind **vb_out)
{
    const struct pr_snmp_varbind *vb = pr_snmp_store_get_indexed(store, obj->oid, obj->len, index);
    if (vb == NULL || !pr_snmp_value_integer(&vb->value, value))
        return false;
    if (vb_out != NULL)
        *vb_out = vb;
    return true;
}

bool generic_fact_from_column(struct pr_fact *fact, struct pr_snmp_store *store,
                              const struct mib_object *obj, uint32_t index,
                              const char *(*names)(int64_t))
{
    int64_t value;
    const struct pr_snmp_varbind *vb;
    if (!generic_column_int(store, obj, index, &value, &vb))
        return false;
    char idx[16];
    snprintf(idx, sizeof idx, "%u", index);
    if (names != NULL && names(value) == pr_enum_invalid) {
        generic_impossible(fact, obj, idx, vb, NULL);
        return false;
    }
    char ev[PR_EVIDENCE_MAX];
    generic_evidence(ev, sizeof ev, obj, idx, vb, names ? names(value) : NULL);
    pr_fact_set(fact, value, "%s", ev);
    return true;
}

struct pr_port *generic_port_by_bridge_port(struct pr_switch *sw, uint32_t bridge_port)
{
    for (size_t i = 0; i < sw->n_ports; i++) {
        if (sw->ports[i].bridge_port == bridge_port)
            return &sw->ports[i];
    }
    return NULL;
}
