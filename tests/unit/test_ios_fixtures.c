/* SPDX-License-Identifier: BSD-3-Clause */
/* Real running-configs from ../shared/fixtures/configs through the IOS-style
 * interpreter: the Cisco and Arista files parse, and a few ports per file
 * are asserted against verdicts derived by hand from the statements quoted
 * beside each assertion. Then every fix snippet is proven: merged into the
 * configuration text and re-judged, its finding is gone. */
#include "dialect_test_util.h"

#include "cisco/ios.h"

#define CONFIGS PR_FIXTURES "/configs/"

static const struct dt_dialect ios = {
    .driver = &pr_driver_cisco,
    .read = ios_config_read,
    .apply = ios_config_merge,
    .comment = '!',
};

/* Reads a fixture into sw and judges every port; skips when absent. */
static char *load(const char *name, struct pr_switch *sw, size_t *len)
{
    return dt_load(&ios, CONFIGS, name, true, sw, len);
}

static void test_arista_show_run_all(void **state)
{
    (void)state;
    struct pr_switch sw;
    size_t len;
    char *text = load("batfish__arista_interface_show_run_all", &sw, &len);
    /* "!RANCID-CONTENT-TYPE: arista", "! device: ... (DCS-7260CX-64, EOS-4.19.1F)" */
    assert_int_equal(ios_switch_platform(&sw), IOS_PLATFORM_EOS);
    /* No spanning-tree mode in the excerpt: EOS default MSTP. */
    dt_fact(&sw.stp.mode, PR_MODE_MSTP);
    /* Ethernet1/1, Ethernet1/2; Loopback0 and Management1 are not ports. */
    assert_int_equal(sw.n_ports, 2);

    /* Ethernet1/1: "no switchport" (routed, no STP), "no shutdown", and of
     * the eight speed lines the last, "speed 100full", holds. Ready. */
    struct pr_port *e11 = dt_port(&sw, "Ethernet1/1");
    dt_fact(&e11->facts.stp_enabled, 0);
    dt_fact(&e11->facts.admin_status, PR_IF_UP);
    dt_fact(&e11->facts.speed_mbps, 100);
    dt_fact(&e11->facts.autoneg, 0);
    assert_int_equal(e11->verdict, PR_VERDICT_READY);

    /* Ethernet1/2: "switchport mode access", "switchport access vlan 1",
     * "no spanning-tree portfast" then "spanning-tree portfast auto":
     * edge auto -> stp-edge-auto warning, 3 s blackout. */
    struct pr_port *e12 = dt_port(&sw, "Ethernet1/2");
    dt_fact(&e12->facts.edge, PR_EDGE_AUTO);
    dt_fact(&e12->facts.access_vlan, 1);
    dt_fact(&e12->facts.trunk, 0);
    dt_fact(&e12->facts.bpdu_guard, 0); /* "no spanning-tree bpduguard" */
    assert_int_equal(e12->verdict, PR_VERDICT_WARNING);
    assert_true(dt_has(e12, PR_F_STP_EDGE_AUTO));
    assert_int_equal(e12->expected_blackout_s.value, 3);
    pr_switch_free(&sw);
    free(text);
}

static void test_arista_show_run_all_3(void **state)
{
    (void)state;
    struct pr_switch sw;
    size_t len;
    char *text = load("batfish__arista_interface_show_run_all_3", &sw, &len);
    assert_int_equal(ios_switch_platform(&sw), IOS_PLATFORM_EOS);
    assert_int_equal(sw.n_ports, 2); /* Ethernet1/1, Ethernet1/3 */
    /* Ethernet1/1: "speed forced 100gfull", "no switchport": ready. */
    struct pr_port *e11 = dt_port(&sw, "Ethernet1/1");
    dt_fact(&e11->facts.speed_mbps, 100000);
    dt_fact(&e11->facts.stp_enabled, 0);
    assert_int_equal(e11->verdict, PR_VERDICT_READY);
    /* Ethernet1/3: "no spanning-tree portfast", "spanning-tree portfast
     * auto", "no shutdown", access VLAN 1: warning. */
    struct pr_port *e13 = dt_port(&sw, "Ethernet1/3");
    dt_fact(&e13->facts.edge, PR_EDGE_AUTO);
    dt_fact(&e13->facts.admin_status, PR_IF_UP);
    assert_int_equal(e13->verdict, PR_VERDICT_WARNING);
    pr_switch_free(&sw);
    free(text);
}

