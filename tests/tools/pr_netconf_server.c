/* SPDX-License-Identifier: BSD-3-Clause */
/* Test peer: NETCONF over SSH on 127.0.0.1, for the integration tests.
 *
 *   pr_netconf_server --port PORT [--hostkey FILE] [--data FILE]
 *       [--user NAME --password-file FILE] [--key-user NAME --authorized-keys FILE]
 *       [--mode MODE] [--rpc-log FILE] [--doctype-url URL] [--error-message TEXT]
 *       [--reply-bytes N] [--attributes N]
 *
 * --hostkey FILE: the host key to use; created (ed25519) when the file does
 * not exist. Without it a fresh key is made at start and removed at exit.
 * Prints "ready" on stdout once it listens. Modes:
 *   normal         libnetconf2 server: get-config answers the --data XML
 *   rpc-error      libnetconf2 server: get-config answers an rpc-error
 *   monitoring     normal, but also advertising ietf-netconf-monitoring and
 *                  three vendor modules no client has; <get-schema> (its own
 *                  callback) is logged to --rpc-log and answered with an error
 *   silent         accepts TCP and never sends a byte
 *   no-subsystem   SSH login works, the netconf subsystem is refused
 *   no-hello       SSH and the netconf subsystem work, no <hello> ever comes
 *   garbage        the netconf subsystem sends bytes that are not NETCONF
 *   stall          hello, then half a reply, then nothing
 *   malformed-xml  hello, then a reply that is not well-formed XML
 *   doctype        hello, then a reply with a DOCTYPE declaring an external
 *                  entity (--doctype-url) used inside <data>
 *   big-reply      hello, then a well-formed Junos configuration of about
 *                  --reply-bytes bytes (default 200,000,000), written as it
 *                  is made: many interfaces with long descriptions
 *   many-attributes hello, then a small Junos configuration whose <interface>
 *                  carries --attributes attributes (default 40,000)
 * libnetconf2's server cannot misbehave, so the last seven modes are a small
 * SSH server on libssh's server API speaking NETCONF 1.0 framing by hand.
 * Except in "monitoring" mode, which installs its own <get-schema>, the
 * server advertises no ietf-netconf-monitoring (libnetconf2's built-in
 * get-schema misbehaves with libyang 2.1.30). */
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libssh/libssh.h>
#include <libssh/server.h>
#include <libyang/libyang.h>
#include <nc_server.h>

#define SERVER_YANG_DIR "/usr/share/yuma/modules/ietf"
#define SERVER_EOM      "]]>]]>"

struct server_config {
    int port;
    char hostkey[1024];
    bool hostkey_generated;
    char hostkey_dir[64];
    const char *data_path;
    char *data;
    const char *user;
    char password[256];
    const char *key_user;
    const char *authorized_keys;
    const char *mode;
    const char *rpc_log;
    const char *doctype_url;
    const char *error_message;
    long long reply_bytes;
    long attributes;
};

static struct server_config cfg;
static volatile sig_atomic_t server_stop;

static void server_on_signal(int sig)
{
    (void)sig;
    server_stop = 1;
}

static void server_die(const char *what)
{
    fprintf(stderr, "pr_netconf_server: %s\n", what);
    exit(2);
}

static char *server_read_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    size_t cap = 4096, len = 0;
    char *buf = malloc(cap);
    size_t got;
    while (buf != NULL && (got = fread(buf + len, 1, cap - len - 1, f)) > 0) {
        len += got;
        if (len + 1 == cap) {
            char *bigger = realloc(buf, cap * 2);
            if (bigger == NULL) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = bigger;
            cap *= 2;
        }
    }
    fclose(f);
    if (buf != NULL)
        buf[len] = '\0';
    return buf;
}

/* ---- credentials, shared by both kinds of server ---- */

static bool server_password_ok(const char *user, const char *password)
{
    return cfg.user != NULL && cfg.password[0] != '\0' && user != NULL && password != NULL &&
           strcmp(user, cfg.user) == 0 && strcmp(password, cfg.password) == 0;
}

/* True when key is one of the lines of --authorized-keys and user is
 * --key-user. */
