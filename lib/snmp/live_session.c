/* SPDX-License-Identifier: BSD-3-Clause */
/* net-snmp sessions: library set-up (once), opening a session, one request
 * and its answer, and turning net-snmp's failures into pr_error values. */
#include "snmp/live.h"

#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <net-snmp/library/large_fd_set.h>

#include "util/strutil.h"

static pthread_once_t live_init_once = PTHREAD_ONCE_INIT;
/* net-snmp keeps SNMPv3 users in a global list that a session open adds
 * to; opens are serialised (requests on open sessions are not). */
static pthread_mutex_t live_open_lock = PTHREAD_MUTEX_INITIALIZER;

static void live_init(void)
{
    /* snmp.conf is read as net-snmp's tools read it (SNMPCONFPATH, else
     * /etc/snmp ... and ~/.snmp; live_conf.c takes its defaults), but no
     * persistent state under /var/lib/snmp, no MIB files (numeric OIDs
     * only), no log output. (DONT_PERSIST_STATE would keep snmp.conf out
     * too: the two DISABLE_PERSISTENT switches keep the state alone out.) */
    netsnmp_ds_set_boolean(NETSNMP_DS_LIBRARY_ID, NETSNMP_DS_LIB_DISABLE_PERSISTENT_LOAD, 1);
    netsnmp_ds_set_boolean(NETSNMP_DS_LIBRARY_ID, NETSNMP_DS_LIB_DISABLE_PERSISTENT_SAVE, 1);
    netsnmp_ds_set_boolean(NETSNMP_DS_LIBRARY_ID, NETSNMP_DS_LIB_DONT_LOAD_HOST_FILES, 1);
    netsnmp_ds_set_boolean(NETSNMP_DS_LIBRARY_ID, NETSNMP_DS_LIB_NO_TOKEN_WARNINGS, 1);
    netsnmp_ds_set_boolean(NETSNMP_DS_LIBRARY_ID, NETSNMP_DS_LIB_MIB_ERRORS, 0);
    netsnmp_ds_set_int(NETSNMP_DS_LIBRARY_ID, NETSNMP_DS_LIB_MIB_WARNINGS, 0);
    netsnmp_set_mib_directory("");
    /* The TLS transport scans (and would create) PERSISTENT_DIR/cert_indexes
     * even for UDP sessions: point it below a non-directory, where nothing
     * can be read or created. */
    netsnmp_ds_set_string(NETSNMP_DS_LIBRARY_ID, NETSNMP_DS_LIB_PERSISTENT_DIR,
                          "/dev/null/portready");
    netsnmp_register_loghandler(NETSNMP_LOGHANDLER_NONE, LOG_EMERG);
    live_conf_hook();
    init_snmp("portready");
}

void live_library_init(void)
{
    pthread_once(&live_init_once, live_init);
}

/* "COMMUNITY" or "COMMUNITY@CONTEXT" in a buffer of its own (malloc, no
 * formatting buffer on the way), its length in *len. */
static char *live_community_text(const char *community, const char *context, size_t *len)
{
    size_t c = strlen(community), x = context != NULL ? strlen(context) + 1 : 0;
    char *text = malloc(c + x + 1);
    if (text == NULL)
        return NULL;
    memcpy(text, community, c);
    if (context != NULL) {
        text[c] = '@';
        memcpy(text + c + 1, context, x - 1);
    }
    text[c + x] = '\0';
    *len = c + x;
    return text;
}

/* Wipes and frees the community a PDU carries: a request's copy once the
 * request is settled, an answer's as soon as it is parsed. */
static void live_pdu_drop_community(netsnmp_pdu *pdu)
{
    if (pdu == NULL || pdu->community == NULL)
        return;
    explicit_bzero(pdu->community, pdu->community_len);
    free(pdu->community);
    pdu->community = NULL;
    pdu->community_len = 0;
}