static void test_arista_oxidized(void **state)
{
    (void)state;
    struct pr_switch sw;
    size_t len;
    char *text = load("oxidized__eos_DCS-7050SX3-48YC8_4.29.2F_output.txt", &sw, &len);
    /* "! device: eos-test-01 (DCS-7050SX3-48YC8, EOS-4.29.2F)",
     * "spanning-tree mode mstp"; only Management1 is configured. */
    assert_int_equal(ios_switch_platform(&sw), IOS_PLATFORM_EOS);
    dt_fact(&sw.stp.mode, PR_MODE_MSTP);
    assert_string_equal(sw.stp.mode.evidence, "spanning-tree mode mstp (line 18)");
    assert_int_equal(sw.n_ports, 0);
    pr_switch_free(&sw);
    free(text);
}

static void test_nxos_sample(void **state)
{
    (void)state;
    struct pr_switch sw;
    size_t len;
    char *text = load("ciscoconfparse2__sample_01.nxos", &sw, &len);
    /* "version 6.2(12)", no spanning-tree mode: NX-OS default Rapid PVST+. */
    assert_int_equal(ios_switch_platform(&sw), IOS_PLATFORM_NXOS);
    dt_fact(&sw.stp.mode, PR_MODE_RAPID_PVST);
    assert_int_equal(sw.n_ports, 42); /* the 42 `interface EthernetX/Y` blocks */

    /* Ethernet7/23: "channel-group 80 mode active", "no shutdown";
     * interface port-channel80 has no "no lacp suspend-individual" (NX-OS
     * default: suspend) -> lacp-no-fallback, not ready. The port has no
     * `switchport` where Ethernet2/1 carries one: routed, no STP. */
    struct pr_port *e723 = dt_port(&sw, "Ethernet7/23");
    dt_fact(&e723->facts.lacp_member, 1);
    dt_fact(&e723->facts.lacp_fallback, 0);
    dt_fact(&e723->facts.stp_enabled, 0);
    assert_int_equal(e723->verdict, PR_VERDICT_NOT_READY);
    assert_true(dt_has(e723, PR_F_LACP_NO_FALLBACK));

    /* Ethernet2/14: "switchport" and nothing else; NX-OS prints "no
     * shutdown" only where the default is shut (Ethernet1/48 has it), so
     * this port is shut; no port type edge: stp-not-edge too. */
    struct pr_port *e214 = dt_port(&sw, "Ethernet2/14");
    dt_fact(&e214->facts.admin_status, PR_IF_DOWN);
    dt_fact(&e214->facts.edge, PR_EDGE_NO);
    assert_true(dt_has(e214, PR_F_ADMIN_DOWN));
    assert_true(dt_has(e214, PR_F_STP_NOT_EDGE));
    assert_int_equal(e214->verdict, PR_VERDICT_NOT_READY);

    /* Ethernet2/1: "switchport mode fex-fabric", "channel-group 112" (no
     * mode: static), "no shutdown": a FEX uplink, no STP, no LACP: ready. */
    struct pr_port *e21 = dt_port(&sw, "Ethernet2/1");
    dt_fact(&e21->facts.lacp_member, 0);
    dt_fact(&e21->facts.stp_enabled, 0);
    dt_fact(&e21->facts.admin_status, PR_IF_UP);
    assert_int_equal(e21->verdict, PR_VERDICT_READY);
    pr_switch_free(&sw);
    free(text);
}

/* HPE Comware, Broadcom EFOS, FS FSOS, Ruckus IronWare and TP-Link: the
 * reader takes their lines, the interpreter declines them by name. */
