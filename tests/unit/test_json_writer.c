/* SPDX-License-Identifier: BSD-3-Clause */
/* The JSON writer against schema version 1 (DESIGN.md §1): exactly the
 * documented keys, arrays always arrays, null for unknown facts. The
 * expected documents are written out in full. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/roles.h"
#include "report/report.h"
#include "rules/rules.h"

static char *render(struct pr_switch *switches, size_t n)
{
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    assert_non_null(out);
    struct report_options opts = {.out = out};
    void *state = NULL;
    struct pr_summary summary;
    rules_summarize(switches, n, &summary);
    struct pr_error err = {0};
    assert_int_equal(report_writer_json.begin(&opts, &state, &err), 0);
    for (size_t i = 0; i < n; i++)
        report_writer_json.write_switch(&opts, state, &switches[i]);
    assert_int_equal(report_writer_json.end(&opts, state, &summary, &err), 0);
    fclose(out);
    return text;
}

static void test_unreadable_switch_has_error_and_empty_arrays(void **state)
{
    (void)state;
    struct pr_switch sw;
    pr_switch_init(&sw, "rack12-b", "127.0.0.1:1162");
    pr_error_set(&sw.error, PR_ERR_TIMEOUT, "127.0.0.1:1162: no answer within 2 s");
    char *text = render(&sw, 1);
    const char *expected = "{\n"
                           "  \"portready\": 1,\n"
                           "  \"timestamp\": null,\n"
                           "  \"switches\": [\n"
                           "    {\n"
                           "      \"name\": \"rack12-b\",\n"
                           "      \"host\": \"127.0.0.1:1162\",\n"
                           "      \"driver\": null,\n"
                           "      \"sources\": [],\n"
                           "      \"error\": \"127.0.0.1:1162: no answer within 2 s\",\n"
                           "      \"port_errors\": [],\n"
                           "      \"stp\": {\n"
                           "        \"mode\": null,\n"
                           "        \"forward_delay_s\": null,\n"
                           "        \"max_age_s\": null\n"
                           "      },\n"
                           "      \"ports\": [],\n"
                           "      \"uplinks\": [],\n"
                           "      \"fix\": null\n"
                           "    }\n"
                           "  ],\n"
                           "  \"summary\": {\n"
                           "    \"switches\": 1,\n"
                           "    \"unreadable\": 1,\n"
                           "    \"ports\": 0,\n"
                           "    \"ready\": 0,\n"
                           "    \"warning\": 0,\n"
                           "    \"not_ready\": 0,\n"
                           "    \"unknown\": 0,\n"
                           "    \"uplinks\": 0,\n"
                           "    \"unchecked\": 0,\n"
                           "    \"portless\": 0\n"
                           "  },\n"
                           "  \"error\": null\n"
                           "}\n";
    assert_string_equal(text, expected);
    free(text);
    pr_switch_free(&sw);
}

static void test_port_facts_findings_and_escaping(void **state)
{
    (void)state;
    struct pr_switch sw;
    pr_switch_init(&sw, "sw\"1", "127.0.0.1:1161");
    sw.driver_name = "cisco";
    pr_switch_add_source(&sw, "snmp");
    pr_fact_set(&sw.stp.mode, PR_MODE_RAPID_PVST, "stpxSpanningTreeType = rapidPvstPlus(5)");
    pr_fact_set(&sw.stp.forward_delay_s, 15, "x");
    pr_fact_set(&sw.stp.max_age_s, 20, "x");
    struct pr_port *port = pr_switch_add_port(&sw, "Gi1/0/1", NULL);
    port->ifindex = 10101;
    strcpy(port->server, "srv12-01");
    struct pr_port_facts *f = &port->facts;
    pr_fact_set(&f->admin_status, PR_IF_UP, "x");
    pr_fact_set(&f->oper_status, PR_IF_UP, "x");
    pr_fact_set(&f->stp_state, PR_STP_FORWARDING, "x");
    pr_fact_set(&f->edge, PR_EDGE_NO, "stpxFastStartPortMode.10101 = disable(2)");
    pr_fact_set(&f->lacp_member, 1, "x");
    pr_fact_set(&f->autoneg, 1, "x");
    pr_fact_set(&f->speed_mbps, 1000, "x");
    pr_fact_set(&f->access_vlan, 100, "x");
    pr_fact_set(&f->err_disabled, 0, "x");
    pr_fact_set(&f->bpdu_guard, 0, "x");
    rules_judge_switch(&sw);
    strcpy(port->findings[0].fix, "interface GigabitEthernet1/0/1\n spanning-tree portfast edge");
    char *text = render(&sw, 1);
    /* Facts: known values named, unknown (lacp_fallback) null. */
    assert_non_null(strstr(text, "\"name\": \"sw\\\"1\""));
    assert_non_null(strstr(text, "\"mode\": \"rapid-pvst\""));
    /* The inventory's server; no ifAlias: description null. */
    assert_non_null(strstr(text, "\"name\": \"Gi1/0/1\",\n"
                                 "          \"server\": \"srv12-01\",\n"
                                 "          \"description\": null,\n"
                                 "          \"ifindex\": 10101,\n"));
    assert_non_null(strstr(text, "\"verdict\": \"not-ready\",\n"
                                 "          \"expected_blackout_s\": 30,\n"));
    assert_non_null(strstr(text, "\"facts\": {\n"
                                 "            \"admin_status\": \"up\",\n"
                                 "            \"oper_status\": \"up\",\n"
                                 "            \"stp_state\": \"forwarding\",\n"
                                 "            \"edge\": \"no\",\n"
                                 "            \"lacp_member\": true,\n"
                                 "            \"lacp_fallback\": null,\n"
                                 "            \"autoneg\": \"on\",\n"
                                 "            \"speed_mbps\": 1000,\n"
                                 "            \"access_vlan\": 100,\n"
                                 "            \"err_disabled\": false,\n"
                                 "            \"bpdu_guard\": \"off\"\n"
                                 "          },\n"));
    assert_non_null(strstr(text, "\"id\": \"stp-not-edge\",\n"
                                 "              \"severity\": \"critical\",\n"));
    assert_non_null(strstr(text, "\"evidence\": \"stpxFastStartPortMode.10101 = disable(2)\""));
    assert_non_null(
        strstr(text, "\"fix\": \"interface GigabitEthernet1/0/1\\n spanning-tree portfast edge\""));
    /* The second finding has no fix: null, not "". */
    assert_non_null(strstr(text, "\"fix\": null"));
    assert_non_null(strstr(text, "\"not_ready\": 1,"));
    /* Roles never assigned: unknown, no evidence. */
    assert_non_null(strstr(text, "\"ifindex\": 10101,\n"
                                 "          \"role\": \"unknown\",\n"
                                 "          \"role_evidence\": null,\n"));
    free(text);
    pr_switch_free(&sw);
}