static bool server_pubkey_ok(const char *user, ssh_key key)
{
    if (cfg.key_user == NULL || cfg.authorized_keys == NULL || user == NULL ||
        strcmp(user, cfg.key_user) != 0)
        return false;
    char *text = server_read_file(cfg.authorized_keys);
    if (text == NULL)
        return false;
    bool ok = false;
    char *save = NULL;
    for (char *line = strtok_r(text, "\n", &save); line != NULL && !ok;
         line = strtok_r(NULL, "\n", &save)) {
        char type[64], b64[8192];
        if (sscanf(line, "%63s %8191s", type, b64) != 2)
            continue;
        ssh_key known = NULL;
        if (ssh_pki_import_pubkey_base64(b64, ssh_key_type_from_name(type), &known) != SSH_OK)
            continue;
        ok = ssh_key_cmp(known, key, SSH_KEY_CMP_PUBLIC) == 0;
        ssh_key_free(known);
    }
    free(text);
    return ok;
}

static void server_hostkey_prepare(void)
{
    if (cfg.hostkey[0] != '\0' && access(cfg.hostkey, R_OK) == 0)
        return;
    if (cfg.hostkey[0] == '\0') {
        snprintf(cfg.hostkey_dir, sizeof cfg.hostkey_dir, "/tmp/pr_netconf_server.XXXXXX");
        if (mkdtemp(cfg.hostkey_dir) == NULL)
            server_die("cannot create a folder for the host key");
        snprintf(cfg.hostkey, sizeof cfg.hostkey, "%s/hostkey", cfg.hostkey_dir);
        cfg.hostkey_generated = true;
    }
    ssh_key key = NULL;
    if (ssh_pki_generate(SSH_KEYTYPE_ED25519, 0, &key) != SSH_OK ||
        ssh_pki_export_privkey_file(key, NULL, NULL, NULL, cfg.hostkey) != SSH_OK)
        server_die("cannot generate the host key");
    chmod(cfg.hostkey, 0600); /* libssh writes it world-readable */
    ssh_key_free(key);
}

static void server_hostkey_cleanup(void)
{
    if (!cfg.hostkey_generated)
        return;
    unlink(cfg.hostkey);
    rmdir(cfg.hostkey_dir);
}

static void server_log_rpc(const char *text)
{
    if (cfg.rpc_log == NULL)
        return;
    FILE *f = fopen(cfg.rpc_log, "a");
    if (f == NULL)
        return;
    fprintf(f, "%s\n", text);
    fclose(f);
}

/* ---- normal and rpc-error: libnetconf2's server ---- */

static struct ly_ctx *server_ctx;

static struct nc_server_reply *server_get_config(struct lyd_node *rpc, struct nc_session *session)
{
    (void)session;
    char *printed = NULL;
    lyd_print_mem(&printed, rpc, LYD_XML, LYD_PRINT_SHRINK);
    server_log_rpc(printed != NULL ? printed : "(unprintable rpc)");
    free(printed);

    if (strcmp(cfg.mode, "rpc-error") == 0) {
        struct lyd_node *e = nc_err(server_ctx, NC_ERR_OP_FAILED, NC_ERR_TYPE_APP);
        nc_err_set_msg(e, cfg.error_message, "en");
        return nc_server_reply_err(e);
    }
    const struct lys_module *ietfnc = ly_ctx_get_module_implemented(server_ctx, "ietf-netconf");
    struct lyd_node *out = NULL;
    if (lyd_new_inner(NULL, ietfnc, "get-config", 1, &out) != LY_SUCCESS ||
        lyd_new_any(out, NULL, "data", cfg.data, 0, LYD_ANYDATA_XML, 1, NULL) != LY_SUCCESS) {
        lyd_free_all(out);
        return nc_server_reply_err(nc_err(server_ctx, NC_ERR_OP_FAILED, NC_ERR_TYPE_APP));
    }
    return nc_server_reply_data(out, NC_WD_EXPLICIT, NC_PARAMTYPE_FREE);
}

static struct nc_server_reply *server_get_schema(struct lyd_node *rpc, struct nc_session *session)
{
    (void)session;
    char *printed = NULL;
    lyd_print_mem(&printed, rpc, LYD_XML, LYD_PRINT_SHRINK);
    server_log_rpc(printed != NULL ? printed : "(unprintable get-schema)");
    free(printed);
    struct lyd_node *e = nc_err(server_ctx, NC_ERR_OP_FAILED, NC_ERR_TYPE_APP);
    nc_err_set_msg(e, "schema not available", "en");
    return nc_server_reply_err(e);
}

