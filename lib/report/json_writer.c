/* SPDX-License-Identifier: BSD-3-Clause */
/* JSON schema version 1 (DESIGN.md §1): arrays always arrays, every key
 * always present, null when unknown. */
#include <stdlib.h>

#include "report/report.h"
#include "util/json.h"

struct json_state {
    struct json_out j;
};

static void fact_string(struct json_out *j, const char *key, const struct pr_fact *fact,
                        const char *(*name)(int64_t))
{
    json_key(j, key);
    if (fact->known)
        json_string(j, name(fact->value));
    else
        json_null(j);
}

static void fact_int(struct json_out *j, const char *key, const struct pr_fact *fact)
{
    json_key(j, key);
    if (fact->known)
        json_int(j, fact->value);
    else
        json_null(j);
}

static void fact_bool(struct json_out *j, const char *key, const struct pr_fact *fact)
{
    json_key(j, key);
    if (fact->known)
        json_bool(j, fact->value != 0);
    else
        json_null(j);
}

static const char *yes_no(int64_t v)
{
    return v ? "yes" : "no";
}

static const char *on_off(int64_t v)
{
    return v ? "on" : "off";
}

static void write_facts(struct json_out *j, const struct pr_port_facts *facts)
{
    json_begin_object(j);
    fact_string(j, "admin_status", &facts->admin_status, pr_if_status_name);
    fact_string(j, "oper_status", &facts->oper_status, pr_if_status_name);
    fact_string(j, "stp_state", &facts->stp_state, pr_stp_state_name);
    fact_string(j, "edge", &facts->edge, pr_edge_name);
    fact_bool(j, "lacp_member", &facts->lacp_member);
    fact_string(j, "lacp_fallback", &facts->lacp_fallback, yes_no);
    fact_string(j, "autoneg", &facts->autoneg, on_off);
    fact_int(j, "speed_mbps", &facts->speed_mbps);
    fact_int(j, "access_vlan", &facts->access_vlan);
    json_key(j, "err_disabled");
    if (!facts->err_disabled.known)
        json_null(j);
    else if (!facts->err_disabled.value)
        json_bool(j, false);
    else
        json_string(j, facts->err_disabled_cause[0] ? facts->err_disabled_cause : "yes");
    fact_string(j, "bpdu_guard", &facts->bpdu_guard, on_off);
    json_end_object(j);
}

/* "clients": {"ipxe": {"dhcp_budget_s": 15, "outcome": "fails", "named": false}, ...} */
static void write_clients(struct json_out *j, const struct pr_port *port)
{
    json_key(j, "clients");
    json_begin_object(j);
    for (size_t i = 0; i < port->n_clients; i++) {
        const struct pr_client_result *r = &port->clients[i];
        json_key(j, r->name);
        json_begin_object(j);
        json_key(j, "dhcp_budget_s");
        if (r->budget_s >= 0)
            json_int(j, r->budget_s);
        else
            json_null(j);
        json_key(j, "outcome");
        json_string(j, pr_client_outcome_name(r->outcome));
        json_key(j, "named");
        json_bool(j, (port->clients_named & (1u << i)) != 0);
        json_end_object(j);
    }
    json_end_object(j);
}

static void write_port(struct json_out *j, const struct pr_port *port)
{
    json_begin_object(j);
    json_key(j, "name");
    json_string(j, port->name);
    json_key(j, "server");
    json_string(j, port->server[0] ? port->server : NULL);
    json_key(j, "description");
    json_string(j, port->alias[0] ? port->alias : NULL);
    json_key(j, "ifindex");
    if (port->ifindex)
        json_int(j, port->ifindex);
    else
        json_null(j);
    json_key(j, "role");
    json_string(j, pr_role_name(port->role.role));
    json_key(j, "role_evidence");
    json_string(j, port->role.evidence[0] ? port->role.evidence : NULL);
    json_key(j, "verdict");
    json_string(j, pr_verdict_name(port->verdict));
    fact_int(j, "expected_blackout_s", &port->expected_blackout_s);
    write_clients(j, port);
    json_key(j, "facts");
    write_facts(j, &port->facts);
    json_key(j, "findings");
    json_begin_array(j);
    for (size_t i = 0; i < port->n_findings; i++) {
        const struct pr_finding *f = &port->findings[i];
        json_begin_object(j);
        json_key(j, "id");
        json_string(j, pr_finding_id_name(f->id));
        json_key(j, "severity");
        json_string(j, pr_severity_name(f->severity));
        json_key(j, "message");
        json_string(j, f->message);
        json_key(j, "evidence");
        json_string(j, f->evidence);
        json_key(j, "fix");
        json_string(j, f->fix[0] ? f->fix : NULL);
        json_end_object(j);
    }
    json_end_array(j);
    json_end_object(j);
}

static int json_begin(const struct report_options *opts, void **state, struct pr_error *err)
{
    struct json_state *st = calloc(1, sizeof *st);
    *state = st;
    if (st == NULL)
        return pr_error_set(err, PR_ERR_INTERNAL, "out of memory starting the JSON report");
    json_init(&st->j, opts->out, true);
    json_begin_object(&st->j);
    json_key(&st->j, "portready");
    json_int(&st->j, 1);
    json_key(&st->j, "timestamp");
    json_wall_time(&st->j, opts->timestamp_ns, 3);
    if (opts->round > 0) {
        json_key(&st->j, "round");
        json_int(&st->j, opts->round);
    }
    json_key(&st->j, "switches");
    json_begin_array(&st->j);
    return 0;
}

