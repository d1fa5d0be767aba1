/* SPDX-License-Identifier: BSD-3-Clause */
/* MAC spellings (util/mac.h) and the choice of a MAC's port among the
 * ports it is learned on (core/locate.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "core/locate.h"
#include "util/mac.h"

static void mac_spellings(void **state)
{
    (void)state;
    static const char *const same[] = {"52:54:00:12:03:01", "52-54-00-12-03-01",
                                       "5254.0012.0301",    "525400120301",
                                       "52:54:0:12:3:1",    "52:54:00:12:03:01"};
    for (size_t i = 0; i < sizeof same / sizeof same[0]; i++) {
        uint64_t mac = 0;
        assert_true(pr_mac_parse(same[i], &mac));
        assert_int_equal(mac, 0x525400120301ULL);
    }
    uint64_t upper;
    assert_true(pr_mac_parse("AA:BB:CC:DD:EE:FF", &upper));
    assert_int_equal(upper, 0xaabbccddeeffULL);
    static const char *const bad[] = {"",
                                      "zz",
                                      "52:54:00:12:03",
                                      "52:54:00:12:03:01:02",
                                      "5254.0012.030g",
                                      "52540012030",
                                      "5254001203011",
                                      "52-54-00-12-3-1",
                                      "52:54:00:12:03:01 ",
                                      "5254:0012:0301",
                                      "525400.120301",
                                      "52:54-00:12:03:01"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        uint64_t mac;
        assert_false(pr_mac_parse(bad[i], &mac));
    }
    char text[PR_MAC_TEXT];
    pr_mac_format(0x000b86a956c0ULL, text);
    assert_string_equal(text, "00:0b:86:a9:56:c0");
    uint8_t octets[6];
    pr_mac_octets(0x000b86a956c0ULL, octets);
    assert_int_equal(octets[0], 0x00);
    assert_int_equal(octets[3], 0xa9);
    assert_int_equal(octets[5], 0xc0);
}

/* The uplinks on its way never win; a server port wins over one of unknown
 * role; among equals, the port with fewer MACs. */
static void choice(void **state)
{
    (void)state;
    const struct locate_candidate transit[] = {
        {PR_ROLE_UPLINK, PR_FDB_LEARNED, 300},
        {PR_ROLE_UNKNOWN, PR_FDB_LEARNED, 1},
        {PR_ROLE_UPLINK, PR_FDB_NO_STATUS, 40},
    };
    assert_int_equal(locate_choose(transit, 3), 1);

    const struct locate_candidate only_uplinks[] = {
        {PR_ROLE_UPLINK, PR_FDB_LEARNED, 300},
        {PR_ROLE_UPLINK, PR_FDB_LEARNED, 2},
    };
    assert_int_equal(locate_choose(only_uplinks, 2), -1);
    assert_int_equal(locate_choose(only_uplinks, 0), -1);

    const struct locate_candidate server_first[] = {
        {PR_ROLE_UNKNOWN, PR_FDB_LEARNED, 1},
        {PR_ROLE_SERVER, PR_FDB_LEARNED, 3},
    };
    assert_int_equal(locate_choose(server_first, 2), 1);

    /* Two ports of unknown role: the edge-like one (fewest MACs); an
     * unknown count after a known one. */
    const struct locate_candidate fewest[] = {
        {PR_ROLE_UNKNOWN, PR_FDB_NO_STATUS, 0},
        {PR_ROLE_UNKNOWN, PR_FDB_NO_STATUS, 57},
        {PR_ROLE_UNKNOWN, PR_FDB_NO_STATUS, 2},
    };
    assert_int_equal(locate_choose(fewest, 3), 2);

    /* The switch's own address and an aged-out row are no port. */
    const struct locate_candidate own[] = {
        {PR_ROLE_UNKNOWN, PR_FDB_SELF, 0},
        {PR_ROLE_UNKNOWN, PR_FDB_INVALID, 1},
        {PR_ROLE_UNKNOWN, PR_FDB_MGMT, 1},
    };
    assert_int_equal(locate_choose(own, 3), -1);

    /* Ties keep the first. */
    const struct locate_candidate tie[] = {
        {PR_ROLE_SERVER, PR_FDB_LEARNED, 1},
        {PR_ROLE_SERVER, PR_FDB_LEARNED, 1},
    };
    assert_int_equal(locate_choose(tie, 2), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(mac_spellings),
        cmocka_unit_test(choice),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