static void test_other_vendors_declined(void **state)
{
    (void)state;
    static const char *const files[] = {
        "ciscoconfparse2__HP_Procurve.conf",
        "oxidized__efos_BES-53248_3.12.0.1_output.txt",
        "oxidized__fsos_S3400-48T4SP_2.0.2J-120538_output.txt",
        "oxidized__ironware_ICX7150-48Z-HPOE_output.txt",
        "oxidized__tplink_DS-P7001-08_1.0.0_output.txt",
        "ciscoconfparse2__sample_03.junos",
        "tgmanage__distro3_clean_generated.conf",
    };
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        char path[512];
        size_t len;
        snprintf(path, sizeof path, CONFIGS "%s", files[i]);
        char *text = dt_slurp(path, &len);
        if (text == NULL) {
            print_message("fixture %s absent: skipped\n", path);
            skip();
        }
        struct ios_config *cfg;
        struct pr_error err = {0};
        assert_int_equal(ios_config_parse(text, len, files[i], &cfg, &err), 0);
        assert_int_equal(cfg->platform.platform, IOS_PLATFORM_UNKNOWN);
        ios_config_free(cfg);
        struct pr_switch sw;
        pr_switch_init(&sw, "x", path);
        assert_int_equal(ios_config_read(text, len, files[i], &sw, &err), -1);
        assert_int_equal(err.code, PR_ERR_UNSUPPORTED);
        pr_switch_free(&sw);
        free(text);
    }
}

/* ---- merge and re-judge ---- */

/* An IOS-XE and an IOS configuration written to raise every finding a
 * configuration can show: not edge, trunk without `portfast trunk`,
 * legacy PVST+, no fallback, shut, auto-negotiation, no BPDU guard. */
static const char ios_xe_text[] = "version 17.6\n"
                                  "spanning-tree mode pvst\n"
                                  "!\n"
                                  "interface Port-channel5\n"
                                  " switchport mode access\n"
                                  "!\n"
                                  "interface GigabitEthernet1/0/1\n"
                                  " switchport access vlan 10\n"
                                  " switchport mode access\n"
                                  "!\n"
                                  "interface GigabitEthernet1/0/2\n"
                                  " switchport mode trunk\n"
                                  " spanning-tree portfast\n"
                                  "!\n"
                                  "interface GigabitEthernet1/0/3\n"
                                  " switchport mode access\n"
                                  " channel-group 5 mode active\n"
                                  "!\n"
                                  "interface GigabitEthernet1/0/4\n"
                                  " channel-group 6 mode passive\n"
                                  " shutdown\n"
                                  " spanning-tree portfast edge\n"
                                  "!\n"
                                  "interface TwentyFiveGigE1/0/5\n"
                                  " speed auto\n"
                                  "!\n"
                                  "end\n";

static const char ios_text[] = "version 15.2\n"
                               "interface FastEthernet0/1\n"
                               " speed 100\n"
                               " spanning-tree portfast disable\n"
                               "interface GigabitEthernet0/1\n"
                               " switchport mode trunk\n"
                               " switchport trunk native vlan 20\n";

static const char nxos_text[] = "version 9.3(5)\n"
                                "interface Ethernet1/1\n"
                                "  switchport\n"
                                "  switchport mode trunk\n"
                                "  spanning-tree port type edge\n"
                                "  speed auto\n"
                                "  no shutdown\n";

static const char eos_text[] = "! device: leaf (DCS-7050SX3-48YC8, EOS-4.29.2F)\n"
                               "interface Ethernet3\n"
                               "   no spanning-tree portfast auto\n"
                               "   channel-group 9 mode active\n"
                               "   speed auto 10000full\n"
                               /* EOS's default, portfast auto: stp-edge-auto. */
                               "interface Ethernet4\n"
                               "   switchport access vlan 100\n";

