/* SPDX-License-Identifier: BSD-3-Clause */
/* Dell agents: the standard MIBs (Dell's own MIBs add no edge or fallback
 * object portready reads), and PowerConnect's port-channels. */
#include <ctype.h>
#include <string.h>

#include "dell/dell.h"
#include "generic-snmp/generic_snmp.h"

bool dell_snmp_object_id(const char *oid)
{
    return oid != NULL && (strncmp(oid, "1.3.6.1.4.1.674.", 16) == 0 ||
                           strncmp(oid, "1.3.6.1.4.1.6027.", 17) == 0);
}

/* PowerConnect names its port-channels ch1-ch8 (ifIndex 1000-1007 on the
 * 2824) and answers ifType ethernetCsmacd(6) for them: "chN" is an
 * aggregate, never a front port. */
static bool powerconnect_channel(const struct pr_port *port)
{
    const char *n = port->name;
    if (n[0] != 'c' || n[1] != 'h' || !isdigit((unsigned char)n[2]))
        return false;
    for (n += 2; *n != '\0'; n++)
        if (!isdigit((unsigned char)*n))
            return false;
    return true;
}

int dell_snmp_read(struct pr_snmp_source *src, struct pr_switch *sw, struct pr_error *err)
{
    struct pr_snmp_store store;
    pr_snmp_store_init(&store);
    int rc = generic_snmp_fetch(src, NULL, 0, &store, err);
    if (rc == 0)
        rc = generic_snmp_interpret(&store, src, sw, err);
    if (rc == 0) {
        for (size_t i = 0; i < sw->n_ports; i++) {
            struct pr_port *port = &sw->ports[i];
            if (port->if_type == 6 && powerconnect_channel(port))
                port->if_type = 161; /* ieee8023adLag: what the interface is */
        }
        pr_switch_add_source(sw, pr_snmp_source_kind(src));
    }
    pr_snmp_store_free(&store);
    return rc;
}