netsnmp_pdu *live_pdu_new(struct pr_snmp_source *src, int command, const char *context)
{
    struct live_priv *priv = src->priv;
    netsnmp_pdu *pdu = snmp_pdu_create(command);
    if (pdu == NULL)
        return NULL;
    if (priv->opts.version == PR_SNMP_V3) {
        if (context == NULL)
            return pdu;
        char *name;
        int n = asprintf(&name, "vlan-%s", context);
        if (n < 0) {
            snmp_free_pdu(pdu);
            return NULL;
        }
        pdu->contextName = name;
        pdu->contextNameLen = (size_t)n;
        return pdu;
    }
    /* The session has no community (see live_session_ensure): every
     * request carries its own copy. */
    size_t len = 0;
    char *text = live_community_text(priv->secrets->community, context, &len);
    if (text == NULL) {
        snmp_free_pdu(pdu);
        return NULL;
    }
    pdu->community = (u_char *)text;
    pdu->community_len = len;
    return pdu;
}

static int timeout_error(struct pr_snmp_source *src, struct pr_error *err)
{
    struct live_priv *priv = src->priv;
    int r = priv->opts.retries;
    if (priv->answered)
        return pr_error_set(err, PR_ERR_TIMEOUT,
                            "%s: the agent stopped answering: no answer within %g s (%d retr%s) "
                            "after %lu requests",
                            src->where, priv->opts.timeout_s, r, r == 1 ? "y" : "ies",
                            src->requests - 1);
    /* Which community was asked, when nobody gave one: the default is
     * named (it is no secret), snmp.conf's only pointed at. */
    char which[96] = "";
    /* Only the literal default is ever printed: a community set without
     * its origin saying so stays unnamed. */
    if (priv->opts.version != PR_SNMP_V3 && priv->opts.community_from == PR_SNMP_FROM_DEFAULT &&
        strcmp(priv->secrets->community, PR_SNMP_DEFAULT_COMMUNITY) == 0)
        snprintf(which, sizeof which, " (community '" PR_SNMP_DEFAULT_COMMUNITY "', the default)");
    else if (priv->opts.version != PR_SNMP_V3 && priv->opts.community_from == PR_SNMP_FROM_NETSNMP)
        snprintf(which, sizeof which, " (the community of net-snmp's snmp.conf, defCommunity)");
    return pr_error_set(err, PR_ERR_TIMEOUT, "%s: no answer within %g s (%d retr%s); %s%s",
                        src->where, priv->opts.timeout_s, r, r == 1 ? "y" : "ies",
                        priv->opts.version == PR_SNMP_V3
                            ? "wrong SNMP version, or agent unreachable"
                            : "wrong community, wrong SNMP version, or agent unreachable",
                        which);
}

