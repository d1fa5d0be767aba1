/* SPDX-License-Identifier: BSD-3-Clause */
/* portready time's words for what it records (routes, multipath, nhid,
 * nexthop objects, neighbours), on messages built here byte by byte as the
 * kernel dumps them, and the CapEff test of the lock's holder. */
#include <arpa/inet.h>
#include <linux/neighbour.h>
#include <linux/netlink.h>
#include <linux/nexthop.h>
#include <linux/rtnetlink.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "timer/timer_lock.h"
#include "timer/timer_netlink.h"

/* A message under construction, aligned as the kernel's. */
struct msg {
    _Alignas(struct nlmsghdr) char buf[512];
};

static struct nlmsghdr *begin(struct msg *m, uint16_t type, size_t head)
{
    memset(m, 0, sizeof *m);
    struct nlmsghdr *h = (struct nlmsghdr *)m->buf;
    h->nlmsg_type = type;
    h->nlmsg_len = (uint32_t)NLMSG_LENGTH(head);
    return h;
}

static struct rtattr *add(struct nlmsghdr *h, unsigned short type, const void *data, size_t len)
{
    struct rtattr *a = (struct rtattr *)((char *)h + NLMSG_ALIGN(h->nlmsg_len));
    a->rta_type = type;
    a->rta_len = (unsigned short)RTA_LENGTH(len);
    if (len > 0)
        memcpy(RTA_DATA(a), data, len);
    h->nlmsg_len = (uint32_t)(NLMSG_ALIGN(h->nlmsg_len) + RTA_ALIGN(a->rta_len));
    return a;
}

static void add_v4(struct nlmsghdr *h, unsigned short type, const char *text)
{
    struct in_addr a;
    inet_pton(AF_INET, text, &a);
    add(h, type, &a, 4);
}

static void add_u32(struct nlmsghdr *h, unsigned short type, uint32_t v)
{
    add(h, type, &v, 4);
}

/* Interface index 1 is lo in every network namespace. */
static void test_route_words(void **state)
{
    (void)state;
    struct msg m;
    struct nlmsghdr *h = begin(&m, RTM_NEWROUTE, sizeof(struct rtmsg));
    struct rtmsg *rtm = NLMSG_DATA(h);
    rtm->rtm_family = AF_INET;
    rtm->rtm_dst_len = 24;
    rtm->rtm_table = 100;
    add_u32(h, RTA_TABLE, 100);
    add_v4(h, RTA_DST, "198.51.100.0");
    add_v4(h, RTA_GATEWAY, "10.77.0.1");
    add_u32(h, RTA_OIF, 1);
    char words[256];
    timer_describe(h, words, sizeof words);
    assert_string_equal(words, "route 198.51.100.0/24 table 100 via 10.77.0.1 dev lo");

    /* Multipath: two nexthops, rtnh_hops 1 is weight 2 (ip route's
     * "weight" is hops + 1), flags (dead, linkdown) left out. */
    h = begin(&m, RTM_NEWROUTE, sizeof(struct rtmsg));
    rtm = NLMSG_DATA(h);
    rtm->rtm_family = AF_INET;
    rtm->rtm_dst_len = 24;
    rtm->rtm_table = RT_TABLE_MAIN;
    add_v4(h, RTA_DST, "203.0.113.0");
    struct {
        struct rtnexthop nh;
        struct rtattr gw;
        struct in_addr addr;
    } hops[2];
    memset(hops, 0, sizeof hops);
    const char *gws[2] = {"10.77.0.1", "10.77.0.254"};
    for (int i = 0; i < 2; i++) {
        hops[i].nh.rtnh_len = sizeof hops[i];
        hops[i].nh.rtnh_ifindex = 1;
        hops[i].nh.rtnh_hops = (unsigned char)(1 - i);
        hops[i].nh.rtnh_flags = i == 0 ? RTNH_F_DEAD | RTNH_F_LINKDOWN : 0;
        hops[i].gw.rta_type = RTA_GATEWAY;
        hops[i].gw.rta_len = RTA_LENGTH(4);
        inet_pton(AF_INET, gws[i], &hops[i].addr);
    }
    add(h, RTA_MULTIPATH, hops, sizeof hops);
    timer_describe(h, words, sizeof words);
    assert_string_equal(words, "route 203.0.113.0/24 nexthop via 10.77.0.1 dev lo weight 2 "
                               "nexthop via 10.77.0.254 dev lo weight 1");

    /* Through a nexthop object: the id stands for the nexthops the kernel
     * also dumps beside it. */
    h = begin(&m, RTM_NEWROUTE, sizeof(struct rtmsg));
    rtm = NLMSG_DATA(h);
    rtm->rtm_family = AF_INET;
    rtm->rtm_dst_len = 25;
    rtm->rtm_table = RT_TABLE_MAIN;
    add_v4(h, RTA_DST, "192.0.2.128");
    add_u32(h, RTA_PRIORITY, 20);
    add_u32(h, RTA_NH_ID, 20);
    add_v4(h, RTA_GATEWAY, "10.77.0.1");
    add_u32(h, RTA_OIF, 1);
    timer_describe(h, words, sizeof words);
    assert_string_equal(words, "route 192.0.2.128/25 metric 20 nhid 20");
}