static void test_merge_and_rejudge_every_finding(void **state)
{
    (void)state;
    struct dt_count count;
    memset(&count, 0, sizeof count);
    static const char *const fixtures[] = {
        "batfish__arista_interface_show_run_all",
        "batfish__arista_interface_show_run_all_3",
        "oxidized__eos_DCS-7050SX3-48YC8_4.29.2F_output.txt",
        "ciscoconfparse2__sample_01.nxos",
    };
    /* Without and with an expected provisioning VLAN (100, which no port
     * has: every switch port then also has vlan-mismatch). */
    for (int pass = 0; pass < 2; pass++) {
        int64_t vlan = pass == 0 ? -1 : 100;
        for (size_t i = 0; i < sizeof fixtures / sizeof fixtures[0]; i++) {
            char path[512];
            size_t len;
            snprintf(path, sizeof path, CONFIGS "%s", fixtures[i]);
            char *text = dt_slurp(path, &len);
            if (text == NULL) {
                print_message("fixture %s absent: only the written configurations\n", path);
                continue;
            }
            dt_rejudge_all(&ios, fixtures[i], text, len, vlan, &count);
            free(text);
        }
        dt_rejudge_all(&ios, "ios-xe", ios_xe_text, strlen(ios_xe_text), vlan, &count);
        dt_rejudge_all(&ios, "ios", ios_text, strlen(ios_text), vlan, &count);
        dt_rejudge_all(&ios, "nx-os", nxos_text, strlen(nxos_text), vlan, &count);
        dt_rejudge_all(&ios, "eos", eos_text, strlen(eos_text), vlan, &count);
    }
    print_message("%u findings, %u proven gone after their fix\n", count.findings, count.proven);
    /* Only the written NX-OS configuration's Ethernet1/1 "speed auto" (the
     * name does not tell the rate) gets advice instead of a statement, once
     * per pass, with or without the fixtures. */
    assert_int_equal(count.advised, 2);
    assert_int_equal(count.findings, count.proven + count.advised);
    /* The written configurations raise each fixable finding at least once. */
    static const enum pr_finding_id expected[] = {
        PR_F_ADMIN_DOWN,    PR_F_STP_NOT_EDGE,           PR_F_STP_LEGACY_MODE,
        PR_F_STP_EDGE_AUTO, PR_F_PORTFAST_TRUNK_MISSING, PR_F_LACP_NO_FALLBACK,
        PR_F_AUTONEG_ON,    PR_F_BPDU_GUARD_OFF,         PR_F_VLAN_MISMATCH,
    };
    for (size_t i = 0; i < sizeof expected / sizeof expected[0]; i++) {
        if (count.per_id[expected[i]] == 0)
            fail_msg("no %s finding was exercised", pr_finding_id_name(expected[i]));
    }
}

/* ---- the block of every fix, and the uplinks it must not touch ---- */

/* Evidence without its line numbers: a merge moves the lines below it. */
static void without_lines(char *dst, size_t len, const char *src)
{
    size_t n = 0;
    for (const char *p = src; *p && n + 1 < len; p++) {
        if (strncmp(p, "line ", 5) == 0 && p[5] >= '0' && p[5] <= '9') {
            dst[n++] = 'L';
            p += 5;
            while (p[1] >= '0' && p[1] <= '9')
                p++;
            continue;
        }
        dst[n++] = *p;
    }
    dst[n] = '\0';
}

/* Whether every fact of a and b (value, known, evidence but for its line
 * numbers) is the same. */
static bool same_facts(const struct pr_port *a, const struct pr_port *b, char *why, size_t len)
{
    const struct pr_fact *fa = (const struct pr_fact *)&a->facts;
    const struct pr_fact *fb = (const struct pr_fact *)&b->facts;
    size_t n = offsetof(struct pr_port_facts, err_disabled_cause) / sizeof(struct pr_fact);
    for (size_t k = 0; k < n; k++) {
        char ea[PR_EVIDENCE_MAX], eb[PR_EVIDENCE_MAX];
        without_lines(ea, sizeof ea, fa[k].evidence);
        without_lines(eb, sizeof eb, fb[k].evidence);
        if (fa[k].known != fb[k].known || (fa[k].known && fa[k].value != fb[k].value) ||
            strcmp(ea, eb) != 0) {
            snprintf(why, len, "fact %zu: %d/%lld \"%s\" became %d/%lld \"%s\"", k, fa[k].known,
                     (long long)fa[k].value, fa[k].evidence, fb[k].known, (long long)fb[k].value,
                     fb[k].evidence);
            return false;
        }
    }
    return true;
}

/* Whether the block names the interface (a whole word). */
static bool block_names(const char *block, const char *name)
{
    size_t n = strlen(name);
    for (const char *p = strstr(block, name); p != NULL; p = strstr(p + 1, name)) {
        char after = p[n];
        if ((p == block || p[-1] == ' ' || p[-1] == '\n') &&
            (after == '\0' || after == '\n' || after == ' '))
            return true;
    }
    return false;
}

/* Every third port stands in for an uplink (a configuration shows no
 * neighbour: the role comes from LLDP, CDP or the spanning tree). The
 * switch's block, as the survey writes it, is merged into the
 * configuration at once: afterwards every finding the block fixes is gone
 * from the other ports, and every uplink reads exactly as before. */