/* net-snmp's library error numbers (reports of SNMPv3 agents included). */
static int map_failure(struct pr_snmp_source *src, int lib_errno, struct pr_error *err)
{
    switch (lib_errno) {
    case SNMPERR_TIMEOUT:
        return timeout_error(src, err);
    case SNMPERR_UNKNOWN_USER_NAME:
    case SNMPERR_USM_UNKNOWNSECURITYNAME:
        return pr_error_set(err, PR_ERR_AUTH, "%s: SNMPv3 user unknown to the agent", src->where);
    case SNMPERR_AUTHENTICATION_FAILURE:
    case SNMPERR_USM_AUTHENTICATIONFAILURE:
        return pr_error_set(err, PR_ERR_AUTH,
                            "%s: SNMPv3 authentication failed (wrong authentication "
                            "passphrase or protocol)",
                            src->where);
    case SNMPERR_DECRYPTION_ERR:
    case SNMPERR_USM_DECRYPTIONERROR:
        return pr_error_set(err, PR_ERR_AUTH,
                            "%s: SNMPv3 decryption failed (wrong privacy passphrase or "
                            "protocol)",
                            src->where);
    case SNMPERR_UNSUPPORTED_SEC_LEVEL:
    case SNMPERR_USM_UNSUPPORTEDSECURITYLEVEL:
        return pr_error_set(err, PR_ERR_AUTH, "%s: SNMPv3 security level not allowed for this user",
                            src->where);
    case SNMPERR_NOT_IN_TIME_WINDOW:
    case SNMPERR_USM_NOTINTIMEWINDOW:
        return pr_error_set(err, PR_ERR_AUTH,
                            "%s: SNMPv3 time synchronisation failed: the agent kept answering "
                            "notInTimeWindow (its engine boots/time are inconsistent)",
                            src->where);
    case SNMPERR_UNKNOWN_ENG_ID:
    case SNMPERR_USM_UNKNOWNENGINEID:
        return pr_error_set(err, PR_ERR_AUTH, "%s: SNMPv3 engine discovery failed (%s)", src->where,
                            snmp_api_errstring(lib_errno));
    case SNMPERR_BAD_ADDRESS:
        return pr_error_set(err, PR_ERR_USAGE, "%s: cannot resolve or open this address",
                            src->where);
    default:
        return pr_error_set(err, PR_ERR_PROTOCOL, "%s: %s", src->where,
                            snmp_api_errstring(lib_errno));
    }
}

static void set_v3_security(struct live_priv *priv, netsnmp_session *s)
{
    struct pr_snmp_options *o = &priv->opts;
    const struct pr_snmp_options *secret = priv->secrets;
    s->securityName = o->user;
    s->securityNameLen = strlen(o->user);
    s->securityLevel = priv->level;
    if (o->context[0] != '\0') {
        s->contextName = o->context;
        s->contextNameLen = strlen(o->context);
    }
    if (priv->level == SNMP_SEC_LEVEL_NOAUTH)
        return;
    s->securityAuthProto = (oid *)live_auth_proto(o->auth_proto, &s->securityAuthProtoLen);
    s->securityAuthKeyLen = USM_AUTH_KU_LEN;
    generate_Ku(s->securityAuthProto, (u_int)s->securityAuthProtoLen,
                (const u_char *)secret->auth_pass, strlen(secret->auth_pass), s->securityAuthKey,
                &s->securityAuthKeyLen);
    if (priv->level != SNMP_SEC_LEVEL_AUTHPRIV)
        return;
    s->securityPrivProto = (oid *)live_priv_proto(o->priv_proto, &s->securityPrivProtoLen);
    s->securityPrivKeyLen = USM_PRIV_KU_LEN;
    generate_Ku(s->securityAuthProto, (u_int)s->securityAuthProtoLen,
                (const u_char *)secret->priv_pass, strlen(secret->priv_pass), s->securityPrivKey,
                &s->securityPrivKeyLen);
}

/* Overwrites the stack just below the caller's frame, where the function
 * it has just called kept locals (net-snmp's parser copies the community
 * into a local array). */
static __attribute__((noinline)) void live_scrub_stack(void)
{
    unsigned char below[4096];
    explicit_bzero(below, sizeof below);
    __asm__ volatile("" : : "r"(below) : "memory");
}

/* net-snmp's parse step for v1/v2c sessions: its own parser, then the
 * packet (which holds the community in clear), the answer's copy of the
 * community and the parser's stack copy are wiped. */
static int live_parse(netsnmp_session *sp, netsnmp_pdu *pdu, u_char *data, size_t len)
{
    struct live_priv *priv = sp->myvoid;
    int rc = snmp_parse((struct session_list *)priv->sess, sp, pdu, data, len);
    explicit_bzero(data, len);
    live_pdu_drop_community(pdu);
    live_scrub_stack();
    return rc;
}

/* The sending step of v1/v2c transports: the transport's own, then the
 * packet just sent is wiped (net-snmp frees it next; a resend builds a new
 * one). The transports' own send functions, one per kind (UDP, UDP over
 * IPv6), are kept once, under live_open_lock, before any transport is
 * given the matching wrapper. */