/* A port left out as an uplink is listed with its evidence, counted in the
 * summary; a judged port carries its role; the switch's block of fixes is
 * an object with its switch-wide part. */
static void test_uplinks_roles_and_fix_block(void **state)
{
    (void)state;
    struct pr_switch sw;
    pr_switch_init(&sw, "rack12-c", "127.0.0.1:1163");
    pr_switch_add_source(&sw, "snmp");
    struct pr_port *port = pr_switch_add_port(&sw, "Ethernet1", NULL);
    port->ifindex = 1;
    port->if_type = 6; /* ethernetCsmacd */
    pr_role_add_signal(&port->role, PR_ROLE_SERVER, "LLDP neighbour srv12-21, station only",
                       "LLDP-MIB lldpRemSysCapEnabled.0.1.1 = 01 (stationOnly)");
    port = pr_switch_add_port(&sw, "Ethernet12", NULL);
    port->ifindex = 12;
    port->if_type = 6;
    pr_role_add_signal(&port->role, PR_ROLE_UPLINK, "LLDP neighbour spine1, bridge",
                       "LLDP-MIB lldpRemSysCapEnabled.0.12.1 = 20 (bridge)");
    roles_assign(&sw);
    assert_int_equal(roles_leave_out_uplinks(&sw), 0);
    rules_judge_switch(&sw);
    sw.fix.text = strdup("# switch-wide\nset protocols rstp\n");
    sw.fix.switch_wide = strdup("set protocols rstp\n");
    sw.fix.paste = true;
    char *text = render(&sw, 1);
    assert_non_null(strstr(text,
                           "\"role\": \"server\",\n"
                           "          \"role_evidence\": \"LLDP-MIB lldpRemSysCapEnabled.0.1.1 "
                           "= 01 (stationOnly)\",\n"));
    assert_non_null(strstr(text,
                           "\"uplinks\": [\n"
                           "        {\n"
                           "          \"name\": \"Ethernet12\",\n"
                           "          \"ifindex\": 12,\n"
                           "          \"evidence\": \"LLDP-MIB lldpRemSysCapEnabled.0.12.1 = 20 "
                           "(bridge)\"\n"
                           "        }\n"
                           "      ],\n"));
    assert_non_null(strstr(text, "\"fix\": {\n"
                                 "        \"text\": \"# switch-wide\\nset protocols rstp\\n\",\n"
                                 "        \"switch_wide\": \"set protocols rstp\\n\",\n"
                                 "        \"paste\": true\n"
                                 "      }\n"));
    assert_non_null(strstr(text, "\"ports\": 1,"));
    assert_non_null(strstr(text, "\"uplinks\": 1,\n"));
    free(text);
    pr_switch_free(&sw);
}

