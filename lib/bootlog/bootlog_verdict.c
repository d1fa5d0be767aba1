/* SPDX-License-Identifier: BSD-3-Clause */
/* Names of the stages and verdicts, and what the console of the booting
 * server says for each failure (docs/boot-log.md cites every message). */
#include "bootlog/bootlog_stage.h"

const char *bootlog_stage_name(enum bootlog_stage s)
{
    static const char *const names[] = {
        "firmware-dhcp", "boot-file", "ipxe-dhcp",      "script",
        "kernel",        "initrd",    "installer-dhcp", "preseed",
    };
    return s < BOOTLOG_STAGE_COUNT ? names[s] : "none";
}

static const struct {
    const char *name;
    int severity;
    const char *console;
    const char *source;
} verdicts[BOOTLOG_VERDICT_COUNT] = {
    [BOOTLOG_COMPLETE] = {"complete", 0, NULL, NULL},
    [BOOTLOG_SLOW_RENEW] = {"slow-renew", 1, NULL, NULL},
    [BOOTLOG_NO_LEASE] = {"no-lease", 2,
                          "PXE-E51: No DHCP or proxy DHCP offers were received (UEFI, EDK2: "
                          "PXE-E18: Server response timeout.)",
                          "PXE firmware"},
    [BOOTLOG_TFTP_TIMEOUT] = {"tftp-timeout", 2, "PXE-E32: TFTP open timeout", "PXE firmware"},
    [BOOTLOG_TFTP_NOT_FOUND] = {"tftp-not-found", 2, "PXE-E3B: TFTP Error - File Not Found",
                                "PXE firmware"},
    [BOOTLOG_TFTP_FAILED] = {"tftp-failed", 2, "PXE-E35: TFTP read timeout", "PXE firmware"},
    [BOOTLOG_RENEW_FAILED] = {"renew-failed", 2,
                              "No configuration methods succeeded / Connection timed out", "iPXE"},
    [BOOTLOG_HTTP_FAILED] = {"http-failed", 2,
                             "No such file or directory / Permission denied / Connection timed out",
                             "iPXE"},
    [BOOTLOG_INSTALLER_DHCP_FAILED] = {"installer-dhcp-failed", 2,
                                       "Network autoconfiguration failed",
                                       "debian-installer, netcfg"},
    [BOOTLOG_PRESEED_FAILED] = {"preseed-failed", 2, "Failed to retrieve the preconfiguration file",
                                "debian-installer, preseed"},
    [BOOTLOG_LEASE_ONLY] = {"lease-only", 3, NULL, NULL},
    [BOOTLOG_NEEDS_HTTP_LOG] = {"needs-http-log", 3, NULL, NULL},
    [BOOTLOG_SCRIPT_LAST] = {"script-last", 3, NULL, NULL},
};

const char *bootlog_verdict_name(enum bootlog_verdict v)
{
    return v < BOOTLOG_VERDICT_COUNT ? verdicts[v].name : "unknown";
}

int bootlog_verdict_severity(enum bootlog_verdict v)
{
    return v < BOOTLOG_VERDICT_COUNT ? verdicts[v].severity : 3;
}

const char *bootlog_verdict_console(enum bootlog_verdict v)
{
    return v < BOOTLOG_VERDICT_COUNT ? verdicts[v].console : NULL;
}

const char *bootlog_verdict_console_source(enum bootlog_verdict v)
{
    return v < BOOTLOG_VERDICT_COUNT ? verdicts[v].source : NULL;
}