typedef int (*live_send_fn)(netsnmp_transport *, const void *, int, void **, int *);
static live_send_fn live_sends[2];

static int live_send_then_wipe(live_send_fn send, netsnmp_transport *t, const void *buf, int size,
                               void **opaque, int *olength)
{
    int rc = send(t, buf, size, opaque, olength);
    /* buf is net-snmp's own packet buffer, writable and about to be freed. */
    if (size > 0)
        explicit_bzero((void *)(uintptr_t)buf, (size_t)size);
    return rc;
}

static int live_send0(netsnmp_transport *t, const void *buf, int size, void **opaque, int *olength)
{
    return live_send_then_wipe(live_sends[0], t, buf, size, opaque, olength);
}

static int live_send1(netsnmp_transport *t, const void *buf, int size, void **opaque, int *olength)
{
    return live_send_then_wipe(live_sends[1], t, buf, size, opaque, olength);
}

/* Under live_open_lock. A third kind of transport keeps its own send. */
static void live_wipe_sent_packets(netsnmp_transport *t)
{
    static const live_send_fn wrappers[2] = {live_send0, live_send1};
    for (size_t i = 0; i < 2; i++) {
        if (t->f_send == wrappers[i])
            return;
        if (live_sends[i] == NULL)
            live_sends[i] = t->f_send;
        if (live_sends[i] == t->f_send) {
            t->f_send = wrappers[i];
            return;
        }
    }
}

/* Opens a v1/v2c session on a transport of our own making, so that the
 * packets holding the community are wiped once sent and once parsed. The
 * session itself gets no community. */
static void *live_open_community(struct live_priv *priv, netsnmp_session *s)
{
    netsnmp_transport *t = netsnmp_transport_open_client("snmp", priv->peer);
    if (t == NULL) {
        s->s_snmp_errno = SNMPERR_BAD_ADDRESS;
        return NULL;
    }
    live_wipe_sent_packets(t);
    s->myvoid = priv;
    return snmp_sess_add_ex(s, t, NULL, live_parse, NULL, NULL, NULL, NULL, NULL);
}

int live_session_ensure(struct pr_snmp_source *src, struct pr_error *err)
{
    struct live_priv *priv = src->priv;
    if (priv->sess != NULL)
        return 0;
    netsnmp_session s;
    snmp_sess_init(&s);
    s.peername = priv->peer;
    s.timeout = (long)(priv->opts.timeout_s * 1e6);
    s.retries = priv->opts.retries;
    switch (priv->opts.version) {
    case PR_SNMP_V1:
        s.version = SNMP_VERSION_1;
        break;
    case PR_SNMP_V2C:
        s.version = SNMP_VERSION_2c;
        break;
    case PR_SNMP_V3:
        s.version = SNMP_VERSION_3;
        break;
    }
    if (priv->opts.version == PR_SNMP_V3)
        set_v3_security(priv, &s);
    pthread_mutex_lock(&live_open_lock);
    priv->sess =
        priv->opts.version == PR_SNMP_V3 ? snmp_sess_open(&s) : live_open_community(priv, &s);
    pthread_mutex_unlock(&live_open_lock);
    /* The session holds its own copies; wipe the keys derived here. */
    memset(s.securityAuthKey, 0, sizeof s.securityAuthKey);
    memset(s.securityPrivKey, 0, sizeof s.securityPrivKey);
    if (priv->sess == NULL)
        return map_failure(src, s.s_snmp_errno ? s.s_snmp_errno : SNMPERR_GENERR, err);
    return 0;
}

/* Closes the session, wiping first the copies of the community and of the
 * v3 keys the library keeps (it frees them without wiping). */