/* An audit round's document: its round and wall-clock timestamp first, the
 * error that stopped it last ({"code", "message"}). */
static void test_round_timestamp_and_error(void **state)
{
    (void)state;
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    assert_non_null(out);
    struct pr_error stop = {0};
    pr_error_set(&stop, PR_ERR_INTERRUPTED, "interrupted: 2 of 3 switches not read");
    /* 2024-05-14T10:21:03.123456789Z */
    struct report_options opts = {
        .out = out, .timestamp_ns = INT64_C(1715682063123456789), .round = 2, .error = &stop};
    struct pr_switch sw;
    pr_switch_init(&sw, "rack12-a", "127.0.0.1:1161");
    sw.driver_name = "generic-snmp";
    struct pr_port *port = pr_switch_add_port(&sw, "1/1/1", NULL);
    strcpy(port->alias, "srv12-01 \"eth0\"");
    rules_judge_switch(&sw);
    struct pr_summary summary;
    rules_summarize(&sw, 1, &summary);
    void *wstate = NULL;
    struct pr_error err = {0};
    assert_int_equal(report_writer_json.begin(&opts, &wstate, &err), 0);
    report_writer_json.write_switch(&opts, wstate, &sw);
    assert_int_equal(report_writer_json.end(&opts, wstate, &summary, &err), 0);
    fclose(out);
    assert_non_null(strstr(text, "{\n"
                                 "  \"portready\": 1,\n"
                                 "  \"timestamp\": \"2024-05-14T10:21:03.123Z\",\n"
                                 "  \"round\": 2,\n"
                                 "  \"switches\": [\n"));
    assert_non_null(strstr(text, "\"server\": null,\n"
                                 "          \"description\": \"srv12-01 \\\"eth0\\\"\",\n"));
    assert_non_null(strstr(text, "  },\n"
                                 "  \"error\": {\n"
                                 "    \"code\": \"interrupted\",\n"
                                 "    \"message\": \"interrupted: 2 of 3 switches not read\"\n"
                                 "  }\n"
                                 "}\n"));
    free(text);
    pr_switch_free(&sw);
}

/* Both writers report an output that cannot take the report (/dev/full:
 * every write fails with ENOSPC once the buffer is flushed). */
static void test_unwritable_output_is_an_error(void **state)
{
    (void)state;
    const struct report_writer *writers[] = {&report_writer_json, &report_writer_text};
    for (size_t w = 0; w < 2; w++) {
        FILE *out = fopen("/dev/full", "w");
        if (out == NULL)
            skip();
        struct pr_switch sw;
        pr_switch_init(&sw, "rack12-a", "127.0.0.1:1161");
        struct report_options opts = {.out = out};
        struct pr_summary summary;
        rules_summarize(&sw, 1, &summary);
        void *wstate = NULL;
        struct pr_error err = {0};
        assert_int_equal(writers[w]->begin(&opts, &wstate, &err), 0);
        writers[w]->write_switch(&opts, wstate, &sw);
        assert_int_equal(writers[w]->end(&opts, wstate, &summary, &err), -1);
        assert_int_equal(err.code, PR_ERR_IO);
        assert_non_null(strstr(err.msg, "cannot write the report: No space left on device"));
        fclose(out);
        pr_switch_free(&sw);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_unwritable_output_is_an_error),
        cmocka_unit_test(test_unreadable_switch_has_error_and_empty_arrays),
        cmocka_unit_test(test_port_facts_findings_and_escaping),
        cmocka_unit_test(test_uplinks_roles_and_fix_block),
        cmocka_unit_test(test_round_timestamp_and_error),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
