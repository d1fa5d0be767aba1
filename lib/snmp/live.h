/* SPDX-License-Identifier: BSD-3-Clause */
/* Live agents through net-snmp's single-session API (one session per
 * source, so separate sources run in separate threads). Internal to
 * lib/snmp.
 *
 * Ownership: struct live_priv belongs to its source and is freed by
 * live_close(). It holds no secret of its own: it reads the community and
 * the passphrases from the caller's options (priv->secrets), which outlive
 * the source, so the caller's copy stays the only one at rest. net-snmp
 * gets no community for the session; each v1/v2c request carries a copy,
 * wiped when the request is settled, and the packets that held it are
 * wiped once sent or parsed. */
#ifndef PR_SNMP_LIVE_H
#define PR_SNMP_LIVE_H

#include <net-snmp/net-snmp-config.h>
#include <net-snmp/net-snmp-includes.h>

#include "snmp/source_impl.h"

/* The request in flight and what became of it (filled by net-snmp's
 * callback; kept with the session so a late callback never sees freed
 * memory). */
struct live_wait {
    int reqid;             /* the request waited for; 0: none */
    netsnmp_pdu *request;  /* the library's while in flight: its community wiped once settled */
    bool done;             /* an answer, a final report, a timeout or an error */
    int status;            /* STAT_SUCCESS, STAT_TIMEOUT or STAT_ERROR */
    int lib_errno;         /* SNMPERR_* of an error or the latest report */
    netsnmp_pdu *response; /* a copy of the answer (STAT_SUCCESS) */
};

struct live_ahead;

struct live_priv {
    struct pr_snmp_options opts;           /* the caller's options, the secrets left out (empty) */
    const struct pr_snmp_options *secrets; /* the caller's own: community and passphrases */
    int level;                             /* SNMP_SEC_LEVEL_* (v3) */
    char peer[600];           /* net-snmp peer name: "udp:HOST:PORT" or "udp6:[ADDR]:PORT" */
    void *sess;               /* single-session handle; opened on first use */
    bool answered;            /* a request (not the discovery probe) got an answer */
    struct live_wait wait;    /* the request in flight */
    struct live_ahead *ahead; /* what the next fetches ask for (live_ahead.c); NULL: nothing */
};

/* Starts net-snmp once per process (later calls return at once): reads
 * snmp.conf, loads no MIB, logs nothing. */
void live_library_init(void);

/* Called by the start-up before init_snmp(): takes over the snmp.conf
 * tokens live_conf.c reads itself and keeps MIB files out. */
void live_conf_hook(void);

/* Parses "[TRANSPORT:]host[:port]" / "[v6]:port" into priv->peer. */
int live_parse_host(const char *host, char *peer, size_t peer_len, struct pr_error *err);

/* Checks the options and derives the security level. */
int live_check_options(struct live_priv *priv, struct pr_error *err);

/* net-snmp's protocol OIDs by name ("SHA-256", "AES-192"; "" picks SHA
 * and AES); NULL for an unknown name. *len set when len is not NULL. */
const oid *live_auth_proto(const char *name, size_t *len);
const oid *live_priv_proto(const char *name, size_t *len);

/* Opens the session unless already open (v3: discovers the engine ID). */
int live_session_ensure(struct pr_snmp_source *src, struct pr_error *err);

/* A request PDU carrying the context: community "COMMUNITY@CTX" under
 * v1/v2c, context name "vlan-CTX" under v3. NULL when out of memory. */
netsnmp_pdu *live_pdu_new(struct pr_snmp_source *src, int command, const char *context);

/* Sends pdu (always consumed) and waits for the answer. 0: *response set
 * (the caller frees it, and checks errstat); -1: timeout, authentication or
 * transport failure, reported in err. */
int live_exchange(struct pr_snmp_source *src, netsnmp_pdu *pdu, netsnmp_pdu **response,
                  struct pr_error *err);

/* An error-status answer as a PR_ERR_PROTOCOL error; returns -1. */
int live_error_status(struct pr_snmp_source *src, const netsnmp_pdu *response,
                      struct pr_error *err);

void live_close(struct pr_snmp_source *src);

/* A column of a GETBULK or GETNEXT request: its subtree, and the OID asked
 * for (where the answer's first row must start). */
struct live_align_column {
    const uint32_t *prefix;
    size_t prefix_len;
    const uint32_t *last;
    size_t last_len;
};

/* Checks that resp, past its first skip varbinds (the non-repeaters'),
 * answers the n columns asked for (in that order, at most max_rows rows
 * each) in the order of RFC 3416: -1 with "WHERE: the agent
 * answered out of order ..." (PR_ERR_PROTOCOL) when a varbind was dropped,
 * repeated or moved (live_align.c). */
int live_check_alignment(const char *where, const netsnmp_pdu *resp, size_t skip,
                         const struct live_align_column *cols, size_t n, size_t max_rows,
                         struct pr_error *err);

/* Fetches req from the agent (live_walk.c). */
int live_walk_fetch(struct pr_snmp_source *src, const char *context,
                    const struct pr_snmp_request *req, size_t n_req, struct pr_snmp_store *out,
                    struct pr_error *err);

/* Remembers what the next fetches of the default context will ask for, so
 * the first fetch asks for all of it at once (live_ahead.c). */
void live_expect(struct pr_snmp_source *src, const struct pr_snmp_request *req, size_t n_req);

/* The source's fetch: from what an earlier fetch brought ahead, else from
 * the agent (live_ahead.c). */
int live_fetch(struct pr_snmp_source *src, const char *context, const struct pr_snmp_request *req,
               size_t n_req, struct pr_snmp_store *out, struct pr_error *err);

/* Frees what was brought ahead. */
void live_ahead_free(struct pr_snmp_source *src);
int live_set_integer(struct pr_snmp_source *src, const uint32_t *oid, size_t len, int64_t value,
                     struct pr_error *err);

#endif
