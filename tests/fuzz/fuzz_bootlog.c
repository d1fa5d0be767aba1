/* SPDX-License-Identifier: BSD-3-Clause */
/* Fuzzes boot-log's reading: arbitrary bytes through the line splitter
 * (small line limit, so overlong lines are exercised too) into a timeline
 * (DHCP, TFTP and HTTP parsers), split at the first NUL into two input
 * files, then merged, joined and judged, and every boot's reason and row
 * written. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "bootlog/bootlog_reason.h"
#include "bootlog/bootlog_timeline.h"
#include "dhcplog/dhcplog_reader.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void feed(struct bootlog_timeline *t, const char *data, size_t size)
{
    struct dhcplog_splitter sp;
    if (bootlog_timeline_begin_file(t) != 0 ||
        dhcplog_splitter_init(&sp, 512, bootlog_timeline_line, bootlog_timeline_overlong, t,
                              NULL) != 0)
        return;
    dhcplog_splitter_feed(&sp, data, size);
    dhcplog_splitter_flush(&sp);
    dhcplog_splitter_free(&sp);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static struct bootlog_timeline t;
    bootlog_timeline_init(&t, (int64_t)1796170201 * DHCPLOG_US_PER_S);
    const char *text = (const char *)data;
    const char *nul = memchr(text, '\0', size);
    size_t first = nul != NULL ? (size_t)(nul - text) : size;
    feed(&t, text, first);
    if (nul != NULL)
        feed(&t, nul + 1, size - first - 1);
    if (bootlog_timeline_build(&t, NULL) == 0) {
        char buf[1024];
        for (size_t i = 0; i < t.n_clients; i++) {
            const struct bootlog_client *c = &t.clients[i];
            for (size_t b = 0; b < c->n_boots; b++) {
                bootlog_reason(&c->boots[b], buf, sizeof buf);
                for (size_t r = 0; r < c->boots[b].n_rows; r++)
                    bootlog_row_text(&c->boots[b].rows[r], c, buf, sizeof buf);
            }
        }
    }
    bootlog_timeline_free(&t);
    return 0;
}
