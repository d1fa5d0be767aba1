/* SPDX-License-Identifier: BSD-3-Clause */
/* Checking what the user gave for a live agent: the address and the
 * SNMPv3 security settings. Messages name options, never their secret
 * values. */
#include "snmp/live.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "util/strutil.h"

#define OID_LEN(array) (sizeof(array) / sizeof((array)[0]))

/* net-snmp's transport prefixes portready speaks: "udp:", "tcp:" and
 * their IPv6 forms. Returns the part after the prefix and sets *tcp and
 * *v6; the whole of host when it has none. */
static const char *strip_transport(const char *host, bool *tcp, bool *v6)
{
    static const struct {
        const char *prefix;
        bool tcp, v6;
    } transports[] = {
        {"udp:", false, false},    {"udp6:", false, true},   {"udpv6:", false, true},
        {"udpipv6:", false, true}, {"tcp:", true, false},    {"tcp6:", true, true},
        {"tcpv6:", true, true},    {"tcpipv6:", true, true},
    };
    *tcp = false;
    *v6 = false;
    for (size_t i = 0; i < sizeof transports / sizeof transports[0]; i++) {
        size_t n = strlen(transports[i].prefix);
        if (strncasecmp(host, transports[i].prefix, n) == 0) {
            *tcp = transports[i].tcp;
            *v6 = transports[i].v6;
            return host + n;
        }
    }
    return host;
}

int live_parse_host(const char *given, char *peer, size_t peer_len, struct pr_error *err)
{
    char addr[300];
    long long port = 161;
    const char *port_text = NULL;
    bool tcp, v6;
    const char *host = strip_transport(given, &tcp, &v6);
    if (host[0] == '\0')
        return pr_error_set(err, PR_ERR_USAGE, "bad address '%s': no host after the transport",
                            given);
    if (host[0] == '[') {
        const char *close = strchr(host, ']');
        if (close == NULL || close == host + 1 || (size_t)(close - host - 1) >= sizeof addr)
            return pr_error_set(err, PR_ERR_USAGE, "bad address '%s': expected [IPv6]:PORT", given);
        snprintf(addr, sizeof addr, "%.*s", (int)(close - host - 1), host + 1);
        v6 = true;
        if (close[1] == ':')
            port_text = close + 2;
        else if (close[1] != '\0')
            return pr_error_set(err, PR_ERR_USAGE, "bad address '%s': expected [IPv6]:PORT", given);
    } else {
        const char *colon = strchr(host, ':');
        if (colon != NULL && strchr(colon + 1, ':') != NULL) {
            v6 = true; /* a bare IPv6 address, default port */
            colon = NULL;
        }
        size_t n = colon ? (size_t)(colon - host) : strlen(host);
        if (n == 0 || n >= sizeof addr)
            return pr_error_set(err, PR_ERR_USAGE, "bad address '%s': expected HOST[:PORT]", given);
        snprintf(addr, sizeof addr, "%.*s", (int)n, host);
        if (colon != NULL)
            port_text = colon + 1;
    }
    if (port_text != NULL && !pr_parse_int(port_text, 1, 65535, &port))
        return pr_error_set(err, PR_ERR_USAGE, "bad port in '%s': expected 1-65535", given);
    if (v6)
        snprintf(peer, peer_len, "%s:[%s]:%lld", tcp ? "tcp6" : "udp6", addr, port);
    else
        snprintf(peer, peer_len, "%s:%s:%lld", tcp ? "tcp" : "udp", addr, port);
    return 0;
}

int pr_snmp_host_check(const char *host, struct pr_error *err)
{
    char peer[600];
    return live_parse_host(host, peer, sizeof peer, err);
}

static int check_pass(const char *what, const char *pass, struct pr_error *err)
{
    if (strlen(pass) < 8)
        return pr_error_set(err, PR_ERR_USAGE,
                            "SNMPv3 %s passphrase must have at least 8 characters", what);
    return 0;
}

