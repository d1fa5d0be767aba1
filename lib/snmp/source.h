/* SPDX-License-Identifier: BSD-3-Clause */
/* Where SNMP data comes from: a live agent (net-snmp session, v1/v2c/v3) or
 * a recorded walk file. Drivers ask a source for the columns and scalars
 * they need; the source fills a store. A walk file holds everything already,
 * so it copies the requested subtrees out of it, and the interpreters see
 * the same varbinds either way.
 *
 * Ownership: snmp_source_open_*() allocate; pr_snmp_source_close() frees and
 * accepts NULL. A source is used by one thread at a time; separate sources
 * may run in separate threads concurrently. */
#ifndef PR_SNMP_SOURCE_H
#define PR_SNMP_SOURCE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/error.h"
#include "snmp/store.h"

struct pr_snmp_source;

enum pr_snmp_version { PR_SNMP_V1 = 1, PR_SNMP_V2C = 2, PR_SNMP_V3 = 3 };

/* Where the community came from, for messages: the default is named in an
 * unreachable agent's error ("community 'public', the default"), a
 * community someone gave never is. */
enum pr_snmp_origin {
    PR_SNMP_FROM_DEFAULT = 0, /* portready's own default, "public" */
    PR_SNMP_FROM_USER,        /* the command line, the environment, an inventory */
    PR_SNMP_FROM_NETSNMP,     /* net-snmp's snmp.conf (defCommunity) */
};

/* Options as net-snmp's command line takes them. Secrets are held here
 * only; nothing formats them into messages. */
struct pr_snmp_options {
    enum pr_snmp_version version; /* default PR_SNMP_V2C */
    char community[256];          /* v1/v2c; default "public" */
    char user[128];               /* v3 */
    char level[16];               /* noAuthNoPriv | authNoPriv | authPriv */
    char auth_proto[16];          /* MD5 | SHA | SHA-224 | SHA-256 | SHA-384 | SHA-512 */
    char auth_pass[256];
    char priv_proto[16]; /* DES | AES (AES-128) | AES-192 | AES-256 */
    char priv_pass[256];
    char context[128];   /* v3 context name; empty: default */
    double timeout_s;    /* per request; default 2 s */
    int retries;         /* default 1 */
    int max_repetitions; /* GETBULK max-repetitions; 0: automatic */
    enum pr_snmp_origin community_from;
};

#define PR_SNMP_DEFAULT_COMMUNITY "public"

void pr_snmp_options_defaults(struct pr_snmp_options *opts);

/* Which options someone gave (the command line, the environment, an
 * inventory), as bits for pr_snmp_options_from_netsnmp(). */
enum {
    PR_SNMP_GIVEN_VERSION = 1u << 0,
    PR_SNMP_GIVEN_COMMUNITY = 1u << 1,
    PR_SNMP_GIVEN_USER = 1u << 2,
    PR_SNMP_GIVEN_LEVEL = 1u << 3,
    PR_SNMP_GIVEN_AUTH_PROTO = 1u << 4,
    PR_SNMP_GIVEN_AUTH_PASS = 1u << 5,
    PR_SNMP_GIVEN_PRIV_PROTO = 1u << 6,
    PR_SNMP_GIVEN_PRIV_PASS = 1u << 7,
    PR_SNMP_GIVEN_CONTEXT = 1u << 8,
};

/* Fills every option not in given (PR_SNMP_GIVEN_* bits) that net-snmp's
 * own configuration sets, read once as net-snmp's tools read it: snmp.conf
 * in the folders of SNMPCONFPATH, else /etc/snmp, /usr/share/snmp, ... and
 * ~/.snmp; its defVersion, defCommunity, defSecurityName,
 * defSecurityLevel, defAuthType, defPrivType, defAuthPassphrase,
 * defPrivPassphrase (or defPassphrase) and defContext. An option neither
 * gives keeps its value (portready's default). Sets opts->community_from.
 * Loads no MIB and prints nothing, whatever the files say. Call it before
 * any thread opens a source. */
void pr_snmp_options_from_netsnmp(struct pr_snmp_options *opts, unsigned given);