/* Modules only this server has, advertised in its hello in monitoring
 * mode: a client that fetches unknown schemas asks for each of them. */
static void server_add_vendor_modules(void)
{
    for (int i = 1; i <= 3; i++) {
        char text[400];
        snprintf(text, sizeof text,
                 "module portready-test-vendor-%d {"
                 " namespace \"urn:portready:test:vendor-%d\"; prefix v%d;"
                 " revision 2024-01-0%d; container settings-%d { leaf x { type string; } } }",
                 i, i, i, i, i);
        if (lys_parse_mem(server_ctx, text, LYS_IN_YANG, NULL) != LY_SUCCESS)
            server_die("cannot add a vendor module");
    }
    if (ly_ctx_load_module(server_ctx, "ietf-netconf-monitoring", NULL, NULL) == NULL)
        server_die("cannot load ietf-netconf-monitoring from " SERVER_YANG_DIR);
}

static int server_nc_hostkey(const char *name, void *user_data, char **privkey_path,
                             char **privkey_data, NC_SSH_KEY_TYPE *privkey_type)
{
    (void)name;
    (void)user_data;
    (void)privkey_type;
    *privkey_data = NULL;
    *privkey_path = strdup(cfg.hostkey);
    return *privkey_path == NULL ? -1 : 0;
}

static int server_nc_password(const struct nc_session *session, const char *password, void *data)
{
    (void)data;
    return server_password_ok(nc_session_get_username(session), password) ? 0 : 1;
}

static int server_nc_pubkey(const struct nc_session *session, ssh_key key, void *data)
{
    (void)data;
    return server_pubkey_ok(nc_session_get_username(session), key) ? 0 : 1;
}

static void *server_nc_poll(void *arg)
{
    struct nc_pollsession *ps = arg;
    while (!server_stop) {
        struct nc_session *session = NULL;
        int ret = nc_ps_poll(ps, 100, &session);
        if (ret & (NC_PSPOLL_SESSION_TERM | NC_PSPOLL_SESSION_ERROR)) {
            if (session != NULL && (ret & NC_PSPOLL_SESSION_TERM)) {
                nc_ps_del_session(ps, session);
                nc_session_free(session, NULL);
            }
        } else if (ret & (NC_PSPOLL_NOSESSIONS | NC_PSPOLL_ERROR)) {
            usleep(10000);
        }
    }
    return NULL;
}

static void server_nc_log(const struct nc_session *session, NC_VERB_LEVEL level, const char *msg)
{
    (void)session;
    if (level == NC_VERB_ERROR)
        fprintf(stderr, "pr_netconf_server: libnetconf2: %s\n", msg);
}

static int server_run_libnetconf2(void)
{
    nc_set_print_clb_session(server_nc_log);
    nc_verbosity(NC_VERB_ERROR);
    if (ly_ctx_new(SERVER_YANG_DIR, LY_CTX_DISABLE_SEARCHDIR_CWD, &server_ctx) != LY_SUCCESS ||
        ly_ctx_load_module(server_ctx, "ietf-netconf", NULL, NULL) == NULL)
        server_die("cannot load ietf-netconf from " SERVER_YANG_DIR);
    bool monitoring = strcmp(cfg.mode, "monitoring") == 0;
    if (monitoring)
        server_add_vendor_modules();
    if (nc_server_init(server_ctx) != 0)
        server_die("nc_server_init failed");
    if (monitoring) {
        struct lysc_node *get_schema = (struct lysc_node *)lys_find_path(
            server_ctx, NULL, "/ietf-netconf-monitoring:get-schema", 0);
        if (get_schema == NULL)
            server_die("no get-schema in ietf-netconf-monitoring");
        nc_set_rpc_callback(get_schema, server_get_schema);
    }
    struct lysc_node *rpc =
        (struct lysc_node *)lys_find_path(server_ctx, NULL, "/ietf-netconf:get-config", 0);
    if (rpc == NULL)
        server_die("no get-config in ietf-netconf");
    nc_set_rpc_callback(rpc, server_get_config);

    nc_server_ssh_set_hostkey_clb(server_nc_hostkey, NULL, NULL);
    nc_server_ssh_set_passwd_auth_clb(server_nc_password, NULL, NULL);
    nc_server_ssh_set_pubkey_auth_clb(server_nc_pubkey, NULL, NULL);
    if (nc_server_add_endpt("main", NC_TI_LIBSSH) != 0 ||
        nc_server_endpt_set_address("main", "127.0.0.1") != 0 ||
        nc_server_endpt_set_port("main", (uint16_t)cfg.port) != 0 ||
        nc_server_ssh_endpt_add_hostkey("main", "hostkey", -1) != 0 ||
        nc_server_ssh_endpt_set_auth_methods("main",
                                             NC_SSH_AUTH_PUBLICKEY | NC_SSH_AUTH_PASSWORD) != 0)
        server_die("cannot set up the SSH endpoint");

    struct nc_pollsession *ps = nc_ps_new();
    pthread_t poller;
    if (pthread_create(&poller, NULL, server_nc_poll, ps) != 0)
        server_die("cannot start the poll thread");
    printf("ready\n");
    fflush(stdout);
    while (!server_stop) {
        struct nc_session *session = NULL;
        if (nc_accept(200, &session) == NC_MSG_HELLO)
            nc_ps_add_session(ps, session);
    }
    pthread_join(poller, NULL);
    nc_ps_clear(ps, 1, NULL);
    nc_ps_free(ps);
    nc_server_destroy();
    ly_ctx_destroy(server_ctx);
    return 0;
}