static void live_session_close(struct live_priv *priv)
{
    if (priv->sess == NULL)
        return;
    netsnmp_session *s = snmp_sess_session(priv->sess);
    if (s != NULL) {
        if (s->community != NULL && s->community_len > 0)
            explicit_bzero(s->community, s->community_len);
        explicit_bzero(s->securityAuthKey, sizeof s->securityAuthKey);
        explicit_bzero(s->securityPrivKey, sizeof s->securityPrivKey);
    }
    pthread_mutex_lock(&live_open_lock);
    snmp_sess_close(priv->sess);
    pthread_mutex_unlock(&live_open_lock);
    priv->sess = NULL;
}

/* net-snmp's callback for the request in flight. A notInTimeWindow
 * report is not final: the library resends the request after it (once per
 * retry) and drops it silently when the retries are spent. */
static int live_on_pdu(int op, netsnmp_session *sess, int reqid, netsnmp_pdu *pdu, void *magic)
{
    struct live_wait *w = magic;
    /* A request the library is done with (timed out, not sent, its
     * session closing) is handed over here before the library frees it:
     * its community goes now. */
    if (op == NETSNMP_CALLBACK_OP_TIMED_OUT || op == NETSNMP_CALLBACK_OP_SEND_FAILED ||
        op == NETSNMP_CALLBACK_OP_SEC_ERROR) {
        live_pdu_drop_community(pdu);
        if (w != NULL && w->request == pdu)
            w->request = NULL;
    }
    /* The library matched the answer to this session's one request in
     * flight; a report names no request id when the agent could not read
     * the request (wrong key, unknown user). */
    bool report = pdu != NULL && pdu->command == SNMP_MSG_REPORT;
    if (w == NULL || w->done || w->reqid == 0 || (reqid != w->reqid && !report))
        return 1;
    if (op == NETSNMP_CALLBACK_OP_RECEIVED_MESSAGE && pdu != NULL) {
        if (pdu->command == SNMP_MSG_RESPONSE) {
            /* Settled: the library frees the request next. */
            live_pdu_drop_community(w->request);
            w->request = NULL;
            w->response = snmp_clone_pdu(pdu);
            w->status = w->response != NULL ? STAT_SUCCESS : STAT_ERROR;
            w->lib_errno = w->response != NULL ? SNMPERR_SUCCESS : SNMPERR_MALLOC;
            w->done = true;
        } else if (pdu->command == SNMP_MSG_REPORT) {
            w->status = STAT_ERROR;
            w->lib_errno = snmpv3_get_report_type(pdu);
            w->done = w->lib_errno != SNMPERR_NOT_IN_TIME_WINDOW;
        } else {
            w->status = STAT_ERROR;
            w->lib_errno = SNMPERR_PROTOCOL;
            w->done = true;
        }
    } else if (op == NETSNMP_CALLBACK_OP_RESEND || op == NETSNMP_CALLBACK_OP_CONNECT) {
        /* News only: the request is still pending. */
    } else if (op == NETSNMP_CALLBACK_OP_SEC_ERROR) {
        /* A report the security model could not use; the request stays
         * pending unless the library drops it (seen below as nothing
         * pending). */
        w->status = STAT_ERROR;
        w->lib_errno = pdu != NULL && pdu->command == SNMP_MSG_REPORT ? snmpv3_get_report_type(pdu)
                       : sess != NULL && sess->s_snmp_errno           ? sess->s_snmp_errno
                                                                      : SNMPERR_GENERR;
    } else if (op == NETSNMP_CALLBACK_OP_TIMED_OUT) {
        w->status = STAT_TIMEOUT;
        w->lib_errno = SNMPERR_TIMEOUT;
        w->done = true;
    } else {
        w->status = STAT_ERROR;
        w->lib_errno = sess != NULL && sess->s_snmp_errno ? sess->s_snmp_errno : SNMPERR_GENERR;
        w->done = true;
    }
    return 1;
}

