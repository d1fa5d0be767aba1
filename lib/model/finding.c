/* SPDX-License-Identifier: BSD-3-Clause */
#include "model/finding.h"

#include <string.h>

static const char *const finding_names[PR_F_COUNT] = {
    [PR_F_LINK_DOWN] = "link-down",
    [PR_F_ADMIN_DOWN] = "admin-down",
    [PR_F_ERR_DISABLED] = "err-disabled",
    [PR_F_STP_NOT_EDGE] = "stp-not-edge",
    [PR_F_STP_LEGACY_MODE] = "stp-legacy-mode",
    [PR_F_STP_EDGE_AUTO] = "stp-edge-auto",
    [PR_F_STP_NOT_FORWARDING] = "stp-not-forwarding",
    [PR_F_PORTFAST_TRUNK_MISSING] = "portfast-trunk-missing",
    [PR_F_LACP_NO_FALLBACK] = "lacp-no-fallback",
    [PR_F_LACP_FALLBACK_UNKNOWN] = "lacp-fallback-unknown",
    [PR_F_AUTONEG_ON] = "autoneg-on",
    [PR_F_SPEED_DEGRADED] = "speed-degraded",
    [PR_F_BPDU_GUARD_OFF] = "bpdu-guard-off",
    [PR_F_VLAN_MISMATCH] = "vlan-mismatch",
    [PR_F_BLACKOUT_THRESHOLD] = "blackout-threshold",
    [PR_F_PORT_IS_UPLINK] = "port-is-uplink",
    [PR_F_CLIENT_FAILS] = "client-fails",
};

const char *pr_finding_id_name(enum pr_finding_id id)
{
    if ((unsigned)id >= PR_F_COUNT)
        return "invalid";
    return finding_names[id];
}

int pr_finding_id_parse(const char *name)
{
    for (int i = 0; i < PR_F_COUNT; i++) {
        if (strcmp(finding_names[i], name) == 0)
            return i;
    }
    return -1;
}

const char *pr_severity_name(enum pr_severity sev)
{
    switch (sev) {
    case PR_SEV_INFO:
        return "info";
    case PR_SEV_WARNING:
        return "warning";
    case PR_SEV_CRITICAL:
        return "critical";
    }
    return "invalid";
}
