/* SPDX-License-Identifier: BSD-3-Clause */
/* What an IOS, IOS-XE, NX-OS or EOS running-config says about spanning
 * tree, port channels and each interface, statement by statement, before
 * platform defaults are applied (ios_facts.c turns it into port facts).
 *
 * Every setting keeps the line that set it (NULL: not configured), so the
 * facts can quote the statement as evidence. Later statements override
 * earlier ones, as on the switch (`show running-config all` lists `no X`
 * before `X`).
 *
 * Ownership: ios_model_build() allocates a struct ios_model that takes over
 * the struct ios_config; ios_model_free() releases both and accepts NULL. */
#ifndef PR_IOS_MODEL_H
#define PR_IOS_MODEL_H

#include <stdbool.h>
#include <stdint.h>

#include "cisco/ios_config.h"
#include "cli/cli_names.h"
#include "model/switch.h"

/* A setting: its value and the line that set it (NULL: not configured). */
struct ios_setting {
    int value;
    const struct ios_line *line;
};

enum ios_swmode {
    IOS_SWMODE_ACCESS = 1,
    IOS_SWMODE_TRUNK,
    IOS_SWMODE_DYNAMIC, /* IOS dynamic auto|desirable (access unless DTP makes a trunk) */
    IOS_SWMODE_OTHER,   /* dot1q-tunnel, private-vlan ...: untagged like access */
    IOS_SWMODE_FABRIC,  /* NX-OS fex-fabric: an uplink to a fabric extender */
};

/* IOS `spanning-tree portfast ...` and NX-OS `spanning-tree port type ...`. */
enum ios_portfast {
    IOS_PF_DISABLE = 1, /* portfast disable, port type network|normal */
    IOS_PF_ACCESS,      /* portfast [edge], port type edge: access ports only */
    IOS_PF_TRUNK,       /* portfast [edge] trunk, port type edge trunk */
};

enum ios_cgmode {
    IOS_CG_ON = 1, /* static bundle (also NX-OS `channel-group N` without mode) */
    IOS_CG_ACTIVE,
    IOS_CG_PASSIVE,
    IOS_CG_DESIRABLE, /* PAgP */
    IOS_CG_AUTO,      /* PAgP */
};

enum ios_eos_fallback {
    IOS_EOS_FALLBACK_NONE = 0,
    IOS_EOS_FALLBACK_STATIC,
    IOS_EOS_FALLBACK_INDIVIDUAL,
};

struct ios_iface {
    const char *name; /* as written after `interface` */
    const struct ios_block *block;
    bool physical;     /* a front-panel Ethernet port */
    int channel_id;    /* N of a Port-channelN interface, else -1 */
    size_t channel_at; /* a member's Port-channel: its index + 1, 0 when none is configured */

    struct ios_setting shutdown;    /* 1 shutdown, 0 no shutdown */
    struct ios_setting switchport;  /* 1 switchport, 0 no switchport */
    struct ios_setting swmode;      /* enum ios_swmode */
    struct ios_setting access_vlan; /* VLAN id; 0 when given by name */
    struct ios_setting native_vlan;
    struct ios_setting portfast;        /* enum ios_portfast (IOS, NX-OS) */
    struct ios_setting eos_edge;        /* EOS `spanning-tree portfast`: 1 / 0 */
    struct ios_setting eos_auto;        /* EOS `spanning-tree portfast auto`: 1 / 0 */
    struct ios_setting bpduguard;       /* 1 enable, 0 disable */
    struct ios_setting channel;         /* channel-group number */
    struct ios_setting chmode;          /* enum ios_cgmode */
    struct ios_setting speed;           /* Mb/s; 0 auto; -1 nonegotiate */
    struct ios_setting speed_auto;      /* 1: speed auto (possibly with a speed list) */
    struct ios_setting duplex;          /* 1 full/half, 0 auto */
    struct ios_setting negotiate;       /* `negotiation auto` / `negotiate auto`: 1 / 0 */
    const struct ios_line *description; /* `description TEXT`; NULL: none */
    /* On port-channel interfaces. */
    struct ios_setting standalone_disable; /* IOS: 1 / 0 */
    struct ios_setting suspend_individual; /* NX-OS: 1 / 0 */
    struct ios_setting eos_fallback;       /* enum ios_eos_fallback */
    struct ios_setting eos_fallback_timeout;
};

struct ios_model {
    struct ios_config *cfg;
    enum ios_platform platform;

    struct ios_setting stp_mode;     /* enum pr_stp_mode */
    struct ios_setting forward_time; /* global / MST / VLAN 1 forward-time */
    struct ios_setting max_age;
    struct ios_setting portfast_default;  /* IOS portfast default, NX-OS port type edge default:
                                             1 edge, 0 network default */
    struct ios_setting bpduguard_default; /* on edge ports */
    struct ios_setting sys_switchport;    /* NX-OS system default switchport */
    struct ios_setting sys_switchport_shutdown; /* NX-OS system default switchport shutdown */
    /* `no spanning-tree vlan N`: STP off for the VLAN (PVST+ modes). */
    const struct ios_line *vlan_stp_off[4095];
    /* `spanning-tree vlan N forward-time S` for VLANs other than 1. */
    uint8_t vlan_forward_time[4095];

    struct ios_iface *ifaces;
    size_t n_ifaces;
    struct cli_names names; /* over ifaces, by name */
};

/* Interprets cfg (taking ownership of it, also on failure). Errors
 * (PR_ERR_INPUT) name origin, line, interface and statement: a VLAN out of
 * range, an unknown spanning-tree mode, a channel-group without a number. */
int ios_model_build(struct ios_config *cfg, struct ios_model **out, struct pr_error *err);

void ios_model_free(struct ios_model *model);

const struct ios_iface *ios_model_find(const struct ios_model *model, const char *name);

/* The port-channel interface a member belongs to; NULL when not configured. */
const struct ios_iface *ios_model_channel_of(const struct ios_model *model,
                                             const struct ios_iface *member);

/* Whether a name is a front-panel Ethernet port (not Port-channel, Vlan,
 * Loopback, Management, mgmt0, Tunnel, nve, subinterfaces). */
bool ios_is_physical_name(const char *name);

/* A port's speed from its name ("TenGigabitEthernet1/1" -> 10000); 0 when
 * the name does not tell. */
int ios_speed_from_name(const char *name);

/* The model ios_config_read() left in sw->driver_priv; NULL when sw holds
 * none (ios_read.c). */
const struct ios_model *ios_switch_model(const struct pr_switch *sw);

/* Fills sw (ports, facts, stp) from the model; ios_facts.c. */
int ios_model_fill_switch(const struct ios_model *model, struct pr_switch *sw,
                          struct pr_error *err);

#endif