/* Sends pdu and runs the session until its request is settled. Unlike
 * snmp_sess_synch_response(), which waits forever once the library has
 * dropped a request after notInTimeWindow reports, this stops as soon as
 * nothing is pending any more, and in any case at a deadline of twice the
 * time the retries may take. Returns STAT_*; lib_errno says why on error. */
static int live_send_and_wait(struct live_priv *priv, netsnmp_pdu *pdu, netsnmp_pdu **response,
                              int *lib_errno)
{
    struct live_wait *w = &priv->wait;
    memset(w, 0, sizeof *w);
    w->request = pdu;
    w->reqid = snmp_sess_async_send(priv->sess, pdu, live_on_pdu, w);
    if (w->reqid == 0) {
        w->request = NULL;
        live_pdu_drop_community(pdu);
        snmp_free_pdu(pdu);
        snmp_sess_error(priv->sess, NULL, lib_errno, NULL);
        w->reqid = 0;
        return STAT_ERROR;
    }
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    double deadline = (double)now.tv_sec + now.tv_nsec / 1e9 +
                      2.0 * priv->opts.timeout_s * (priv->opts.retries + 1) + 1.0;
    netsnmp_large_fd_set fdset;
    netsnmp_large_fd_set_init(&fdset, FD_SETSIZE);
    while (!w->done) {
        int numfds = 0, block = 1;
        struct timeval tv = {0, 0};
        NETSNMP_LARGE_FD_ZERO(&fdset);
        snmp_sess_select_info2_flags(priv->sess, &numfds, &fdset, &tv, &block,
                                     NETSNMP_SELECT_NOALARMS);
        if (block == 1) {
            /* Nothing pending: the request was dropped after a report. */
            if (w->lib_errno == SNMPERR_SUCCESS) {
                w->status = STAT_TIMEOUT;
                w->lib_errno = SNMPERR_TIMEOUT;
            }
            break;
        }
        clock_gettime(CLOCK_MONOTONIC, &now);
        double left = deadline - ((double)now.tv_sec + now.tv_nsec / 1e9);
        if (left <= 0) {
            w->status = STAT_TIMEOUT;
            if (w->lib_errno == SNMPERR_SUCCESS)
                w->lib_errno = SNMPERR_TIMEOUT;
            /* The library still holds the request: close the session so no
             * late answer to it is taken for the next one's. */
            live_session_close(priv);
            break;
        }
        if ((double)tv.tv_sec + tv.tv_usec / 1e6 > left) {
            tv.tv_sec = (time_t)left;
            tv.tv_usec = (suseconds_t)((left - (double)tv.tv_sec) * 1e6);
        }
        int count = netsnmp_large_fd_set_select(numfds, &fdset, NULL, NULL, &tv);
        if (count > 0) {
            snmp_sess_read2(priv->sess, &fdset);
        } else if (count == 0) {
            snmp_sess_timeout(priv->sess);
        } else if (errno != EINTR) {
            w->status = STAT_ERROR;
            w->lib_errno = SNMPERR_GENERR;
            break;
        }
    }
    netsnmp_large_fd_set_cleanup(&fdset);
    /* A late callback for this request finds no request to settle. Any
     * request still held is the library's (its community goes when it
     * times out). */
    w->reqid = 0;
    w->request = NULL;
    *response = w->response;
    w->response = NULL;
    *lib_errno = w->lib_errno;
    return w->status;
}

