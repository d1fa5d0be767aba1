/* SPDX-License-Identifier: BSD-3-Clause */
#include "dhcplog/dhcplog_verdict.h"

#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "dhcplog/dhcplog_mac.h"
#include "rules/clients.h"
#include "util/strutil.h"

static const char *const verdict_names[] = {
    [DHCPLOG_COMPLETE] = "complete",
    [DHCPLOG_SLOW_RENEW] = "slow-renew",
    [DHCPLOG_NO_OFFER] = "no-offer",
    [DHCPLOG_NO_REQUEST] = "no-request",
    [DHCPLOG_NO_ACK] = "no-ack",
    [DHCPLOG_VERDICT_NAK] = "nak",
    [DHCPLOG_RENEW_FAILED] = "renew-failed",
    [DHCPLOG_NOT_SEEN] = "not-seen",
};

const char *dhcplog_verdict_name(enum dhcplog_verdict verdict)
{
    return verdict_names[verdict];
}

int dhcplog_verdict_severity(enum dhcplog_verdict verdict)
{
    if (verdict == DHCPLOG_COMPLETE)
        return 0;
    return verdict == DHCPLOG_SLOW_RENEW ? 1 : 2;
}

/* The sourced client whose last DISCOVER comes first after link-up. */
static const struct rules_client *least_patient(void)
{
    const struct rules_client *best = NULL;
    for (size_t i = 0; i < rules_client_count(); i++) {
        const struct rules_client *c = rules_client_at(i);
        if (c->last_try_s > 0 && (best == NULL || c->last_try_s < best->last_try_s))
            best = c;
    }
    return best;
}

int64_t dhcplog_renew_gap_threshold_us(void)
{
    const struct rules_client *c = least_patient();
    return (c != NULL ? c->last_try_s : 7) * DHCPLOG_US_PER_S;
}

const char *dhcplog_renew_gap_client(void)
{
    const struct rules_client *c = least_patient();
    return c != NULL ? c->name : "ipxe";
}

static double seconds(int64_t us)
{
    return (double)us / (double)DHCPLOG_US_PER_S;
}

static const char *plural(unsigned n)
{
    return n == 1 ? "" : "s";
}

static const char port_hint[] =
    ": the signature of a switch port that blocks after link-up (STP without edge/PortFast); "
    "the first round got through because the link had been up since POST. Check the port: "
    "portready check SWITCH PORT";

/* "the handshake completed at 10:21:04 (0.9 s) and 4.1 s later" */
static void chain_intro(char *buf, size_t len, const struct dhcplog_result *r,
                        const struct dhcplog_attempt *prev, const struct dhcplog_attempt *cur)
{
    time_t t = (time_t)(prev->ack_us / DHCPLOG_US_PER_S);
    struct tm tm;
    localtime_r(&t, &tm);
    pr_strlcatf(buf, len,
                "the handshake completed at %02d:%02d:%02d (in %.1f s), then %.1f s later the NIC "
                "was re-initialised (chainload) and a new round",
                tm.tm_hour, tm.tm_min, tm.tm_sec, seconds(r->first_round_us), seconds(r->gap_us));
    if (cur->discovers > 0)
        pr_strlcatf(buf, len, " of %u DISCOVER%s", cur->discovers, plural(cur->discovers));
    else
        pr_strlcatf(buf, len, " (its first OFFER: the server logs no DISCOVER at this level)");
}

/* The server whose log it is, "dhcpd" when unknown. */
static const char *server_of(const struct dhcplog_attempt *a)
{
    return a->server != NULL ? a->server : "dhcpd";
}

/* "; with the chainload's own 0.0 s taken off, ... blackout of 8.0 s ..." */
static void blackout_words(char *buf, size_t len, const struct dhcplog_mac_state *ms,
                           int64_t blackout_us)
{
    if (ms->chainload_us > 0)
        pr_strlcatf(buf, len, ": less the chainload's own %.1f s, ", seconds(ms->chainload_us));
    else
        pr_strlcatf(buf, len, ": the chainload's own time unknown, at most ");
    pr_strlcatf(buf, len,
                "%.1f s passed between the NIC's new link-up and the first DISCOVER that reached "
                "the server, so the earlier ones were dropped: an estimated blackout of %.1f s "
                "(%s sends its last DISCOVER %.0f s after link-up)%s",
                seconds(blackout_us), seconds(blackout_us), dhcplog_renew_gap_client(),
                seconds(dhcplog_renew_gap_threshold_us()), port_hint);
}

