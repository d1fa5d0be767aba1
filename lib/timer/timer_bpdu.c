/* SPDX-License-Identifier: BSD-3-Clause */
#include "timer/timer_bpdu.h"

#include <arpa/inet.h>
#include <errno.h>
#include <net/if.h> /* before the linux/ headers */
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "timer/timer_priv.h"

/* The layout (Cisco's "Understanding Spanning-Tree Protocol BPDU formats",
 * IEEE 802.1D-2004 clause 9.3): LLC DSAP 0x42, SSAP 0x42, control 0x03, then
 * protocol identifier 0x0000, version, type, flags, root identifier (8),
 * root path cost (4), bridge identifier (8), port identifier (2), and the
 * timers in 1/256 s: message age, max age, hello time, forward delay. */
#define LLC_LEN           3
#define BPDU_CONFIG_LEN   35 /* from the protocol identifier on */
#define OFF_VERSION       2
#define OFF_TYPE          3
#define OFF_FLAGS         4
#define OFF_FORWARD_DELAY 33
#define TYPE_CONFIG       0x00
#define TYPE_RST          0x02
#define FLAG_LEARNING     0x10
#define FLAG_FORWARDING   0x20
#define MAX_FORWARD_DELAY (255 * 256) /* in 1/256 s */

bool timer_bpdu_parse(const uint8_t *buf, size_t len, struct timer_bpdu *out)
{
    if (len < LLC_LEN + BPDU_CONFIG_LEN || buf[0] != 0x42 || buf[1] != 0x42 || buf[2] != 0x03)
        return false;
    const uint8_t *b = buf + LLC_LEN;
    if (b[0] != 0 || b[1] != 0)
        return false;
    uint8_t type = b[OFF_TYPE];
    if (type != TYPE_CONFIG && type != TYPE_RST)
        return false;
    unsigned fd = (unsigned)b[OFF_FORWARD_DELAY] << 8 | b[OFF_FORWARD_DELAY + 1];
    if (fd < 256 || fd > MAX_FORWARD_DELAY)
        return false;
    memset(out, 0, sizeof *out);
    out->version = b[OFF_VERSION];
    out->rapid = type == TYPE_RST;
    out->learning = out->rapid && (b[OFF_FLAGS] & FLAG_LEARNING) != 0;
    out->forwarding = out->rapid && (b[OFF_FLAGS] & FLAG_FORWARDING) != 0;
    out->forward_delay_ns = (int64_t)fd * 1000000000 / 256;
    return true;
}

int timer_bpdu_socket(int ifindex, struct pr_error *err)
{
    int fd = timer_priv_packet_socket(ifindex, ETH_P_802_2, "BPDU", err);
    if (fd < 0)
        return -1;
    /* A real NIC drops the bridge group address unless asked for it. */
    struct packet_mreq mr = {.mr_ifindex = ifindex, .mr_type = PACKET_MR_MULTICAST, .mr_alen = 6};
    static const uint8_t group[6] = {0x01, 0x80, 0xc2, 0x00, 0x00, 0x00};
    memcpy(mr.mr_address, group, sizeof group);
    if (setsockopt(fd, SOL_PACKET, PACKET_ADD_MEMBERSHIP, &mr, sizeof mr) < 0) {
        int e = errno;
        close(fd);
        return pr_error_set(err, PR_ERR_IO, "BPDU socket: %s", strerror(e));
    }
    return fd;
}

int timer_bpdu_recv(int fd, struct timer_bpdu *out)
{
    uint8_t buf[1500];
    ssize_t n = recv(fd, buf, sizeof buf, 0);
    if (n < 0)
        return (errno == EAGAIN || errno == EWOULDBLOCK) ? -1 : 0;
    return timer_bpdu_parse(buf, (size_t)n, out) ? 1 : 0;
}
