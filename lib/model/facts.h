/* SPDX-License-Identifier: BSD-3-Clause */
/* Facts about one switch port and one switch, each a value or unknown, each
 * with the evidence that established it (which object or statement, which
 * value), so an engineer can check every claim portready makes. */
#ifndef PR_FACTS_H
#define PR_FACTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PR_EVIDENCE_MAX 224

struct pr_fact {
    bool known;
    bool impossible; /* unknown because the source sent a value that cannot be */
    int64_t value;   /* meaning depends on the fact; see the enums below */
    char evidence[PR_EVIDENCE_MAX];
};

/* IF-MIB ifAdminStatus / ifOperStatus numbering. */
enum pr_if_status {
    PR_IF_UP = 1,
    PR_IF_DOWN = 2,
    PR_IF_TESTING = 3,
    PR_IF_UNKNOWN = 4,
    PR_IF_DORMANT = 5,
    PR_IF_NOT_PRESENT = 6,
    PR_IF_LOWER_LAYER_DOWN = 7,
};

/* BRIDGE-MIB dot1dStpPortState numbering, plus RSTP's discarding. */
enum pr_stp_state {
    PR_STP_DISABLED = 1,
    PR_STP_BLOCKING = 2,
    PR_STP_LISTENING = 3,
    PR_STP_LEARNING = 4,
    PR_STP_FORWARDING = 5,
    PR_STP_BROKEN = 6,
    PR_STP_DISCARDING = 7,
};

/* Whether a port is an STP edge port (PortFast). */
enum pr_edge {
    PR_EDGE_NO = 0,
    PR_EDGE_YES = 1,
    PR_EDGE_AUTO = 2, /* left to auto-detection (auto-edge, EOS portfast auto) */
};

/* The spanning-tree protocol a switch (or the port's instance) runs. */
enum pr_stp_mode {
    PR_MODE_OFF = 0, /* spanning tree disabled on the switch */
    PR_MODE_STP,     /* 802.1D legacy */
    PR_MODE_RSTP,
    PR_MODE_MSTP,
    PR_MODE_PVST,       /* Cisco PVST+ (legacy timers per VLAN) */
    PR_MODE_RAPID_PVST, /* Cisco Rapid-PVST+ */
    PR_MODE_VSTP,       /* Juniper VSTP (rapid, per VLAN) */
};

/* Facts about one port. Every member is a struct pr_fact; the comment says
 * what value holds when known. */
struct pr_port_facts {
    /* --- the facts of the JSON "facts" object --- */
    struct pr_fact admin_status;  /* enum pr_if_status */
    struct pr_fact oper_status;   /* enum pr_if_status */
    struct pr_fact stp_state;     /* enum pr_stp_state */
    struct pr_fact edge;          /* enum pr_edge: the configured (admin) edge */
    struct pr_fact lacp_member;   /* 1: member of an LACP bundle, 0: not */
    struct pr_fact lacp_fallback; /* 1: fallback/force-up/standalone on, 0: off */
    struct pr_fact autoneg;       /* 1: speed auto-negotiation on, 0: off */
    struct pr_fact speed_mbps;    /* current speed, Mb/s */
    struct pr_fact access_vlan;   /* access VLAN, or native VLAN on a trunk */
    struct pr_fact err_disabled;  /* 1: err-disabled (cause in err_disabled_cause), 0: not */
    struct pr_fact bpdu_guard;    /* 1: BPDU guard (or block) on, 0: off */

    /* --- supporting facts used by the rules --- */
    struct pr_fact stp_enabled;           /* 1: STP runs on this port, 0: disabled here */
    struct pr_fact oper_edge;             /* 1: the switch treats the port as edge now */
    struct pr_fact trunk;                 /* 1: the port is a trunk (tagged) port */
    struct pr_fact edge_applies_on_trunk; /* 1: the edge setting also acts on trunks */
    struct pr_fact speed_capability_mbps; /* the port's highest speed, Mb/s */
    struct pr_fact stp_mode;              /* enum pr_stp_mode of the port's instance, when it
                                             differs from the switch's (else unknown) */
    /* Seconds an LACP member waits for LACPDUs before fallback brings it
     * up (Dell OS10 lacp fallback timeout, EXOS fallback timeout): added to
     * the predicted blackout of a member with fallback on. */
    struct pr_fact lacp_fallback_timeout_s;
    /* Seconds this port waits before its auto-edge (or the like) lets it
     * forward, where the vendor's figure is the port's own (FastIron's Fast
     * Port Span under 802.1D: 4 s); else the switch's auto_edge_wait_s. */
    struct pr_fact auto_edge_wait_s;

    char err_disabled_cause[48]; /* "bpduGuard", "linkFlap", ... when known */
};

/* Facts about the switch's spanning tree. */
struct pr_switch_stp {
    struct pr_fact mode;            /* enum pr_stp_mode */
    struct pr_fact forward_delay_s; /* seconds */
    struct pr_fact max_age_s;       /* seconds */
    /* Seconds an auto-edge port waits without BPDUs before it becomes edge,
     * where the driver knows the vendor's figure (Huawei: 2 x hello + 1 s);
     * unknown: the rules take 802.1D-2004's migrate time (3 s). */
    struct pr_fact auto_edge_wait_s;
};

/* Sets a fact known with a value and printf-style evidence. */
void pr_fact_set(struct pr_fact *fact, int64_t value, const char *evidence_fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Marks a fact unknown, keeping an explanation of why in evidence (may be
 * NULL). */
void pr_fact_unknown(struct pr_fact *fact, const char *why_fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Marks a fact unknown because its source sent a value that cannot be (an
 * enumeration out of range), the evidence saying which: a verdict never
 * rests on it. */
void pr_fact_impossible(struct pr_fact *fact, const char *why_fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Whether fact is known and equal to value. */
bool pr_fact_is(const struct pr_fact *fact, int64_t value);

/* The edge fact from what RSTP/MSTP MIBs (or a config) say: admin edge,
 * oper edge, auto-edge, and whether the port is up. Writes the result into
 * facts->edge (and facts->oper_edge) with combined evidence. Any input may be
 * unknown; an admin edge that is unknown with evidence (answered, but not a
 * value it can take) makes edge unknown, whatever the operational value. */
void pr_facts_edge_from_admin_oper(struct pr_port_facts *facts, const struct pr_fact *admin_edge,
                                   const struct pr_fact *oper_edge,
                                   const struct pr_fact *auto_edge);

/* Names for the JSON and text output; pr_enum_invalid (the string
 * "invalid") for a number the MIB does not define, so a reader can tell an
 * impossible value from a known one. */
extern const char pr_enum_invalid[];
const char *pr_if_status_name(int64_t status); /* "up", "down", ... */
const char *pr_stp_state_name(int64_t state);  /* "forwarding", ... */
const char *pr_edge_name(int64_t edge);        /* "yes", "no", "auto" */
const char *pr_stp_mode_name(int64_t mode);    /* "rstp", "rapid-pvst", ... */

#endif