static void reason_no_answer(char *buf, size_t len, const struct dhcplog_attempt *a)
{
    char ip[16];
    const char *srv = server_of(a);
    if (a->offers == 0) {
        pr_strlcatf(buf, len, "%u DISCOVER%s and no OFFER from this server", a->discovers,
                    plural(a->discovers));
        if (a->has_reason)
            pr_strlcatf(buf, len, ": %s says \"%s\"", srv, a->reason);
        else if (strcmp(srv, "dhcpd") == 0)
            pr_strlcatf(buf, len,
                        ": dhcpd logged no reason (look for no free lease, no subnet declaration "
                        "for the relay's network, or a class or deny rule in dhcpd.conf)");
        else
            pr_strlcatf(buf, len,
                        ": %s logged no reason (look for an exhausted pool, no subnet for the "
                        "relay's network, or a class or ignore rule)",
                        srv);
    } else if (a->requests == 0) {
        dhcplog_ip_format(a->offered_ip, ip);
        pr_strlcatf(buf, len,
                    "%s offered %s %u time%s but no REQUEST came back: the OFFER never reached "
                    "the client or its REQUEST never reached the server (relay, firewall, or a "
                    "switch port that stopped forwarding)",
                    srv, ip, a->offers, plural(a->offers));
    } else {
        dhcplog_ip_format(a->requested_ip, ip);
        pr_strlcatf(buf, len, "the REQUEST for %s got neither ACK nor NAK", ip);
        if (a->request_server != 0 && a->offers > 0 && a->requested_ip != a->offered_ip) {
            char server[16];
            dhcplog_ip_format(a->request_server, server);
            pr_strlcatf(buf, len,
                        " (the client took the offer of server %s: a rogue or second DHCP "
                        "server)",
                        server);
        }
        if (a->has_request_reason)
            pr_strlcatf(buf, len, ": %s says \"%s\"", srv, a->request_reason);
    }
    if (a->restarted)
        pr_strlcatf(buf, len, "; %s restarted during this attempt", srv);
}

static void add_evidence(struct dhcplog_result *r, const struct dhcplog_text *t)
{
    if (t->len == 0 || r->evidence_count >= DHCPLOG_EVIDENCE_MAX)
        return;
    size_t i = r->evidence_count++;
    r->evidence_src[i] = t;
    if (t->by_offset) {
        r->evidence[i] = ""; /* dhcplog_result_load points it at evidence_buf */
    } else {
        r->evidence[i] = t->text;
    }
}

int dhcplog_result_load(struct dhcplog_result *r, int fd)
{
    int rc = 0;
    for (size_t i = 0; i < r->evidence_count; i++) {
        const struct dhcplog_text *t = r->evidence_src[i];
        if (!t->by_offset)
            continue;
        char *buf = r->evidence_buf[i];
        r->evidence[i] = buf;
        size_t got = 0;
        while (got < t->len) {
            ssize_t n = pread(fd, buf + got, t->len - got, (off_t)(t->off + got));
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                break;
            got += (size_t)n;
        }
        if (got < t->len) {
            snprintf(buf, sizeof r->evidence_buf[i], "(no longer in the file)");
            errno = EIO;
            rc = -1;
            continue;
        }
        buf[got] = '\0';
    }
    return rc;
}

/* The same line (the ACK may be the attempt's first line). */
static bool same_line(const struct dhcplog_text *a, const struct dhcplog_text *b)
{
    if (a->by_offset || b->by_offset)
        return a->by_offset == b->by_offset && a->off == b->off && a->len == b->len;
    return a->text != NULL && b->text != NULL && strcmp(a->text, b->text) == 0;
}