int live_exchange(struct pr_snmp_source *src, netsnmp_pdu *pdu, netsnmp_pdu **response,
                  struct pr_error *err)
{
    struct live_priv *priv = src->priv;
    *response = NULL;
    src->requests++;
    int lib_errno = SNMPERR_SUCCESS;
    int status = live_send_and_wait(priv, pdu, response, &lib_errno);
    if (status == STAT_SUCCESS && *response != NULL) {
        priv->answered = true;
        for (const netsnmp_variable_list *vb = (*response)->variables; vb != NULL;
             vb = vb->next_variable)
            src->varbinds++;
        return 0;
    }
    if (*response != NULL) {
        snmp_free_pdu(*response);
        *response = NULL;
    }
    if (status == STAT_TIMEOUT && priv->opts.version == PR_SNMP_V3 &&
        priv->level == SNMP_SEC_LEVEL_AUTHPRIV && !priv->answered && priv->sess != NULL &&
        snmp_sess_session(priv->sess)->securityEngineIDLen > 0)
        /* The agent answered the discovery probe a moment ago; an agent
         * that cannot decrypt a request drops it without a report. */
        return pr_error_set(err, PR_ERR_AUTH,
                            "%s: the agent answered SNMPv3 discovery but not the encrypted "
                            "request within %g s: wrong privacy passphrase or protocol",
                            src->where, priv->opts.timeout_s);
    if (status == STAT_TIMEOUT && lib_errno == SNMPERR_TIMEOUT)
        return timeout_error(src, err);
    return map_failure(src, lib_errno != SNMPERR_SUCCESS ? lib_errno : SNMPERR_GENERR, err);
}

int live_error_status(struct pr_snmp_source *src, const netsnmp_pdu *response, struct pr_error *err)
{
    enum pr_error_code code =
        response->errstat == SNMP_ERR_AUTHORIZATIONERROR ? PR_ERR_AUTH : PR_ERR_PROTOCOL;
    return pr_error_set(err, code, "%s: agent answered %s (error-status %ld, index %ld)",
                        src->where, snmp_errstring((int)response->errstat), response->errstat,
                        response->errindex);
}

void live_close(struct pr_snmp_source *src)
{
    struct live_priv *priv = src->priv;
    if (priv == NULL)
        return;
    live_session_close(priv);
    live_ahead_free(src);
    explicit_bzero(priv, sizeof *priv);
    free(priv);
}

static const struct pr_snmp_source_ops live_ops = {
    .kind = "snmp",
    .fetch = live_fetch,
    .set_integer = live_set_integer,
    .expect = live_expect,
    .close = live_close,
};

struct pr_snmp_source *
pr_snmp_source_open_live(const char *host, const struct pr_snmp_options *opts, struct pr_error *err)
{
    live_library_init();
    struct live_priv *priv = calloc(1, sizeof *priv);
    if (priv == NULL) {
        pr_error_set(err, PR_ERR_INTERNAL, "out of memory");
        return NULL;
    }
    /* Everything but the secrets, which stay where the caller keeps them. */
    priv->opts = (struct pr_snmp_options){
        .version = opts->version,
        .timeout_s = opts->timeout_s,
        .retries = opts->retries,
        .max_repetitions = opts->max_repetitions,
    };
    pr_strlcpy(priv->opts.user, opts->user, sizeof priv->opts.user);
    pr_strlcpy(priv->opts.level, opts->level, sizeof priv->opts.level);
    pr_strlcpy(priv->opts.auth_proto, opts->auth_proto, sizeof priv->opts.auth_proto);
    pr_strlcpy(priv->opts.priv_proto, opts->priv_proto, sizeof priv->opts.priv_proto);
    pr_strlcpy(priv->opts.context, opts->context, sizeof priv->opts.context);
    priv->secrets = opts;
    if (live_parse_host(host, priv->peer, sizeof priv->peer, err) != 0 ||
        live_check_options(priv, err) != 0) {
        free(priv);
        return NULL;
    }
    struct pr_snmp_source *src = pr_snmp_source_new(&live_ops, host, priv);
    if (src == NULL) {
        free(priv);
        pr_error_set(err, PR_ERR_INTERNAL, "out of memory");
    }
    return src;
}

void pr_snmp_source_prefer_repetitions(struct pr_snmp_source *src, int reps)
{
    if (src == NULL || src->ops != &live_ops)
        return;
    struct live_priv *priv = src->priv;
    if (priv->opts.max_repetitions == 0)
        priv->opts.max_repetitions = reps;
}