/* Whether host is an agent address pr_snmp_source_open_live() takes: 0,
 * or -1 with err saying what is wrong. */
int pr_snmp_host_check(const char *host, struct pr_error *err);

/* host is "host[:port]" (port 161 by default); IPv6 as "[addr]:port"; with
 * a net-snmp transport prefix, "udp:", "tcp:", "udp6:" or "tcp6:" (UDP
 * when none: "udp6:[::1]:161", "tcp:10.0.12.2:161"). The source reads the
 * community and the passphrases from *opts whenever it needs them and never
 * copies them, so the caller's copy stays the only one: opts must stay
 * valid and unchanged until the source is closed. */
struct pr_snmp_source *pr_snmp_source_open_live(const char *host,
                                                const struct pr_snmp_options *opts,
                                                struct pr_error *err);

/* An .snmprec recording (OID|TYPE|VALUE) or `snmpwalk -On` output; the
 * format is detected from the content. Errors name the line. At most
 * PR_SNMP_WALK_MAX_BYTES (walk.h) are read, from a file, device or pipe. */
struct pr_snmp_source *pr_snmp_source_open_walk(const char *path, struct pr_error *err);

void pr_snmp_source_close(struct pr_snmp_source *src);

/* A live source opened with max_repetitions 0 (automatic) walks reps rows
 * a GETBULK instead (as net-snmp's -Cr); other sources are left alone. */
void pr_snmp_source_prefer_repetitions(struct pr_snmp_source *src, int reps);

/* What to fetch: each entry is either a scalar (GET of exactly that OID,
 * typically ending in .0) or a subtree (a table column, walked with GETBULK
 * -- several columns per request -- or GETNEXT under v1). */
struct pr_snmp_request {
    const uint32_t *oid;
    size_t len;
    bool scalar;
};

/* Fetches every requested OID into out. A column or scalar the agent does
 * not have is simply absent (noSuchObject/noSuchInstance/endOfMibView are
 * not stored). Fails only when the agent cannot be read at all (timeout,
 * authentication, a protocol error), with a message that names the host and
 * never the community or passphrases.
 *
 * context: NULL for the default; otherwise a VLAN context such as "98":
 * live v1/v2c sources use community "COMMUNITY@98", v3 sources context
 * "vlan-98"; walk sources read the sibling recording "NAME@98.snmprec"
 * (absent: an error of code PR_ERR_NOT_FOUND). */
int pr_snmp_source_fetch(struct pr_snmp_source *src, const char *context,
                         const struct pr_snmp_request *req, size_t n_req, struct pr_snmp_store *out,
                         struct pr_error *err);

/* "snmp" or "walk" (for the JSON "sources" list). */
const char *pr_snmp_source_kind(const struct pr_snmp_source *src);

/* host[:port] for live sources, the file path for walk sources. */
const char *pr_snmp_source_where(const struct pr_snmp_source *src);

/* What the source read around and left out so far, for a warning: the
 * malformed lines a recording skipped (how many, the first line numbers),
 * the varbinds an agent sent that could not be used; "" when none. */
const char *pr_snmp_source_warning(const struct pr_snmp_source *src);

/* Number of request PDUs sent so far (0 for walk sources). */
unsigned long pr_snmp_source_requests(const struct pr_snmp_source *src);

/* Number of varbinds the agent's answers held so far (0 for walk
 * sources). */
unsigned long pr_snmp_source_varbinds(const struct pr_snmp_source *src);

/* Says what the next fetches of the default context will ask for (req,
 * copied), so a live source asks the agent for all of it with the first
 * of them, in the same requests, and hands each object out once to the
 * fetch that asks for it; the results are those of asking each fetch on
 * its own. Walk sources ignore it. */
void pr_snmp_source_expect(struct pr_snmp_source *src, const struct pr_snmp_request *req,
                           size_t n_req);

/* Sets one varbind (for the switch-side bounce of `portready time`):
 * INTEGER only. Live sources only. */
int pr_snmp_source_set_integer(struct pr_snmp_source *src, const uint32_t *oid, size_t len,
                               int64_t value, struct pr_error *err);

#endif
