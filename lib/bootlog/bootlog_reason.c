/* SPDX-License-Identifier: BSD-3-Clause */
#include "bootlog/bootlog_reason.h"

#include <stdio.h>
#include <string.h>

#include "dhcplog/dhcplog_line.h"
#include "dhcplog/dhcplog_time.h"

void bootlog_clock_text(int64_t us, char *buf, size_t len)
{
    char full[40];
    dhcplog_time_format(us, full, sizeof full);
    /* "2026-12-02T00:10:01[.ffffff]Z": the time of day, milliseconds kept. */
    const char *t = strchr(full, 'T');
    if (t == NULL) {
        snprintf(buf, len, "%s", full);
        return;
    }
    size_t n = strcspn(t + 1, "Z");
    if (n > 12)
        n = 12;
    snprintf(buf, len, "%.*s", (int)n, t + 1);
}

static const char *fetch_word(const struct bootlog_event *e)
{
    switch (e->kind) {
    case BOOTLOG_EV_TFTP_REQUEST:
        return "requested";
    case BOOTLOG_EV_TFTP_SENT:
        return "sent";
    case BOOTLOG_EV_TFTP_NOT_FOUND:
        return "not found";
    case BOOTLOG_EV_TFTP_FAILED:
        return "broke off";
    default:
        return "";
    }
}

void bootlog_row_text(const struct bootlog_row *r, const struct bootlog_client *c, char *buf,
                      size_t len)
{
    if (r->dhcp) {
        const struct bootlog_event *first = c->events[r->first];
        char ip[16];
        dhcplog_ip_format(r->ip, ip);
        int n =
            snprintf(buf, len, "DHCP %u DISCOVER%s", r->discovers, r->discovers == 1 ? "" : "s");
        if (n < 0 || (size_t)n >= len)
            return;
        if (r->complete)
            snprintf(buf + n, len - (size_t)n, ", ACK %s after %.1f s (%s)", ip,
                     (double)(r->end_us - r->start_us) / 1e6,
                     bootlog_program_names[first->program]);
        else
            snprintf(buf + n, len - (size_t)n, "%s%s, no ACK (%s)", r->offers ? ", OFFER" : "",
                     r->naks ? ", NAK" : "", bootlog_program_names[first->program]);
        return;
    }
    const struct bootlog_event *e = r->fetch;
    if (e->kind == BOOTLOG_EV_HTTP)
        snprintf(buf, len, "HTTP GET %.*s %u", (int)e->file_len, e->file, e->status);
    else
        snprintf(buf, len, "TFTP %.*s %s (%s)", (int)e->file_len, e->file, fetch_word(e),
                 bootlog_program_names[e->program]);
}

static const char port_hint[] = "the signature of a switch port that blocks after link-up (STP "
                                "without edge/PortFast, LACP without fallback): check the port "
                                "with portready check SWITCH PORT, or boot-log --inventory";

void bootlog_reason(const struct bootlog_boot *b, char *buf, size_t len)
{
    const struct bootlog_row *r = b->culprit;
    char at[16] = "";
    if (r != NULL)
        bootlog_clock_text(r->end_us, at, sizeof at);
    const struct bootlog_event *f = r != NULL ? r->fetch : NULL;
    int flen = f != NULL ? (int)f->file_len : 0;
    const char *fname = f != NULL ? f->file : "";
    switch (b->verdict) {
    case BOOTLOG_COMPLETE:
        if (f != NULL)
            snprintf(buf, len,
                     "every stage went through: the preconfiguration file %.*s came at %s", flen,
                     fname, at);
        else
            snprintf(buf, len, "every stage went through: the installer got its lease at %s", at);
        break;
    case BOOTLOG_SLOW_RENEW:
        snprintf(buf, len,
                 "every stage went through, but iPXE's DHCP after the chainload completed only "
                 "%.1f s after the boot file went out (its round took %.1f s): %s",
                 (double)b->renew_us / 1e6, (double)b->round_us / 1e6, port_hint);
        break;
    case BOOTLOG_NO_LEASE:
        snprintf(buf, len, "%u DISCOVER%s from the firmware and no ACK (the last at %s)",
                 r->discovers, r->discovers == 1 ? "" : "s", at);
        break;
    case BOOTLOG_TFTP_TIMEOUT:
        snprintf(buf, len,
                 "the firmware's lease was acked at %s and no TFTP request came from its address "
                 "after it: the firmware never opened the boot file (TFTP server unreachable, "
                 "wrong next-server, or TFTP blocked)",
                 at);
        break;
    case BOOTLOG_TFTP_NOT_FOUND:
        snprintf(buf, len,
                 "the TFTP server has no %.*s (asked at %s): check the boot file name "
                 "the DHCP server gives out",
                 flen, fname, at);
        break;
    case BOOTLOG_TFTP_FAILED:
        snprintf(buf, len, "the transfer of %.*s broke off at %s", flen, fname, at);
        break;
    case BOOTLOG_RENEW_FAILED:
        if (r->dhcp)
            snprintf(buf, len,
                     "the boot file went out, then iPXE's %u DISCOVER%s after the chainload got "
                     "no ACK (the last at %s): %s",
                     r->discovers, r->discovers == 1 ? "" : "s", at, port_hint);
        else
            snprintf(buf, len,
                     "the boot file %.*s went out at %s and no DHCP from this MAC followed: iPXE's "
                     "DHCP after the chainload never reached the server; %s",
                     flen, fname, at, port_hint);
        break;
    case BOOTLOG_SCRIPT_LAST:
        snprintf(buf, len,
                 "the script %.*s came at %s and nothing was fetched after it: the port let the "
                 "chainloaded iPXE through (its lease, the script); a script that boots from "
                 "elsewhere (sanboot, exit to the local disk, a kernel from another server) ends "
                 "here too, so the install's fate is not in these logs",
                 flen, fname, at);
        break;
    case BOOTLOG_HTTP_FAILED:
        if (f != NULL && !r->ok)
            snprintf(buf, len, "GET %.*s answered %u at %s", flen, fname, f->status, at);
        else
            snprintf(buf, len, "iPXE got its lease at %s and asked for no script after it", at);
        break;
    case BOOTLOG_INSTALLER_DHCP_FAILED:
        if (r->dhcp)
            snprintf(buf, len, "the installer's %u DISCOVER%s got no ACK (the last at %s): %s",
                     r->discovers, r->discovers == 1 ? "" : "s", at, port_hint);
        else
            snprintf(buf, len,
                     "the kernel and initrd came (the last at %s) and no DHCP from this MAC "
                     "followed: the installer's DHCP never reached the server; %s",
                     at, port_hint);
        break;
    case BOOTLOG_PRESEED_FAILED:
        snprintf(buf, len, "GET %.*s answered %u at %s: the installer goes on without it", flen,
                 fname, f != NULL ? f->status : 0, at);
        break;
    case BOOTLOG_LEASE_ONLY:
        snprintf(buf, len,
                 "a lease at %s, and nothing more the DHCP log can tell: whether the boot went on "
                 "needs the TFTP and HTTP servers' logs",
                 at);
        break;
    case BOOTLOG_NEEDS_HTTP_LOG:
        snprintf(buf, len,
                 "iPXE got its lease at %s; the stages after it need the HTTP server's access log",
                 at);
        break;
    default:
        snprintf(buf, len, "?");
    }
}