static void write_switch_object(struct json_out *j, const struct pr_switch *sw);

/* Where the switches' objects are: in the document's object (depth 1),
 * in its "switches" array (2). */
#define JSON_SWITCHES_DEPTH 2

static void json_write_switch(const struct report_options *opts, void *state,
                              const struct pr_switch *sw)
{
    (void)opts;
    struct json_state *st = state;
    if (st == NULL)
        return;
    write_switch_object(&st->j, sw);
}

/* The switch's object as the first of the array would be written: the
 * comma before all but the first comes at its turn. */
static int json_write_ahead(const struct report_options *opts, const struct pr_switch *sw,
                            FILE *out, void **tally)
{
    (void)opts;
    struct json_out j;
    json_init(&j, out, true);
    j.depth = JSON_SWITCHES_DEPTH;
    j.need_comma[JSON_SWITCHES_DEPTH] = false;
    write_switch_object(&j, sw);
    *tally = NULL;
    return 0;
}

static void json_take_ahead(const struct report_options *opts, void *state, void *tally)
{
    (void)tally;
    struct json_state *st = state;
    if (st == NULL)
        return;
    if (st->j.need_comma[JSON_SWITCHES_DEPTH])
        fputc(',', opts->out);
    st->j.need_comma[JSON_SWITCHES_DEPTH] = true;
}

static void write_switch_object(struct json_out *j, const struct pr_switch *sw)
{
    json_begin_object(j);
    json_key(j, "name");
    json_string(j, sw->name);
    json_key(j, "host");
    json_string(j, sw->host);
    json_key(j, "driver");
    json_string(j, sw->driver_name);
    json_key(j, "sources");
    json_begin_array(j);
    for (size_t i = 0; i < sw->n_sources; i++)
        json_string(j, sw->sources[i]);
    json_end_array(j);
    json_key(j, "error");
    json_string(j, sw->error.code != PR_OK ? sw->error.msg : NULL);
    json_key(j, "port_errors");
    json_begin_array(j);
    for (size_t i = 0; i < sw->n_port_errors; i++)
        json_string(j, sw->port_errors[i]);
    json_end_array(j);
    json_key(j, "stp");
    json_begin_object(j);
    fact_string(j, "mode", &sw->stp.mode, pr_stp_mode_name);
    fact_int(j, "forward_delay_s", &sw->stp.forward_delay_s);
    fact_int(j, "max_age_s", &sw->stp.max_age_s);
    json_end_object(j);
    json_key(j, "ports");
    json_begin_array(j);
    for (size_t i = 0; i < sw->n_ports; i++)
        write_port(j, &sw->ports[i]);
    json_end_array(j);
    json_key(j, "uplinks");
    json_begin_array(j);
    for (size_t i = 0; i < sw->n_uplinks; i++) {
        const struct pr_uplink *u = &sw->uplinks[i];
        json_begin_object(j);
        json_key(j, "name");
        json_string(j, u->name);
        json_key(j, "ifindex");
        if (u->ifindex)
            json_int(j, u->ifindex);
        else
            json_null(j);
        json_key(j, "evidence");
        json_string(j, u->evidence);
        json_end_object(j);
    }
    json_end_array(j);
    /* The block of fixes for every finding above, merged by the driver:
     * switch_wide is its disruptive part; paste says whether it is
     * configuration (else advice). */
    json_key(j, "fix");
    if (sw->fix.text == NULL) {
        json_null(j);
    } else {
        json_begin_object(j);
        json_key(j, "text");
        json_string(j, sw->fix.text);
        json_key(j, "switch_wide");
        json_string(j, sw->fix.switch_wide);
        json_key(j, "paste");
        json_bool(j, sw->fix.paste);
        json_end_object(j);
    }
    json_end_object(j);
}

static int json_end(const struct report_options *opts, void *state, const struct pr_summary *s,
                    struct pr_error *err)
{
    struct json_state *st = state;
    if (st == NULL)
        return pr_error_set(err, PR_ERR_INTERNAL, "the JSON report was never started");
    struct json_out *j = &st->j;
    json_end_array(j);
    json_key(j, "summary");
    json_begin_object(j);
    json_key(j, "switches");
    json_int(j, s->switches);
    json_key(j, "unreadable");
    json_int(j, s->unreadable);
    json_key(j, "ports");
    json_int(j, s->ports);
    json_key(j, "ready");
    json_int(j, s->ready);
    json_key(j, "warning");
    json_int(j, s->warning);
    json_key(j, "not_ready");
    json_int(j, s->not_ready);
    json_key(j, "unknown");
    json_int(j, s->unknown);
    json_key(j, "uplinks");
    json_int(j, s->uplinks);
    json_key(j, "unchecked");
    json_int(j, s->unchecked);
    json_key(j, "portless");
    json_int(j, s->portless);
    json_end_object(j);
    json_key(j, "error");
    json_error(j, opts->error);
    json_end_object(j);
    json_finish(j);
    free(st);
    return report_flush(opts->out, err);
}

const struct report_writer report_writer_json = {
    .name = "json",
    .begin = json_begin,
    .write_switch = json_write_switch,
    .end = json_end,
    .write_ahead = json_write_ahead,
    .take_ahead = json_take_ahead,
};

void report_json_port(struct json_out *j, const struct pr_port *port)
{
    write_port(j, port);
}