/* ---- the misbehaving peers: libssh server, NETCONF 1.0 by hand ---- */

static ssh_bind server_bind;

/* Authentication, then a session channel with the netconf subsystem.
 * libssh 0.10 marks its message API deprecated in favour of callbacks; it
 * still works, and it keeps this peer short. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
static ssh_channel peer_ssh_setup(ssh_session s)
{
    if (ssh_handle_key_exchange(s) != SSH_OK)
        return NULL;
    ssh_set_auth_methods(s, SSH_AUTH_METHOD_PASSWORD | SSH_AUTH_METHOD_PUBLICKEY);
    bool authed = false, subsystem = false;
    ssh_channel chan = NULL;
    ssh_message msg;
    while (!subsystem && (msg = ssh_message_get(s)) != NULL) {
        int type = ssh_message_type(msg), sub = ssh_message_subtype(msg);
        if (type == SSH_REQUEST_AUTH && sub == SSH_AUTH_METHOD_PASSWORD &&
            server_password_ok(ssh_message_auth_user(msg), ssh_message_auth_password(msg))) {
            ssh_message_auth_reply_success(msg, 0);
            authed = true;
        } else if (type == SSH_REQUEST_AUTH && sub == SSH_AUTH_METHOD_PUBLICKEY &&
                   server_pubkey_ok(ssh_message_auth_user(msg), ssh_message_auth_pubkey(msg))) {
            if (ssh_message_auth_publickey_state(msg) == SSH_PUBLICKEY_STATE_VALID) {
                ssh_message_auth_reply_success(msg, 0);
                authed = true;
            } else {
                ssh_message_auth_reply_pk_ok_simple(msg);
            }
        } else if (type == SSH_REQUEST_AUTH) {
            ssh_message_auth_set_methods(msg, SSH_AUTH_METHOD_PASSWORD | SSH_AUTH_METHOD_PUBLICKEY);
            ssh_message_reply_default(msg);
        } else if (authed && chan == NULL && type == SSH_REQUEST_CHANNEL_OPEN &&
                   sub == SSH_CHANNEL_SESSION) {
            chan = ssh_message_channel_request_open_reply_accept(msg);
        } else if (chan != NULL && type == SSH_REQUEST_CHANNEL &&
                   sub == SSH_CHANNEL_REQUEST_SUBSYSTEM &&
                   strcmp(ssh_message_channel_request_subsystem(msg), "netconf") == 0 &&
                   strcmp(cfg.mode, "no-subsystem") != 0) {
            ssh_message_channel_request_reply_success(msg);
            subsystem = true;
        } else {
            ssh_message_reply_default(msg);
        }
        ssh_message_free(msg);
    }
    if (!subsystem && chan != NULL) {
        ssh_channel_free(chan);
        chan = NULL;
    }
    return chan;
}
#pragma GCC diagnostic pop

struct peer_reader {
    char buf[65536];
    size_t len;
};

/* Reads one "]]>]]>"-terminated message into msg (NUL-terminated); false
 * on EOF or error. */
