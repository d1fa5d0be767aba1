/* SPDX-License-Identifier: BSD-3-Clause */
/* net-snmp sessions: library set-up (once), opening a session, one request
 * and its answer, and turning net-snmp's failures into pr_error values. */
#include "snmp/live.h"

#include <errno.h>
#include <pthread.h>
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

netsnmp_pdu *live_pdu_new(struct pr_snmp_source *src, int command, const char *context)
{
    struct live_priv *priv = src->priv;
    netsnmp_pdu *pdu = snmp_pdu_create(command);
    if (pdu == NULL || context == NULL)
        return pdu;
    char *text;
    int n;
    if (priv->opts.version == PR_SNMP_V3)
        n = asprintf(&text, "vlan-%s", context);
    else
        n = asprintf(&text, "%s@%s", priv->opts.community, context);
    if (n < 0) {
        snmp_free_pdu(pdu);
        return NULL;
    }
    if (priv->opts.version == PR_SNMP_V3) {
        pdu->contextName = text;
        pdu->contextNameLen = (size_t)n;
    } else {
        pdu->community = (u_char *)text;
        pdu->community_len = (size_t)n;
    }
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
        strcmp(priv->opts.community, PR_SNMP_DEFAULT_COMMUNITY) == 0)
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
    generate_Ku(s->securityAuthProto, (u_int)s->securityAuthProtoLen, (u_char *)o->auth_pass,
                strlen(o->auth_pass), s->securityAuthKey, &s->securityAuthKeyLen);
    if (priv->level != SNMP_SEC_LEVEL_AUTHPRIV)
        return;
    s->securityPrivProto = (oid *)live_priv_proto(o->priv_proto, &s->securityPrivProtoLen);
    s->securityPrivKeyLen = USM_PRIV_KU_LEN;
    generate_Ku(s->securityAuthProto, (u_int)s->securityAuthProtoLen, (u_char *)o->priv_pass,
                strlen(o->priv_pass), s->securityPrivKey, &s->securityPrivKeyLen);
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
    if (priv->opts.version != PR_SNMP_V3) {
        s.community = (u_char *)priv->opts.community;
        s.community_len = strlen(priv->opts.community);
    } else {
        set_v3_security(priv, &s);
    }
    pthread_mutex_lock(&live_open_lock);
    priv->sess = snmp_sess_open(&s);
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
    /* The library matched the answer to this session's one request in
     * flight; a report names no request id when the agent could not read
     * the request (wrong key, unknown user). */
    bool report = pdu != NULL && pdu->command == SNMP_MSG_REPORT;
    if (w == NULL || w->done || w->reqid == 0 || (reqid != w->reqid && !report))
        return 1;
    if (op == NETSNMP_CALLBACK_OP_RECEIVED_MESSAGE && pdu != NULL) {
        if (pdu->command == SNMP_MSG_RESPONSE) {
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
    w->reqid = snmp_sess_async_send(priv->sess, pdu, live_on_pdu, w);
    if (w->reqid == 0) {
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
    /* A late callback for this request finds no request to settle. */
    w->reqid = 0;
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
    /* The options hold the secrets. */
    explicit_bzero(&priv->opts, sizeof priv->opts);
    free(priv);
}

static const struct pr_snmp_source_ops live_ops = {
    .kind = "snmp",
    .fetch = live_fetch,
    .set_integer = live_set_integer,
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
    priv->opts = *opts;
    if (live_parse_host(host, priv->peer, sizeof priv->peer, err) != 0 ||
        live_check_options(priv, err) != 0) {
        explicit_bzero(&priv->opts, sizeof priv->opts);
        free(priv);
        return NULL;
    }
    struct pr_snmp_source *src = pr_snmp_source_new(&live_ops, host, priv);
    if (src == NULL) {
        explicit_bzero(&priv->opts, sizeof priv->opts);
        free(priv);
        pr_error_set(err, PR_ERR_INTERNAL, "out of memory");
    }
    return src;
}
