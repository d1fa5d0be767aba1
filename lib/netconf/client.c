/* SPDX-License-Identifier: BSD-3-Clause */
/* netconf_get_config(): one NETCONF session per call. The TCP socket and
 * the SSH login are lib/ssh's (ssh/transport.h), and so is the netconf
 * subsystem's channel; libnetconf2 does the hellos and the RPC over a
 * socket pair whose other end is a relay thread (relay.c) that checks what
 * the switch sends before libnetconf2 parses it; the transport's watchdog
 * bounds it all by the user's timeout. */
#include "netconf/nc_private.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libyang/libyang.h>
#include <nc_client.h>

#include "ssh/transport.h"
#include "util/secret.h"
#include "util/strutil.h"
#include "util/xml.h"

/* Debian ships no usable ietf-netconf module with libnetconf2 (its
 * built-in copy cannot resolve ietf-netconf-acm); libyuma-base has both. */
#define NETCONF_YANG_DIR "/usr/share/yuma/modules/ietf"

static pthread_once_t client_once = PTHREAD_ONCE_INIT;

static void client_init(void)
{
    nc_client_init();
    netconf_log_install();
}

/* libnetconf2's defaults for these read /dev/tty. The session it gets is
 * already authenticated, so they are never meant to run: each refuses. */
static int client_refuse_hostkey(const char *hostname, ssh_session session, void *priv)
{
    (void)hostname;
    (void)session;
    (void)priv;
    return -1;
}

static char *client_no_password(const char *username, const char *hostname, void *priv)
{
    (void)username;
    (void)hostname;
    (void)priv;
    return NULL;
}

static char *client_no_interactive(const char *auth_name, const char *instruction,
                                   const char *prompt, int echo, void *priv)
{
    (void)auth_name;
    (void)instruction;
    (void)prompt;
    (void)echo;
    (void)priv;
    return NULL;
}

static char *client_no_passphrase(const char *privkey_path, void *priv)
{
    (void)privkey_path;
    (void)priv;
    return NULL;
}

/* libnetconf2 keeps client options per thread: set them in each caller. */
static void client_thread_options(void)
{
    nc_client_ssh_set_auth_hostkey_check_clb(client_refuse_hostkey, NULL);
    nc_client_ssh_set_auth_password_clb(client_no_password, NULL);
    nc_client_ssh_set_auth_interactive_clb(client_no_interactive, NULL);
    nc_client_ssh_set_auth_privkey_passphrase_clb(client_no_passphrase, NULL);
    nc_client_ssh_set_auth_pref(NC_SSH_AUTH_INTERACTIVE, -1);
}

/* libnetconf2 2.0.24 fetches, with one <get-schema> round trip each, every
 * module a server advertises and the client lacks, before the session is
 * usable: hundreds on IOS-XE, far beyond any timeout. portready needs none
 * of them (<data> is anyxml). libnetconf2 turns <get-schema> off when it
 * cannot add its own ietf-netconf-monitoring to the context, which is what
 * this placeholder revision, implemented first, makes happen. */
static const char client_monitoring_placeholder[] =
    "module ietf-netconf-monitoring {"
    " namespace \"urn:ietf:params:xml:ns:yang:ietf-netconf-monitoring\"; prefix ncm;"
    " revision 1970-01-01 { description \"portready: no <get-schema>\"; } }";

static int client_yang_context(struct ly_ctx **out, struct pr_error *err)
{
    *out = NULL;
    if (access(NETCONF_YANG_DIR "/ietf-netconf@2011-06-01.yang", R_OK) != 0)
        return pr_error_set(err, PR_ERR_UNSUPPORTED,
                            "NETCONF: the ietf-netconf YANG module is missing from %s (install "
                            "Debian's libyuma-base)",
                            NETCONF_YANG_DIR);
    struct ly_ctx *ctx = NULL;
    if (ly_ctx_new(NETCONF_YANG_DIR, LY_CTX_DISABLE_SEARCHDIR_CWD, &ctx) != LY_SUCCESS)
        return pr_error_set(err, PR_ERR_INTERNAL, "NETCONF: cannot create a YANG context: %s",
                            netconf_log_first_error());
    if (ly_ctx_load_module(ctx, "ietf-netconf", NULL, NULL) == NULL ||
        lys_parse_mem(ctx, client_monitoring_placeholder, LYS_IN_YANG, NULL) != LY_SUCCESS) {
        pr_error_set(err, PR_ERR_UNSUPPORTED, "NETCONF: cannot load ietf-netconf from %s: %s",
                     NETCONF_YANG_DIR, netconf_log_first_error());
        ly_ctx_destroy(ctx);
        return -1;
    }
    *out = ctx;
    return 0;
}