static void test_nexthop_and_neighbour_words(void **state)
{
    (void)state;
    struct msg m;
    struct nlmsghdr *h = begin(&m, RTM_NEWNEXTHOP, sizeof(struct nhmsg));
    ((struct nhmsg *)NLMSG_DATA(h))->nh_family = AF_INET;
    add_u32(h, NHA_ID, 10);
    add_v4(h, NHA_GATEWAY, "10.77.0.1");
    add_u32(h, NHA_OIF, 1);
    char words[256];
    timer_describe(h, words, sizeof words);
    assert_string_equal(words, "nexthop id 10 via 10.77.0.1 dev lo");

    /* A group: members 10 (weight field 2, ip's weight 3) and 12 (0: 1). */
    h = begin(&m, RTM_NEWNEXTHOP, sizeof(struct nhmsg));
    add_u32(h, NHA_ID, 21);
    struct nexthop_grp g[2];
    memset(g, 0, sizeof g);
    g[0].id = 10;
    g[0].weight = 2;
    g[1].id = 12;
    add(h, NHA_GROUP, g, sizeof g);
    timer_describe(h, words, sizeof words);
    assert_string_equal(words, "nexthop id 21 group 10,3/12,1");

    h = begin(&m, RTM_NEWNEIGH, sizeof(struct ndmsg));
    struct ndmsg *nd = NLMSG_DATA(h);
    nd->ndm_family = AF_INET;
    nd->ndm_ifindex = 1;
    nd->ndm_state = NUD_PERMANENT;
    add_v4(h, NDA_DST, "10.77.0.50");
    const uint8_t mac[6] = {0x02, 0, 0, 0, 0, 0x50};
    add(h, NDA_LLADDR, mac, sizeof mac);
    timer_describe(h, words, sizeof words);
    assert_string_equal(words, "neighbour 10.77.0.50 lladdr 02:00:00:00:00:50 dev lo permanent");
}

/* CapEff is a hex mask; CAP_NET_ADMIN is bit 12 (0x1000) in
 * linux/capability.h. */
static void test_lock_holder_caps(void **state)
{
    (void)state;
    assert_true(timer_lock_status_has_net_admin("\nName:\tx\nCapEff:\t0000000000001000\n"));
    assert_true(timer_lock_status_has_net_admin("\nCapEff:\t000001ffffffffff\n"));
    assert_false(timer_lock_status_has_net_admin("\nCapEff:\t0000000000000000\n"));
    /* CAP_NET_RAW (13, 0x2000) alone cannot take a link down. */
    assert_false(timer_lock_status_has_net_admin("\nCapEff:\t0000000000002000\n"));
    assert_false(timer_lock_status_has_net_admin("\nName:\tx\n"));
    assert_false(timer_lock_status_has_net_admin("\nCapEff:\tzz\n"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_route_words),
        cmocka_unit_test(test_nexthop_and_neighbour_words),
        cmocka_unit_test(test_lock_holder_caps),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