static void collect_evidence(const struct dhcplog_mac_state *ms, struct dhcplog_result *r)
{
    if (r->chained || ms->chain_slow_us > 0) {
        add_evidence(r, &ms->prev_first);
        if (!same_line(&ms->prev_ack, &ms->prev_first))
            add_evidence(r, &ms->prev_ack);
    }
    unsigned lines = ms->cur.lines;
    if (lines == 0)
        return;
    if (lines > DHCPLOG_EVIDENCE_RING) {
        add_evidence(r, &ms->first);
        r->omitted = lines - DHCPLOG_EVIDENCE_RING - 1;
        r->omitted_after = r->evidence_count;
        for (unsigned i = lines - DHCPLOG_EVIDENCE_RING; i < lines; i++)
            add_evidence(r, &ms->ring[i % DHCPLOG_EVIDENCE_RING]);
    } else {
        for (unsigned i = 0; i < lines; i++)
            add_evidence(r, &ms->ring[i]);
    }
}

void dhcplog_classify(const struct dhcplog_mac_state *ms, struct dhcplog_result *r)
{
    memset(r, 0, offsetof(struct dhcplog_result, evidence_buf));
    const struct dhcplog_attempt *a = &ms->cur, *prev = &ms->prev;
    r->attempt = a;
    r->time_to_ack_us = -1;
    r->blackout_us = -1;
    char *buf = r->reason;
    size_t len = sizeof r->reason;
    char ip[16];

    if (ms->attempts == 0 ||
        (!ms->ever_discover && a->acks == 0 && a->requests == 0 && a->naks == 0)) {
        char mac[DHCPLOG_MAC_TEXT];
        dhcplog_mac_format(ms->mac, mac);
        r->verdict = DHCPLOG_NOT_SEEN;
        pr_strlcatf(
            buf, len,
            "no DISCOVER from %s reached this server: the request never arrived (wrong "
            "VLAN, missing relay or ip helper-address, firewall). Capture on the server "
            "and the relay: tcpdump -eni any 'udp port 67 or udp port 68' and ether host %s",
            mac, mac);
        collect_evidence(ms, r);
        return;
    }
    r->via = a->via[0] != '\0' ? a->via : NULL;
    r->via_relay = a->via_relay;
    r->ip = a->acked_ip ? a->acked_ip : a->offered_ip ? a->offered_ip : a->requested_ip;
    r->have_discover = a->discovers > 0;
    r->first_discover_us = a->first_discover_us;
    if (a->has_reason)
        r->dhcpd_reason = a->reason;
    else if (a->has_request_reason)
        r->dhcpd_reason = a->request_reason;
    if (a->acks > 0)
        r->time_to_ack_us = a->ack_us - (a->has_round_start ? a->round_start_us : a->first_us);

    r->chained = prev->open && prev->acks > 0 && a->has_round_start &&
                 a->round_start_us >= prev->ack_us &&
                 a->round_start_us - prev->ack_us <= DHCPLOG_CHAIN_WINDOW_US;
    if (r->chained) {
        r->gap_us = a->round_start_us - prev->ack_us;
        r->round_us = (a->acks > 0 ? a->ack_us : a->last_us) - a->round_start_us;
        r->first_round_us =
            prev->ack_us - (prev->has_round_start ? prev->round_start_us : prev->first_us);
        if (ms->chain_rounds == 1) {
            r->blackout_us = r->gap_us - ms->chainload_us;
            if (r->blackout_us < 0)
                r->blackout_us = 0;
        }
    }
    int64_t threshold = dhcplog_renew_gap_threshold_us();

    if (a->naks > 0 && (a->acks == 0 || a->nak_us > a->ack_us)) {
        r->verdict = DHCPLOG_VERDICT_NAK;
        dhcplog_ip_format(a->requested_ip ? a->requested_ip : r->ip, ip);
        pr_strlcatf(buf, len, "%s answered the REQUEST for %s with DHCPNAK", server_of(a), ip);
        if (a->has_request_reason)
            pr_strlcatf(buf, len, " (%s says \"%s\")", server_of(a), a->request_reason);
        pr_strlcatf(buf, len,
                    ": another DHCP server on the network has given this MAC a lease (rogue or "
                    "second server), or the client remembers a lease from another network");
    } else if (a->acks > 0 && r->chained) {
        chain_intro(buf, len, r, prev, a);
        if (r->round_us >= DHCPLOG_SLOW_US) {
            r->verdict = DHCPLOG_SLOW_RENEW;
            pr_strlcatf(buf, len, " completed only after %.1f s%s", seconds(r->round_us),
                        port_hint);
        } else if (r->blackout_us >= threshold) {
            r->verdict = DHCPLOG_SLOW_RENEW;
            pr_strlcatf(buf, len, " completed in %.1f s, but it began %.1f s after the lease",
                        seconds(r->round_us), seconds(r->gap_us));
            blackout_words(buf, len, ms, r->blackout_us);
        } else if (ms->chain_slow_us > 0) {
            r->verdict = DHCPLOG_SLOW_RENEW;
            pr_strlcatf(buf, len,
                        " completed in %.1f s, but an earlier chainload round completed only "
                        "after %.1f s%s",
                        seconds(r->round_us), seconds(ms->chain_slow_us), port_hint);
        } else if (ms->chain_blackout_us > 0) {
            r->verdict = DHCPLOG_SLOW_RENEW;
            pr_strlcatf(buf, len,
                        " completed in %.1f s, but the chain's first round after its lease "
                        "began late",
                        seconds(r->round_us));
            blackout_words(buf, len, ms, ms->chain_blackout_us);
        } else {
            r->verdict = DHCPLOG_COMPLETE;
            pr_strlcatf(buf, len, " completed in %.1f s", seconds(r->round_us));
        }
    } else if (a->acks > 0) {
        dhcplog_ip_format(a->acked_ip, ip);
        if (ms->chain_slow_us > 0) {
            r->verdict = DHCPLOG_SLOW_RENEW;
            pr_strlcatf(buf, len,
                        "the latest handshake completed (%s), but an earlier chainload round "
                        "completed only after %.1f s%s",
                        ip, seconds(ms->chain_slow_us), port_hint);
        } else if (ms->chain_blackout_us > 0) {
            r->verdict = DHCPLOG_SLOW_RENEW;
            pr_strlcatf(buf, len,
                        "the latest handshake completed (%s), but the chain's first round after "
                        "its lease began late",
                        ip);
            blackout_words(buf, len, ms, ms->chain_blackout_us);
        } else {
            r->verdict = DHCPLOG_COMPLETE;
            if (a->discovers > 0)
                pr_strlcatf(buf, len,
                            "DISCOVER, OFFER, REQUEST and ACK seen: %s leased %.1f s after the "
                            "first DISCOVER (%u DISCOVER%s)",
                            ip, seconds(r->time_to_ack_us), a->discovers, plural(a->discovers));
            else if (a->offers > 0 && a->requests == 0)
                pr_strlcatf(buf, len,
                            "OFFER and ACK seen (the server logs no DISCOVER or REQUEST at this "
                            "level): %s leased %.1f s after the first OFFER",
                            ip, seconds(r->time_to_ack_us));
            else
                pr_strlcatf(buf, len, "REQUEST and ACK seen (the client re-used its lease): %s",
                            ip);
        }
    } else if (r->chained) {
        r->verdict = DHCPLOG_RENEW_FAILED;
        chain_intro(buf, len, r, prev, a);
        pr_strlcatf(buf, len, " did not complete within %.1f s (", seconds(r->round_us));
        reason_no_answer(buf, len, a);
        pr_strlcatf(buf, len, ")%s", port_hint);
    } else {
        if (a->discovers == 0)
            r->verdict = DHCPLOG_NO_ACK;
        else if (a->offers == 0)
            r->verdict = DHCPLOG_NO_OFFER;
        else if (a->requests == 0)
            r->verdict = DHCPLOG_NO_REQUEST;
        else
            r->verdict = DHCPLOG_NO_ACK;
        reason_no_answer(buf, len, a);
    }
    r->lease_last =
        a->acks > 0 && (r->verdict == DHCPLOG_COMPLETE || r->verdict == DHCPLOG_SLOW_RENEW);
    collect_evidence(ms, r);
}