static unsigned block_and_uplinks(const char *name, const char *text, size_t len,
                                  int64_t expect_vlan, unsigned *uplinks)
{
    struct pr_switch sw;
    pr_switch_init(&sw, name, name);
    struct pr_error err = {0};
    if (ios_config_read(text, len, name, &sw, &err) != 0)
        fail_msg("%s: %s", name, err.msg);
    for (size_t i = 0; i < sw.n_ports; i++) {
        sw.ports[i].expect_vlan = expect_vlan;
        if (i % 3 == 1)
            pr_role_add_signal(&sw.ports[i].role, PR_ROLE_UPLINK, "the test's uplink",
                               "every third port stands in for an LLDP bridge neighbour");
    }
    /* A member's role is its bundle's (channel-group): the others of a
     * bundle with an uplink in it are uplinks too. */
    roles_assign(&sw);
    for (size_t i = 0; i < sw.n_ports; i++)
        *uplinks += sw.ports[i].role.role == PR_ROLE_UPLINK;
    rules_judge_switch(&sw);
    survey_write_fixes(&pr_driver_cisco, &sw);
    unsigned fixed = 0;
    if (sw.fix.text == NULL) {
        pr_switch_free(&sw);
        return 0;
    }
    for (size_t i = 0; i < sw.n_ports; i++) {
        const struct pr_port *p = &sw.ports[i];
        if (p->role.role != PR_ROLE_UPLINK)
            continue;
        if (block_names(sw.fix.text, p->name) ||
            (p->descr[0] && block_names(sw.fix.text, p->descr)))
            fail_msg("%s: the block names uplink %s:\n%s", name, p->name, sw.fix.text);
        for (size_t k = 0; k < p->n_findings; k++) {
            const struct pr_finding *f = &p->findings[k];
            if (f->id == PR_F_STP_NOT_EDGE || f->id == PR_F_PORTFAST_TRUNK_MISSING ||
                f->id == PR_F_STP_EDGE_AUTO || f->id == PR_F_BPDU_GUARD_OFF ||
                f->id == PR_F_VLAN_MISMATCH || f->id == PR_F_LACP_NO_FALLBACK) {
                if (f->fix[0] != '\0')
                    fail_msg("%s: uplink %s got a %s fix: %s", name, p->name,
                             pr_finding_id_name(f->id), f->fix);
            }
        }
    }
    char *merged;
    size_t merged_len;
    if (ios_config_merge(text, len, sw.fix.text, &merged, &merged_len, &err) != 0)
        fail_msg("merge: %s", err.msg);
    struct pr_switch again;
    pr_switch_init(&again, name, name);
    if (ios_config_read(merged, merged_len, name, &again, &err) != 0)
        fail_msg("%s after merging the block: %s\n%s", name, err.msg, sw.fix.text);
    for (size_t i = 0; i < sw.n_ports; i++) {
        const struct pr_port *p = &sw.ports[i];
        struct pr_port *q = pr_switch_find_name(&again, p->name);
        assert_non_null(q);
        q->expect_vlan = expect_vlan;
        char why[PR_EVIDENCE_MAX * 3];
        if (p->role.role == PR_ROLE_UPLINK) {
            if (!same_facts(p, q, why, sizeof why))
                fail_msg("%s: the block changed uplink %s: %s\n%s", name, p->name, why,
                         sw.fix.text);
            continue;
        }
        rules_judge_port(&again, q);
        for (size_t k = 0; k < p->n_findings; k++) {
            const struct pr_finding *f = &p->findings[k];
            if (f->fix[0] == '\0' || f->fix[0] == '!' || f->severity == PR_SEV_INFO)
                continue; /* nothing to configure, advice, or optional (not in the block) */
            if (dt_has(q, f->id))
                fail_msg("%s %s: %s still there after the block\n%s", name, p->name,
                         pr_finding_id_name(f->id), sw.fix.text);
            fixed++;
        }
    }
    pr_switch_free(&again);
    free(merged);
    pr_switch_free(&sw);
    return fixed;
}

