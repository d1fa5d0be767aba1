/* SPDX-License-Identifier: BSD-3-Clause */
/* The `#`-sectioned configuration family: Huawei VRP (S-series, CloudEngine)
 * and H3C / HPE Comware, which grew out of VRP and kept its language.
 * `display current-configuration` writes sections separated by `#` lines:
 * `interface NAME` at the margin with its statements one blank in, global
 * statements at the margin (VRP) or one blank in after a `#` (Comware), and
 * `undo` where the other CLIs say `no`. Both read into the one model below;
 * where the two spell a statement differently (`port access vlan` /
 * `port default vlan`, `port link-aggregation group` / `eth-trunk`) each
 * spelling is recognised, and the defaults and fixes that differ are the
 * dialect's (vrp_facts.c, vrp_snippet.c; the vendors' own documents are
 * cited in docs/huawei.md and docs/comware.md).
 *
 * Every setting keeps the line that set it (NULL: not configured). An
 * interface written twice (a pasted fix appended to the text) is one
 * interface: later statements override earlier ones, as on the switch.
 *
 * Ownership: vrp_model_build() takes over the struct cli_text and returns
 * a struct vrp_model that owns it; vrp_model_free() releases both and
 * accepts NULL. vrp_config_apply() returns a string the caller frees. */
#ifndef PR_VRP_FAMILY_H
#define PR_VRP_FAMILY_H

#include <stdbool.h>
#include <stddef.h>

#include "cli/cli_text.h"
#include "driver.h"
#include "model/switch.h"

enum vrp_dialect {
    VRP_UNKNOWN = 0,
    VRP_HUAWEI,  /* Huawei VRP 5 / 8: S-series, CloudEngine */
    VRP_COMWARE, /* H3C, HPE FlexNetwork / FlexFabric: Comware 5 and 7 */
};

struct vrp_setting {
    int value;
    const struct cli_line *line;
};

enum vrp_kind {
    VRP_PORT = 1, /* a front-panel Ethernet port */
    VRP_AGG,      /* Bridge-Aggregation N / Eth-Trunk N */
    VRP_OTHER,    /* Vlanif, LoopBack, NULL0, management, subinterfaces */
};

enum vrp_link {
    VRP_LINK_ACCESS = 1,
    VRP_LINK_TRUNK,
    VRP_LINK_HYBRID,
    VRP_LINK_OTHER, /* dot1q-tunnel, negotiation-*: neither of the three */
};

struct vrp_iface {
    char name[48]; /* as written: "GigabitEthernet1/0/1", "Eth-Trunk1" */
    enum vrp_kind kind;
    int agg_id;                  /* VRP_AGG: N */
    const struct cli_line *head; /* the first `interface` line */

    struct vrp_setting shutdown;   /* 1 shutdown, 0 undo shutdown */
    struct vrp_setting routed;     /* 1 port link-mode route / undo portswitch, 0 bridge */
    struct vrp_setting ip;         /* an ip address line */
    struct vrp_setting link_type;  /* enum vrp_link */
    struct vrp_setting access;     /* port access vlan N / port default vlan N */
    struct vrp_setting trunk_pvid; /* port trunk pvid vlan N */
    struct vrp_setting hybrid_pvid;
    struct vrp_setting trunk_vlans;  /* the last line changing the trunk's VLANs */
    struct vrp_setting hybrid_vlans; /* the last line changing the hybrid's untagged VLANs */
    struct vrp_setting edge;         /* 1 stp edged-port [enable], 0 disable / undo */
    struct vrp_setting stp_port;     /* 0 undo stp enable / stp disable, 1 stp enable */
    struct vrp_setting bpdu_filter;  /* 1 stp bpdu-filter enable */
    struct vrp_setting member;       /* port: the aggregate's number */
    struct vrp_setting lacp;         /* aggregate: 1 dynamic (LACP), 0 static / manual */
    struct vrp_setting lacp_edge;    /* aggregate: 1 lacp edge-port (Comware) */
    struct vrp_setting speed;        /* Mb/s fixed; 0 auto */
    bool trunk_allowed[4095];        /* VLANs the trunk carries (VLAN 1 by default) */
    bool hybrid_untagged[4095];      /* VLANs the hybrid port sends untagged (VLAN 1 by default) */
    char alias[64];                  /* description ... */
};

