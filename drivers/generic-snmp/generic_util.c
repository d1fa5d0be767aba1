/* SPDX-License-Identifier: BSD-3-Clause */
#include <stdio.h>
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "generic-snmp/generic_snmp.h"
#include "util/strutil.h"

void generic_evidence(char *buf, size_t len, const struct mib_object *obj, const char *index,
                      const struct pr_snmp_varbind *vb, const char *value_text)
{
    char raw[160] = "";
    if (vb != NULL)
        pr_snmp_value_format(&vb->value, raw, sizeof raw);
    if (value_text != NULL && vb != NULL && (vb->value.type == PR_SNMP_T_INTEGER))
        snprintf(buf, len, "%s %s.%s = %s(%s)", obj->mib, obj->name, index, value_text, raw);
    else if (value_text != NULL)
        snprintf(buf, len, "%s %s.%s = %s", obj->mib, obj->name, index, value_text);
    else
        snprintf(buf, len, "%s %s.%s = %s", obj->mib, obj->name, index, raw);
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

/* Out-of-band management ports: Ethernet, but never facing a server's
 * PXE NIC (mgmt0, Management1, em0, me0, fxp0, vme, bme0, and the eth0 of
 * Linux-based switches whose front ports have other names). */
static bool is_management_port(const char *name)
{
    if (strcmp(name, "eth0") == 0)
        return true;
    static const char *const prefixes[] = {"mgmt", "management", "em",  "me",
                                           "fxp",  "vme",        "bme", NULL};
    for (size_t i = 0; prefixes[i] != NULL; i++) {
        size_t n = strlen(prefixes[i]);
        if (strncasecmp(name, prefixes[i], n) == 0 &&
            (name[n] == '\0' || isdigit((unsigned char)name[n])))
            return true;
    }
    return false;
}

bool generic_port_is_physical(const struct pr_port *port)
{
    if (is_management_port(port->name))
        return false;
    /* An Ethernet ifType decides: agents answer ifConnectorPresent false
     * for empty cages and ports without link (NX-OS, EOS, AlliedWare Plus,
     * Onyx) and for every copper port (AOS-CX 10.07), so it cannot tell a
     * virtual interface from a physical one there. */
    switch (port->if_type) {
    case 6:   /* ethernetCsmacd */
    case 62:  /* fastEther */
    case 69:  /* fastEtherFX */
    case 117: /* gigabitEthernet */
        return true;
    case 0: /* type unknown: judge by connector and name */
        break;
    default:
        return false;
    }
    if (port->no_connector)
        return false;
    static const char *const prefixes[] = {"ge-", "xe-", "et-", "mge-", "Gi", "Te", "Fa",
                                           "Eth", "Twe", "Fo",  "Hu",   "Tw", "Fi", NULL};
    for (size_t i = 0; prefixes[i] != NULL; i++) {
        if (strncmp(port->name, prefixes[i], strlen(prefixes[i])) == 0)
            return strchr(port->name, '.') == NULL;
    }
    return false;
}