static void test_block_fixes_all_and_spares_uplinks(void **state)
{
    (void)state;
    static const char *const fixtures[] = {
        "batfish__arista_interface_show_run_all",
        "batfish__arista_interface_show_run_all_3",
        "oxidized__eos_DCS-7050SX3-48YC8_4.29.2F_output.txt",
        "ciscoconfparse2__sample_01.nxos",
    };
    unsigned fixed = 0, uplinks = 0;
    for (int pass = 0; pass < 2; pass++) {
        int64_t vlan = pass == 0 ? -1 : 100;
        for (size_t i = 0; i < sizeof fixtures / sizeof fixtures[0]; i++) {
            char path[512];
            size_t len;
            snprintf(path, sizeof path, CONFIGS "%s", fixtures[i]);
            char *text = dt_slurp(path, &len);
            if (text == NULL)
                continue;
            fixed += block_and_uplinks(fixtures[i], text, len, vlan, &uplinks);
            free(text);
        }
        fixed += block_and_uplinks("ios-xe", ios_xe_text, strlen(ios_xe_text), vlan, &uplinks);
        fixed += block_and_uplinks("ios", ios_text, strlen(ios_text), vlan, &uplinks);
        fixed += block_and_uplinks("nx-os", nxos_text, strlen(nxos_text), vlan, &uplinks);
        fixed += block_and_uplinks("eos", eos_text, strlen(eos_text), vlan, &uplinks);
    }
    print_message("%u findings fixed by the blocks at once, %u uplinks untouched\n", fixed,
                  uplinks);
    assert_true(fixed > 0);
    assert_true(uplinks > 0);
}

/* The block of the written IOS-XE configuration, as one pastes it: the
 * mode change first and marked, one interface block per interface. */
static void test_ios_block_text(void **state)
{
    (void)state;
    struct pr_switch sw;
    pr_switch_init(&sw, "ios-xe", "ios-xe");
    struct pr_error err = {0};
    assert_int_equal(ios_config_read(ios_xe_text, strlen(ios_xe_text), "ios-xe", &sw, &err), 0);
    for (size_t i = 0; i < sw.n_ports; i++)
        sw.ports[i].expect_vlan = 100;
    /* Gi1/0/2 (a trunk with plain portfast) is the uplink here. */
    pr_role_add_signal(&pr_switch_find_name(&sw, "GigabitEthernet1/0/2")->role, PR_ROLE_UPLINK,
                       "LLDP neighbour core1, bridge", "x");
    roles_assign(&sw);
    rules_judge_switch(&sw);
    survey_write_fixes(&pr_driver_cisco, &sw);
    assert_non_null(sw.fix.text);
    assert_true(sw.fix.paste);
    assert_string_equal(sw.fix.switch_wide, "spanning-tree mode rapid-pvst\n");
    /* Gi1/0/1: not edge, VLAN 10; Gi1/0/3: VLAN 1, in Port-channel5 without
     * fallback, and not edge from it (interface Port-channel5 has no
     * spanning-tree portfast, there is no global default): its edge fix goes
     * on Port-channel5; Gi1/0/4: shut, VLAN 1, in Port-channel6, which the
     * text does not configure (its own portfast edge stands);
     * TwentyFiveGigE1/0/5: not edge, VLAN 1. The info findings (Gi1/0/4's
     * BPDU guard, 1/0/5's speed auto) stay out. */
    assert_string_equal(sw.fix.text,
                        "! switch-wide and disruptive: the whole switch reconverges; schedule it\n"
                        "spanning-tree mode rapid-pvst\n"
                        "!\n"
                        "interface GigabitEthernet1/0/1\n"
                        " spanning-tree portfast edge\n"
                        " switchport access vlan 100\n"
                        "interface Port-channel5\n"
                        " spanning-tree portfast edge\n"
                        " no port-channel standalone-disable\n"
                        "interface GigabitEthernet1/0/3\n"
                        " switchport access vlan 100\n"
                        "interface GigabitEthernet1/0/4\n"
                        " no shutdown\n"
                        " switchport access vlan 100\n"
                        "interface Port-channel6\n"
                        " no port-channel standalone-disable\n"
                        "interface TwentyFiveGigE1/0/5\n"
                        " spanning-tree portfast edge\n"
                        " switchport access vlan 100\n");
    assert_null(strstr(sw.fix.text, "GigabitEthernet1/0/2"));
    pr_switch_free(&sw);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_arista_show_run_all),
        cmocka_unit_test(test_arista_show_run_all_3),
        cmocka_unit_test(test_arista_oxidized),
        cmocka_unit_test(test_nxos_sample),
        cmocka_unit_test(test_other_vendors_declined),
        cmocka_unit_test(test_merge_and_rejudge_every_finding),
        cmocka_unit_test(test_block_fixes_all_and_spares_uplinks),
        cmocka_unit_test(test_ios_block_text),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