static bool peer_read_message(ssh_channel chan, struct peer_reader *r, char *msg, size_t msg_len)
{
    for (;;) {
        r->buf[r->len] = '\0';
        char *end = strstr(r->buf, SERVER_EOM);
        if (end != NULL) {
            size_t n = (size_t)(end - r->buf);
            size_t copy = n < msg_len - 1 ? n : msg_len - 1;
            memcpy(msg, r->buf, copy);
            msg[copy] = '\0';
            size_t rest = r->len - n - strlen(SERVER_EOM);
            memmove(r->buf, end + strlen(SERVER_EOM), rest);
            r->len = rest;
            return true;
        }
        if (r->len + 1 >= sizeof r->buf)
            return false;
        int got =
            ssh_channel_read(chan, r->buf + r->len, (uint32_t)(sizeof r->buf - r->len - 1), 0);
        if (got <= 0)
            return false;
        r->len += (size_t)got;
    }
}

static void peer_write(ssh_channel chan, const char *text)
{
    ssh_channel_write(chan, text, (uint32_t)strlen(text));
}

/* Buffered writes for the big modes: a few large channel writes instead of
 * millions of small ones. */
struct peer_out {
    ssh_channel chan;
    char buf[1 << 16];
    size_t len;
    long long total;
};

static void peer_out_flush(struct peer_out *o)
{
    if (o->len > 0)
        ssh_channel_write(o->chan, o->buf, (uint32_t)o->len);
    o->len = 0;
}

static void peer_out_add(struct peer_out *o, const char *text)
{
    size_t n = strlen(text);
    if (o->len + n > sizeof o->buf)
        peer_out_flush(o);
    memcpy(o->buf + o->len, text, n);
    o->len += n;
    o->total += (long long)n;
}

/* <data> of about --reply-bytes: interfaces with 900-byte descriptions. */
static void peer_big_reply(ssh_channel chan, const char *head)
{
    static _Thread_local struct peer_out o;
    o.chan = chan;
    o.len = 0;
    o.total = 0;
    char pad[901];
    memset(pad, 'x', sizeof pad - 1);
    pad[sizeof pad - 1] = '\0';
    peer_out_add(&o, head);
    peer_out_add(&o,
                 "<data><configuration xmlns=\"http://xml.juniper.net/xnm/1.1/xnm\"><interfaces>");
    for (long i = 0; o.total < cfg.reply_bytes && !server_stop; i++) {
        char item[1100];
        snprintf(item, sizeof item,
                 "<interface><name>ge-%ld/%ld/%ld</name><description>%s</description></interface>",
                 i / 4800, i / 48 % 100, i % 48, pad);
        peer_out_add(&o, item);
    }
    peer_out_add(&o, "</interfaces></configuration></data></rpc-reply>" SERVER_EOM);
    peer_out_flush(&o);
}

/* One <interface> with --attributes distinct attributes. */
static void peer_many_attributes(ssh_channel chan, const char *head)
{
    static _Thread_local struct peer_out o;
    o.chan = chan;
    o.len = 0;
    o.total = 0;
    peer_out_add(&o, head);
    peer_out_add(&o,
                 "<data><configuration xmlns=\"http://xml.juniper.net/xnm/1.1/xnm\"><interfaces>"
                 "<interface");
    for (long i = 0; i < cfg.attributes; i++) {
        char attr[40];
        snprintf(attr, sizeof attr, " a%ld=\"%ld\"", i, i);
        peer_out_add(&o, attr);
    }
    peer_out_add(&o, "><name>ge-0/0/1</name></interface></interfaces></configuration></data>"
                     "</rpc-reply>" SERVER_EOM);
    peer_out_flush(&o);
}

/* Keeps the connection open, discarding input, until the client leaves or
 * the server stops. */
static void peer_drain(ssh_channel chan)
{
    char sink[4096];
    while (!server_stop) {
        int got = ssh_channel_read_timeout(chan, sink, sizeof sink, 0, 200);
        if (got < 0 || (got == 0 && ssh_channel_is_eof(chan)))
            break;
    }
}