struct vrp_model {
    enum vrp_dialect dialect;
    struct cli_text *text;
    char version[64];             /* "7.1.070, Release 6628P47", "V200R005C10SPC800"; "" unknown */
    int major;                    /* Comware 5 or 7 from the version line; 0 unknown */
    struct vrp_setting stp;       /* global: 1 stp [global] enable, 0 stp disable / undo */
    struct vrp_setting mode;      /* enum pr_stp_mode */
    struct vrp_setting fwd_delay; /* centiseconds */
    struct vrp_setting max_age;   /* centiseconds */
    struct vrp_setting bpdu_protect; /* 1 stp bpdu-protection */
    struct vrp_setting hello;        /* stp timer hello: centiseconds */
    struct vrp_setting edge_default; /* 1 stp edged-port default (VRP, system view) */
    struct vrp_iface *ifaces;
    size_t n_ifaces, cap_ifaces;
};

/* How much text looks like the dialect (0: not at all), with the line
 * that decided it in evidence (may be NULL). */
int vrp_detect(enum vrp_dialect d, const char *text, size_t len, char *evidence,
               size_t evidence_len);

/* Interprets text of dialect d (taking ownership of it, also on failure).
 * Errors (PR_ERR_INPUT) name origin, line and statement: a VLAN out of
 * range, an unknown spanning-tree mode, an aggregate number that is not
 * one, more interfaces than any switch has. */
int vrp_model_build(enum vrp_dialect d, struct cli_text *text, struct vrp_model **out,
                    struct pr_error *err);

void vrp_model_free(struct vrp_model *m);

const struct vrp_iface *vrp_find(const struct vrp_model *m, const char *name);

/* The aggregate a member port belongs to; NULL when none or not in the
 * configuration. */
const struct vrp_iface *vrp_agg_of(const struct vrp_model *m, const struct vrp_iface *port);

/* Fills sw: its STP, one port per front-panel interface (vrp_facts.c). */
int vrp_fill_switch(const struct vrp_model *m, struct pr_switch *sw, struct pr_error *err);

/* Reads text of dialect d into sw (lines, model, facts), leaving the
 * model in sw->driver_priv for vrp_snippet(). */
int vrp_config_read(enum vrp_dialect d, const char *text, size_t len, const char *origin,
                    struct pr_switch *sw, struct pr_error *err);

/* The model vrp_config_read() left in sw; NULL when sw holds none. */
const struct vrp_model *vrp_switch_model(const struct pr_switch *sw);

/* The fix of a finding in dialect d's syntax (vrp_snippet.c); m may be NULL
 * (a switch read over SNMP): the port's own interface is addressed. "" when
 * configuration cannot fix it. */
void vrp_snippet(enum vrp_dialect d, const struct vrp_model *m, const struct pr_port *port,
                 const struct pr_finding *finding, char *buf, size_t buf_len);

/* The parts of a driver of the family, for dialect d: match() on a
 * configuration (0 when the text is not d's); read_config() refusing a
 * text of another dialect with "not a WHAT configuration (WHY)"; snippet()
 * falling back to drv_generic's advice where an agent's switch holds no
 * configuration; merge_fixes() with `#` comments, to paste when read from
 * a configuration. */
int vrp_driver_match_config(enum vrp_dialect d, const char *text, size_t len);
int vrp_driver_read_config(enum vrp_dialect d, const char *what, const char *why,
                           const struct pr_config_text *config, struct pr_switch *sw,
                           struct pr_error *err);
void vrp_driver_snippet(enum vrp_dialect d, const struct pr_switch *sw, const struct pr_port *port,
                        const struct pr_finding *finding, char *buf, size_t buf_len);
int vrp_driver_merge_fixes(const struct pr_switch *sw, struct pr_fix_block *block);

/* The text after the fix: the snippet goes before the closing `return`
 * (at the end when there is none), after a `#`, as the switch would write
 * it. *out is NUL-terminated, *out_len its length. */
int vrp_config_apply(const char *text, size_t len, const char *snippet, char **out, size_t *out_len,
                     struct pr_error *err);

/* VRP's edge detection makes a port edge once no BPDU arrives in
 * 2 x hello + 1 s (Huawei's command reference of stp edged-port): that wait
 * into stp->auto_edge_wait_s, hello_cs the hello time in centiseconds read
 * from src (the statement or MIB object, named in the evidence), or < 0
 * for VRP's 200 cs default. */
void vrp_auto_edge_wait(int hello_cs, const char *src, struct pr_switch_stp *stp);

#endif
