/* SPDX-License-Identifier: BSD-3-Clause */
/* Which ports count as physical Ethernet ports, the ones "every port"
 * means. */
#include <ctype.h>
#include <stdbool.h>
#include <string.h>
#include <strings.h>

#include "model/switch.h"

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

bool pr_port_is_physical(const struct pr_port *port)
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