int live_check_options(struct live_priv *priv, struct pr_error *err)
{
    const struct pr_snmp_options *o = &priv->opts, *secret = priv->secrets;
    if (o->version != PR_SNMP_V1 && o->version != PR_SNMP_V2C && o->version != PR_SNMP_V3)
        return pr_error_set(err, PR_ERR_USAGE, "SNMP version %d: expected 1, 2c or 3",
                            (int)o->version);
    if (!(o->timeout_s > 0 && o->timeout_s <= 3600))
        return pr_error_set(err, PR_ERR_USAGE, "SNMP timeout %g s: expected 0 < t <= 3600",
                            o->timeout_s);
    if (o->retries < 0 || o->retries > 20)
        return pr_error_set(err, PR_ERR_USAGE, "SNMP retries %d: expected 0-20", o->retries);
    if (o->max_repetitions < 0 || o->max_repetitions > 1000)
        return pr_error_set(err, PR_ERR_USAGE, "max-repetitions %d: expected 0-1000",
                            o->max_repetitions);
    if (o->version != PR_SNMP_V3) {
        if (secret->community[0] == '\0')
            return pr_error_set(err, PR_ERR_USAGE, "SNMP v1/v2c needs a community");
        return 0;
    }
    if (o->user[0] == '\0')
        return pr_error_set(err, PR_ERR_USAGE, "SNMPv3 needs a user name (-u)");
    if (o->level[0] == '\0')
        priv->level = secret->priv_pass[0]   ? SNMP_SEC_LEVEL_AUTHPRIV
                      : secret->auth_pass[0] ? SNMP_SEC_LEVEL_AUTHNOPRIV
                                             : SNMP_SEC_LEVEL_NOAUTH;
    else if (pr_str_ieq(o->level, "noAuthNoPriv"))
        priv->level = SNMP_SEC_LEVEL_NOAUTH;
    else if (pr_str_ieq(o->level, "authNoPriv"))
        priv->level = SNMP_SEC_LEVEL_AUTHNOPRIV;
    else if (pr_str_ieq(o->level, "authPriv"))
        priv->level = SNMP_SEC_LEVEL_AUTHPRIV;
    else
        return pr_error_set(err, PR_ERR_USAGE,
                            "security level '%s': expected noAuthNoPriv, authNoPriv or authPriv",
                            o->level);
    if (priv->level != SNMP_SEC_LEVEL_NOAUTH) {
        if (check_pass("authentication (-A)", secret->auth_pass, err) != 0)
            return -1;
        if (live_auth_proto(o->auth_proto, NULL) == NULL)
            return pr_error_set(err, PR_ERR_USAGE,
                                "authentication protocol '%s': expected MD5, SHA, SHA-224, "
                                "SHA-256, SHA-384 or SHA-512",
                                o->auth_proto);
    }
    if (priv->level == SNMP_SEC_LEVEL_AUTHPRIV) {
        if (check_pass("privacy (-X)", secret->priv_pass, err) != 0)
            return -1;
        if (live_priv_proto(o->priv_proto, NULL) == NULL)
            return pr_error_set(err, PR_ERR_USAGE,
                                "privacy protocol '%s': expected DES, AES, AES-192 or AES-256",
                                o->priv_proto);
    }
    return 0;
}

/* Empty names pick SHA and AES (net-snmp's own defaults, MD5 and DES, are
 * broken). */
const oid *live_auth_proto(const char *name, size_t *len)
{
    static const struct {
        const char *name;
        const oid *proto;
    } table[] = {
        {"", usmHMACSHA1AuthProtocol},
        {"SHA", usmHMACSHA1AuthProtocol},
        {"SHA1", usmHMACSHA1AuthProtocol},
        {"SHA-1", usmHMACSHA1AuthProtocol},
        {"MD5", usmHMACMD5AuthProtocol},
        {"SHA-224", usmHMAC128SHA224AuthProtocol},
        {"SHA224", usmHMAC128SHA224AuthProtocol},
        {"SHA-256", usmHMAC192SHA256AuthProtocol},
        {"SHA256", usmHMAC192SHA256AuthProtocol},
        {"SHA-384", usmHMAC256SHA384AuthProtocol},
        {"SHA384", usmHMAC256SHA384AuthProtocol},
        {"SHA-512", usmHMAC384SHA512AuthProtocol},
        {"SHA512", usmHMAC384SHA512AuthProtocol},
    };
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
        if (pr_str_ieq(name, table[i].name)) {
            if (len != NULL)
                *len = USM_AUTH_PROTO_SHA_LEN; /* every auth protocol OID has 10 parts */
            return table[i].proto;
        }
    }
    return NULL;
}

const oid *live_priv_proto(const char *name, size_t *len)
{
    static const struct {
        const char *name;
        const oid *proto;
        size_t len;
    } table[] = {
        {"", usmAESPrivProtocol, OID_LEN(usmAESPrivProtocol)},
        {"AES", usmAESPrivProtocol, OID_LEN(usmAESPrivProtocol)},
        {"AES128", usmAESPrivProtocol, OID_LEN(usmAESPrivProtocol)},
        {"AES-128", usmAESPrivProtocol, OID_LEN(usmAESPrivProtocol)},
        {"DES", usmDESPrivProtocol, OID_LEN(usmDESPrivProtocol)},
        {"AES192", usmAES192PrivProtocol, OID_LEN(usmAES192PrivProtocol)},
        {"AES-192", usmAES192PrivProtocol, OID_LEN(usmAES192PrivProtocol)},
        {"AES256", usmAES256PrivProtocol, OID_LEN(usmAES256PrivProtocol)},
        {"AES-256", usmAES256PrivProtocol, OID_LEN(usmAES256PrivProtocol)},
    };
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
        if (pr_str_ieq(name, table[i].name)) {
            if (len != NULL)
                *len = table[i].len;
            return table[i].proto;
        }
    }
    return NULL;
}