static const char *node_name(const struct lyd_node *node)
{
    if (node->schema != NULL)
        return node->schema->name;
    return ((const struct lyd_node_opaq *)node)->name.name;
}

static const char *node_text(const struct lyd_node *node)
{
    if (node->schema == NULL)
        return ((const struct lyd_node_opaq *)node)->value;
    return lyd_get_value(node);
}

/* "error-tag: error-message" of the first <rpc-error> under envp. */
static bool reply_rpc_error(const struct lyd_node *envp, char *buf, size_t len)
{
    for (const struct lyd_node *child = lyd_child(envp); child != NULL; child = child->next) {
        if (strcmp(node_name(child), "rpc-error") != 0)
            continue;
        const char *tag = NULL, *message = NULL;
        for (const struct lyd_node *field = lyd_child(child); field != NULL; field = field->next) {
            if (strcmp(node_name(field), "error-tag") == 0)
                tag = node_text(field);
            else if (strcmp(node_name(field), "error-message") == 0)
                message = node_text(field);
        }
        snprintf(buf, len, "%s%s%s", tag != NULL ? tag : "error",
                 message != NULL && message[0] != '\0' ? ": " : "", message != NULL ? message : "");
        return true;
    }
    return false;
}

/* The <data> element of a get-config reply as XML text. */
static int reply_data(const struct lyd_node *envp, const struct lyd_node *op, const char *label,
                      char **out_xml, size_t *out_len, struct pr_error *err)
{
    char problem[400];
    if (op == NULL) {
        if (envp != NULL && reply_rpc_error(envp, problem, sizeof problem))
            return pr_error_set(err, PR_ERR_PROTOCOL,
                                "NETCONF: %s answered <get-config> with rpc-error %s", label,
                                problem);
        return pr_error_set(err, PR_ERR_PROTOCOL,
                            "NETCONF: malformed reply from %s: no <data> in the <get-config> "
                            "reply",
                            label);
    }
    const struct lyd_node *data = NULL;
    for (const struct lyd_node *child = lyd_child(op); child != NULL; child = child->next) {
        if (strcmp(node_name(child), "data") == 0) {
            data = child;
            break;
        }
    }
    if (data == NULL)
        return pr_error_set(err, PR_ERR_PROTOCOL,
                            "NETCONF: malformed reply from %s: no <data> in the <get-config> "
                            "reply",
                            label);
    char *text = NULL;
    if (lyd_print_mem(&text, data, LYD_XML, LYD_PRINT_SHRINK) != LY_SUCCESS || text == NULL)
        return pr_error_set(err, PR_ERR_PROTOCOL,
                            "NETCONF: malformed reply from %s: cannot print <data>: %s", label,
                            netconf_log_first_error());
    /* What the interpreters will read must pass the project's XML reader. */
    xmlDoc *doc = NULL;
    struct pr_error xml_err = {0};
    if (pr_xml_parse(text, strlen(text), &doc, &xml_err) != 0) {
        free(text);
        return pr_error_set(err, PR_ERR_PROTOCOL, "NETCONF: malformed reply from %s: %s", label,
                            xml_err.msg);
    }
    xmlFreeDoc(doc);
    *out_xml = text;
    *out_len = strlen(text);
    return 0;
}

/* What libnetconf2 or libyang said, in the project's words where it
 * matters: libyang refuses a DOCTYPE before reading any entity in it. */
static const char *client_reason(const char *fallback)
{
    const char *why = netconf_log_first_error();
    if (strstr(why, "DOCTYPE") != NULL)
        return "reply carries a DOCTYPE; refused";
    return why[0] != '\0' ? why : fallback;
}