static void peer_message_id(const char *rpc, char *id, size_t len)
{
    snprintf(id, len, "1");
    const char *at = strstr(rpc, "message-id=");
    if (at == NULL || (at[11] != '"' && at[11] != '\''))
        return;
    char quote = at[11];
    const char *start = at + 12, *end = strchr(start, quote);
    if (end == NULL || (size_t)(end - start) >= len)
        return;
    memcpy(id, start, (size_t)(end - start));
    id[end - start] = '\0';
}

static void peer_netconf(ssh_channel chan)
{
    if (strcmp(cfg.mode, "no-hello") == 0) {
        peer_drain(chan);
        return;
    }
    if (strcmp(cfg.mode, "garbage") == 0) {
        peer_write(chan, "\x01\x02\xff garbage: this is not NETCONF\r\n% Invalid input\r\n"
                         "SERVER_EOM_FOLLOWS" SERVER_EOM);
        peer_drain(chan);
        return;
    }
    peer_write(chan, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                     "<hello xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\"><capabilities>"
                     "<capability>urn:ietf:params:netconf:base:1.0</capability>"
                     "</capabilities><session-id>7</session-id></hello>" SERVER_EOM);
    struct peer_reader *reader = calloc(1, sizeof *reader);
    static _Thread_local char msg[65536];
    if (reader == NULL || !peer_read_message(chan, reader, msg, sizeof msg) ||
        !peer_read_message(chan, reader, msg, sizeof msg)) {
        free(reader);
        return;
    }
    free(reader);
    server_log_rpc(msg);
    char id[64], head[512];
    peer_message_id(msg, id, sizeof id);
    snprintf(head, sizeof head,
             "<rpc-reply message-id=\"%s\" xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\">", id);
    if (strcmp(cfg.mode, "stall") == 0) {
        peer_write(chan, head);
        peer_write(chan, "<data><configuration xmlns=\"http://xml.juniper.net/xnm/1.1/xnm\">"
                         "<interfaces><interface><name>ge-0/0/1</name>");
    } else if (strcmp(cfg.mode, "malformed-xml") == 0) {
        peer_write(chan, head);
        peer_write(chan, "<data><configuration xmlns=\"http://xml.juniper.net/xnm/1.1/xnm\">"
                         "<interfaces><interface><name>ge-0/0/1</name></interfaces>"
                         "</configuration></data></rpc-reply>" SERVER_EOM);
    } else if (strcmp(cfg.mode, "doctype") == 0) {
        char decl[1400];
        snprintf(decl, sizeof decl,
                 "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                 "<!DOCTYPE rpc-reply [<!ENTITY ext SYSTEM \"%s\">]>",
                 cfg.doctype_url != NULL ? cfg.doctype_url : "file:///etc/passwd");
        peer_write(chan, decl);
        peer_write(chan, head);
        peer_write(chan, "<data><configuration xmlns=\"http://xml.juniper.net/xnm/1.1/xnm\">"
                         "<version>&ext;</version></configuration></data></rpc-reply>" SERVER_EOM);
    } else if (strcmp(cfg.mode, "big-reply") == 0) {
        peer_big_reply(chan, head);
    } else if (strcmp(cfg.mode, "many-attributes") == 0) {
        peer_many_attributes(chan, head);
    }
    peer_drain(chan);
}

static void *peer_connection(void *arg)
{
    int fd = (int)(intptr_t)arg;
    if (strcmp(cfg.mode, "silent") == 0) {
        char sink[4096];
        struct pollfd pfd = {.fd = fd, .events = POLLIN};
        while (!server_stop) {
            if (poll(&pfd, 1, 200) > 0 && recv(fd, sink, sizeof sink, 0) <= 0)
                break;
        }
        close(fd);
        return NULL;
    }
    ssh_session s = ssh_new();
    if (s != NULL && ssh_bind_accept_fd(server_bind, s, fd) == SSH_OK) {
        ssh_channel chan = peer_ssh_setup(s);
        if (chan != NULL) {
            peer_netconf(chan);
            ssh_channel_free(chan);
        }
        ssh_disconnect(s);
    } else {
        close(fd);
    }
    ssh_free(s);
    return NULL;
}

static int server_run_peer(void)
{
    if (strcmp(cfg.mode, "silent") != 0) {
        server_bind = ssh_bind_new();
        if (server_bind == NULL ||
            ssh_bind_options_set(server_bind, SSH_BIND_OPTIONS_HOSTKEY, cfg.hostkey) != SSH_OK)
            server_die("cannot load the host key");
    }
    int lfd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    int one = 1;
    setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = htons((uint16_t)cfg.port)};
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(lfd, (struct sockaddr *)&addr, sizeof addr) != 0 || listen(lfd, 16) != 0)
        server_die("cannot listen on the port");
    printf("ready\n");
    fflush(stdout);
    while (!server_stop) {
        struct pollfd pfd = {.fd = lfd, .events = POLLIN};
        if (poll(&pfd, 1, 200) <= 0)
            continue;
        int fd = accept4(lfd, NULL, NULL, SOCK_CLOEXEC);
        if (fd < 0)
            continue;
        pthread_t thread;
        if (pthread_create(&thread, NULL, peer_connection, (void *)(intptr_t)fd) == 0)
            pthread_detach(thread);
        else
            close(fd);
    }
    close(lfd);
    return 0;
}

