/* SPDX-License-Identifier: BSD-3-Clause */
#include "timer/timer_safety.h"

#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>

#include "timer/timer_netlink.h"

bool timer_ssh_peer_parse(const char *ssh_connection, int *family, uint8_t addr[16])
{
    if (ssh_connection == NULL)
        return false;
    char first[64];
    size_t len = strcspn(ssh_connection, " ");
    if (len == 0 || len >= sizeof first || ssh_connection[len] != ' ')
        return false;
    memcpy(first, ssh_connection, len);
    first[len] = '\0';
    memset(addr, 0, 16);
    if (inet_pton(AF_INET, first, addr) == 1) {
        *family = AF_INET;
        return true;
    }
    if (inet_pton(AF_INET6, first, addr) == 1) {
        /* An IPv4-mapped client is routed as IPv4. */
        static const uint8_t mapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
        if (memcmp(addr, mapped, 12) == 0) {
            memmove(addr, addr + 12, 4);
            memset(addr + 4, 0, 12);
            *family = AF_INET;
        } else {
            *family = AF_INET6;
        }
        return true;
    }
    return false;
}

int timer_safety_check_ssh(const char *ssh_connection, int ifindex, const char *ifname,
                           struct pr_error *err)
{
    int family;
    uint8_t addr[16];
    if (!timer_ssh_peer_parse(ssh_connection, &family, addr))
        return 0;
    struct timer_route route;
    struct pr_error ignored;
    if (timer_route_get(family, addr, &route, &ignored) < 0)
        return 0; /* no route to the client: nothing of ours carries it */
    if (route.oif != ifindex)
        return 0;
    char text[INET6_ADDRSTRLEN];
    inet_ntop(family, addr, text, sizeof text);
    return pr_error_set(err, PR_ERR_USAGE,
                        "refusing to take %s down: your SSH connection from %s goes through it "
                        "(SSH_CONNECTION); run from a console or another interface, or add --force",
                        ifname, text);
}

int timer_safety_check_default_route(int ifindex, const char *ifname, struct pr_error *err)
{
    struct timer_default_route *routes = NULL;
    size_t n = 0;
    if (timer_default_routes(&routes, &n, err) < 0)
        return -1;
    int family = 0;
    const uint8_t *gw = NULL;
    bool only = timer_only_default_route(routes, n, ifindex, &family, &gw);
    char via[INET6_ADDRSTRLEN + 8] = "";
    static const uint8_t zero[16];
    if (only && gw != NULL && memcmp(gw, zero, family == AF_INET ? 4 : 16) != 0) {
        char text[INET6_ADDRSTRLEN];
        inet_ntop(family, gw, text, sizeof text);
        strcpy(via, " via ");
        strcat(via, text);
    }
    int rc = 0;
    if (only)
        rc = pr_error_set(err, PR_ERR_USAGE,
                          "refusing to take %s down: it carries the only %s default route%s; "
                          "add --force if you have another way in",
                          ifname, family == AF_INET ? "IPv4" : "IPv6", via);
    free(routes);
    return rc;
}