/* Sends the RPC and waits for its reply, both bounded by the deadline. */
static int client_exchange(struct nc_session *session, const char *filter, struct pr_ssh_conn *c,
                           struct netconf_relay *relay, char **out_xml, size_t *out_len,
                           struct pr_error *err)
{
    int64_t deadline_ns = c->deadline_ns;
    const char *label = c->label;
    double timeout_s = c->timeout_s;
    struct nc_rpc *rpc =
        nc_rpc_getconfig(NC_DATASTORE_RUNNING, filter != NULL && filter[0] != '\0' ? filter : NULL,
                         NC_WD_UNKNOWN, NC_PARAMTYPE_CONST);
    if (rpc == NULL)
        return pr_error_set(err, PR_ERR_INTERNAL, "NETCONF: cannot build <get-config>");
    int rc = -1;
    uint64_t msgid = 0;
    NC_MSG_TYPE sent = nc_send_rpc(session, rpc, pr_ssh_left_ms(deadline_ns), &msgid);
    if (sent != NC_MSG_RPC) {
        if (netconf_relay_error(relay, err))
            ; /* a bound, named by the relay */
        else if (sent == NC_MSG_WOULDBLOCK || pr_ssh_conn_timed_out(c))
            pr_error_set(err, PR_ERR_TIMEOUT,
                         "NETCONF: timeout after %.1f s sending <get-config> to %s", timeout_s,
                         label);
        else
            pr_error_set(err, PR_ERR_PROTOCOL, "NETCONF: cannot send <get-config> to %s: %s", label,
                         netconf_log_first_error());
        nc_rpc_free(rpc);
        return -1;
    }
    for (;;) {
        struct lyd_node *envp = NULL, *op = NULL;
        int left = pr_ssh_left_ms(deadline_ns);
        NC_MSG_TYPE got =
            left > 0 ? nc_recv_reply(session, rpc, msgid, left, &envp, &op) : NC_MSG_WOULDBLOCK;
        if (got == NC_MSG_REPLY) {
            rc = reply_data(envp, op, label, out_xml, out_len, err);
        } else if (got == NC_MSG_NOTIF) {
            lyd_free_all(envp);
            lyd_free_all(op);
            continue;
        } else if (netconf_relay_error(relay, err)) {
            /* a bound, named by the relay */
        } else if (got == NC_MSG_WOULDBLOCK || pr_ssh_conn_timed_out(c)) {
            pr_error_set(err, PR_ERR_TIMEOUT,
                         "NETCONF: timeout after %.1f s waiting for the <get-config> reply from "
                         "%s",
                         timeout_s, label);
        } else if (got == NC_MSG_REPLY_ERR_MSGID) {
            pr_error_set(err, PR_ERR_PROTOCOL,
                         "NETCONF: malformed reply from %s: wrong or missing message-id", label);
        } else {
            pr_error_set(err, PR_ERR_PROTOCOL, "NETCONF: malformed reply from %s: %s", label,
                         client_reason("not a valid <rpc-reply>"));
        }
        lyd_free_all(envp);
        lyd_free_all(op);
        break;
    }
    nc_rpc_free(rpc);
    return rc;
}

/* Error of a failed nc_connect_inout(): SSH is up by then, so what is
 * missing is the netconf subsystem or the server's hello. */
static int client_setup_error(struct pr_ssh_conn *c, struct netconf_relay *relay,
                              struct pr_error *err)
{
    const char *label = c->label;
    double timeout_s = c->timeout_s;
    if (netconf_relay_error(relay, err))
        return -1;
    if (pr_ssh_conn_timed_out(c))
        return pr_error_set(err, PR_ERR_TIMEOUT,
                            "NETCONF: timeout after %.1f s waiting for the NETCONF <hello> from "
                            "%s (SSH login succeeded; the netconf subsystem never greeted)",
                            timeout_s, label);
    return pr_error_set(err, PR_ERR_PROTOCOL,
                        "NETCONF: %s is not speaking NETCONF (no valid <hello>): %s", label,
                        client_reason("session setup failed"));
}

static const struct pr_ssh_purpose client_purpose = {
    .what = "NETCONF",
    .service = "NETCONF over SSH",
    .password_env = NETCONF_PASSWORD_ENV,
};