static const char *server_modes[] = {
    "normal",  "rpc-error",     "monitoring", "silent",  "no-subsystem", "no-hello",
    "garbage", "malformed-xml", "stall",      "doctype", "big-reply",    "many-attributes",
    NULL};

int main(int argc, char **argv)
{
    cfg.mode = "normal";
    cfg.error_message = "configuration database locked by another user";
    cfg.reply_bytes = 200000000;
    cfg.attributes = 40000;
    const char *password_file = NULL;
    for (int i = 1; i + 1 < argc; i += 2) {
        const char *opt = argv[i], *val = argv[i + 1];
        if (strcmp(opt, "--port") == 0)
            cfg.port = atoi(val);
        else if (strcmp(opt, "--hostkey") == 0)
            snprintf(cfg.hostkey, sizeof cfg.hostkey, "%s", val);
        else if (strcmp(opt, "--data") == 0)
            cfg.data_path = val;
        else if (strcmp(opt, "--user") == 0)
            cfg.user = val;
        else if (strcmp(opt, "--password-file") == 0)
            password_file = val;
        else if (strcmp(opt, "--key-user") == 0)
            cfg.key_user = val;
        else if (strcmp(opt, "--authorized-keys") == 0)
            cfg.authorized_keys = val;
        else if (strcmp(opt, "--mode") == 0)
            cfg.mode = val;
        else if (strcmp(opt, "--rpc-log") == 0)
            cfg.rpc_log = val;
        else if (strcmp(opt, "--doctype-url") == 0)
            cfg.doctype_url = val;
        else if (strcmp(opt, "--error-message") == 0)
            cfg.error_message = val;
        else if (strcmp(opt, "--reply-bytes") == 0)
            cfg.reply_bytes = atoll(val);
        else if (strcmp(opt, "--attributes") == 0)
            cfg.attributes = atol(val);
        else
            server_die("unknown option (see the comment at the top of pr_netconf_server.c)");
    }
    if (argc % 2 != 1)
        server_die("every option takes a value");
    if (cfg.port <= 0 || cfg.port > 65535)
        server_die("--port PORT is required");
    bool known_mode = false;
    for (int m = 0; server_modes[m] != NULL; m++)
        known_mode = known_mode || strcmp(cfg.mode, server_modes[m]) == 0;
    if (!known_mode)
        server_die("unknown --mode");
    if (password_file != NULL) {
        char *text = server_read_file(password_file);
        if (text == NULL)
            server_die("cannot read the password file");
        text[strcspn(text, "\r\n")] = '\0';
        snprintf(cfg.password, sizeof cfg.password, "%s", text);
        free(text);
    }
    cfg.data = cfg.data_path != NULL ? server_read_file(cfg.data_path) : strdup("");
    if (cfg.data == NULL)
        server_die("cannot read the --data file");

    struct sigaction sa = {.sa_handler = server_on_signal};
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    signal(SIGPIPE, SIG_IGN);

    server_hostkey_prepare();
    bool libnetconf2 = strcmp(cfg.mode, "normal") == 0 || strcmp(cfg.mode, "rpc-error") == 0 ||
                       strcmp(cfg.mode, "monitoring") == 0;
    int rc = libnetconf2 ? server_run_libnetconf2() : server_run_peer();
    server_hostkey_cleanup();
    free(cfg.data);
    return rc;
}
