/* SPDX-License-Identifier: BSD-3-Clause */
/* PVST+ VLAN contexts that cannot be read: the STP state of the ports in
 * that VLAN stays unknown and its evidence says which VLAN and why; after
 * a timeout the other VLANs are not asked. On copies of the recording of
 * test_cisco_snmp.c (tests/data/cisco/pvst-switch.snmprec: PVST+, Gi1/0/1,
 * Gi1/0/2 and Gi1/0/4 in VLAN 100) in a folder of their own, without the
 * VLAN 100 context beside them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/survey.h"
#include "driver.h"
#include "snmp/source_impl.h"

static char tmpdir[256];

static int make_tmpdir(void **state)
{
    (void)state;
    snprintf(tmpdir, sizeof tmpdir, "/tmp/portready-pvst.XXXXXX");
    return mkdtemp(tmpdir) != NULL ? 0 : -1;
}

static int remove_tmpdir(void **state)
{
    (void)state;
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    return system(cmd) == 0 ? 0 : -1;
}

/* Copies the recording to tmpdir/name, with vmVlan of ifIndex 10102
 * (Gi1/0/2) set to vlan_10102; returns the path. */
static const char *copy_recording(const char *name, int vlan_10102)
{
    static char path[512];
    snprintf(path, sizeof path, "%s/%s", tmpdir, name);
    FILE *in = fopen(PR_TEST_DATA "/cisco/pvst-switch.snmprec", "r");
    FILE *out = fopen(path, "w");
    assert_non_null(in);
    assert_non_null(out);
    char line[1024];
    while (fgets(line, sizeof line, in) != NULL) {
        if (strncmp(line, "1.3.6.1.4.1.9.9.68.1.2.2.1.2.10102|", 35) == 0)
            fprintf(out, "1.3.6.1.4.1.9.9.68.1.2.2.1.2.10102|2|%d\n", vlan_10102);
        else
            fputs(line, out);
    }
    fclose(in);
    assert_int_equal(fclose(out), 0);
    return path;
}

static const struct pr_port *port(const struct pr_switch *sw, const char *name)
{
    const struct pr_port *p = pr_switch_find_name((struct pr_switch *)sw, name);
    assert_non_null(p);
    return p;
}

static void test_missing_context_is_evidence(void **state)
{
    (void)state;
    struct pr_snmp_options opts;
    pr_snmp_options_defaults(&opts);
    struct survey_spec spec = {
        .name = "pvst",
        .walk_path = copy_recording("pvst-switch.snmprec", 100),
        .snmp = &opts,
        .driver = "auto",
        .expect_vlan = -1,
    };
    struct pr_switch sw;
    struct pr_error err = {0};
    assert_int_equal(survey_switch(&spec, &sw, &err), 0);
    assert_string_equal(sw.driver_name, "cisco");
    const struct pr_fact *state1 = &port(&sw, "Gi1/0/1")->facts.stp_state;
    assert_false(state1->known);
    assert_non_null(strstr(state1->evidence, "VLAN 100's spanning tree could not be read: "));
    assert_non_null(strstr(state1->evidence, "no recording for context '100'"));
    /* Gi1/0/3 is a trunk with native VLAN 1: the default context's state. */
    assert_int_equal(port(&sw, "Gi1/0/3")->facts.stp_state.value, PR_STP_FORWARDING);
    pr_switch_free(&sw);
}

/* A source that answers the default context from a recording and lets
 * every VLAN context time out, counting them. */
struct timeout_priv {
    struct pr_snmp_source *walk;
    unsigned contexts_asked;
};

static int timeout_fetch(struct pr_snmp_source *src, const char *context,
                         const struct pr_snmp_request *req, size_t n_req, struct pr_snmp_store *out,
                         struct pr_error *err)
{
    struct timeout_priv *priv = src->priv;
    if (context == NULL)
        return pr_snmp_source_fetch(priv->walk, NULL, req, n_req, out, err);
    priv->contexts_asked++;
    return pr_error_set(err, PR_ERR_TIMEOUT, "no answer within 1 s for context %s", context);
}

static void timeout_close(struct pr_snmp_source *src)
{
    struct timeout_priv *priv = src->priv;
    pr_snmp_source_close(priv->walk);
}

static const struct pr_snmp_source_ops timeout_ops = {
    .kind = "snmp",
    .fetch = timeout_fetch,
    .set_integer = NULL,
    .close = timeout_close,
};

static void test_timeout_stops_asking(void **state)
{
    (void)state;
    struct pr_error err = {0};
    struct timeout_priv priv = {0};
    /* Gi1/0/2 in VLAN 200: two VLAN contexts to ask, 100 first. */
    priv.walk = pr_snmp_source_open_walk(copy_recording("two-vlans.snmprec", 200), &err);
    assert_non_null(priv.walk);
    struct pr_snmp_source *src = pr_snmp_source_new(&timeout_ops, "timeout", &priv);
    assert_non_null(src);
    struct pr_switch sw;
    pr_switch_init(&sw, "pvst", "timeout");
    assert_int_equal(pr_driver_cisco.read_snmp(src, &sw, &err), 0);
    assert_int_equal(priv.contexts_asked, 1);
    const struct pr_fact *state1 = &port(&sw, "Gi1/0/1")->facts.stp_state;
    assert_false(state1->known);
    assert_string_equal(state1->evidence, "VLAN 100's spanning tree could not be read: no answer "
                                          "within 1 s for context 100");
    const struct pr_fact *state2 = &port(&sw, "Gi1/0/2")->facts.stp_state;
    assert_false(state2->known);
    assert_string_equal(state2->evidence, "VLAN 200's spanning tree could not be read: not asked "
                                          "after VLAN 100's context timed out");
    pr_switch_free(&sw);
    pr_snmp_source_close(src);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_missing_context_is_evidence),
        cmocka_unit_test(test_timeout_stops_asking),
    };
    return cmocka_run_group_tests(tests, make_tmpdir, remove_tmpdir);
}