/* The netconf subsystem on a new session channel (what libnetconf2 did in
 * nc_connect_libssh), bounded by the watchdog. */
static int client_open_channel(struct pr_ssh_conn *c, ssh_channel *out, struct pr_error *err)
{
    ssh_channel chan = ssh_channel_new(c->ssh);
    *out = chan;
    if (chan == NULL)
        return pr_error_set(err, PR_ERR_INTERNAL, "NETCONF: cannot create an SSH channel");
    const char *phase = NULL;
    if (ssh_channel_open_session(chan) != SSH_OK)
        phase = "opening an SSH session channel";
    else if (ssh_channel_request_subsystem(chan, "netconf") != SSH_OK)
        phase = "the netconf subsystem";
    if (phase == NULL)
        return 0;
    if (pr_ssh_conn_timed_out(c))
        return pr_error_set(err, PR_ERR_TIMEOUT,
                            "NETCONF: timeout after %.1f s waiting for %s of %s (SSH login "
                            "succeeded)",
                            c->timeout_s, phase, c->label);
    if (strcmp(phase, "the netconf subsystem") == 0)
        return pr_error_set(err, PR_ERR_PROTOCOL,
                            "NETCONF: %s has no netconf SSH subsystem (is NETCONF enabled?): %s",
                            c->label, ssh_get_error(c->ssh));
    return pr_error_set(err, PR_ERR_PROTOCOL, "NETCONF: %s with %s failed: %s", phase, c->label,
                        ssh_get_error(c->ssh));
}

int netconf_get_config(const struct netconf_options *opts, const char *subtree_filter_xml,
                       char **out_xml, size_t *out_len, struct pr_error *err)
{
    *out_xml = NULL;
    *out_len = 0;
    if (opts->host[0] == '\0')
        return pr_error_set(err, PR_ERR_USAGE, "NETCONF: no host given");
    if (opts->port < 1 || opts->port > 65535)
        return pr_error_set(err, PR_ERR_USAGE, "NETCONF: port %d is out of range", opts->port);
    pthread_once(&client_once, client_init);
    client_thread_options();
    netconf_log_clear();

    struct ly_ctx *ctx = NULL;
    if (client_yang_context(&ctx, err) != 0)
        return -1;

    struct pr_ssh_target target;
    pr_ssh_target_init(&target);
    pr_strlcpy(target.user, opts->user, sizeof target.user);
    pr_strlcpy(target.host, opts->host, sizeof target.host);
    target.port = opts->port;
    pr_strlcpy(target.ssh_key, opts->ssh_key, sizeof target.ssh_key);
    target.password_at = opts->password; /* no second copy of the secret */
    pr_strlcpy(target.known_hosts, opts->known_hosts, sizeof target.known_hosts);
    target.accept_new_hostkey = opts->accept_new_hostkey;
    target.timeout_s = opts->timeout_s;
    struct pr_ssh_conn conn;
    int connected = pr_ssh_connect(&target, &client_purpose, &conn, err);
    secret_wipe(&target, sizeof target);
    if (connected != 0) {
        ly_ctx_destroy(ctx);
        return -1;
    }

    int rc = -1;
    size_t max_bytes = opts->max_bytes > 0 ? opts->max_bytes : NETCONF_DEFAULT_MAX_BYTES;
    ssh_channel chan = NULL;
    struct netconf_relay relay = {.running = false};
    int nc_fd = -1;
    if (client_open_channel(&conn, &chan, err) == 0 &&
        netconf_relay_start(&relay, conn.ssh, chan, max_bytes, conn.label, &nc_fd, err) == 0) {
        netconf_log_clear();
        struct nc_session *session = nc_connect_inout(nc_fd, nc_fd, ctx);
        if (session == NULL) {
            client_setup_error(&conn, &relay, err);
        } else {
            netconf_log_clear();
            rc = client_exchange(session, subtree_filter_xml, &conn, &relay, out_xml, out_len, err);
            nc_session_free(session, NULL);
        }
        netconf_relay_stop(&relay);
    }
    /* The session stays the transport's: libnetconf2 only had the socket
     * pair. */
    if (chan != NULL)
        ssh_channel_free(chan);
    pr_ssh_conn_close(&conn);
    ly_ctx_destroy(ctx);
    return rc;
}
