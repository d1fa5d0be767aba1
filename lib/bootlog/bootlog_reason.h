/* SPDX-License-Identifier: BSD-3-Clause */
/* The sentences of boot-log's report: why a boot got its verdict, and one
 * line per timeline row. Text from the logs (file names) is copied as it
 * is: the writers make it safe (util/safe_text.h). */
#ifndef PR_BOOTLOG_REASON_H
#define PR_BOOTLOG_REASON_H

#include <stddef.h>
#include <stdint.h>

#include "bootlog/bootlog_stage.h"

/* "10:21:03" or "10:21:03.250" (UTC) into buf (at least 16 bytes). */
void bootlog_clock_text(int64_t us, char *buf, size_t len);

/* Why boot b of c got its verdict, into buf. */
void bootlog_reason(const struct bootlog_boot *b, char *buf, size_t len);

/* What a row says: "DHCP 3 DISCOVER, ACK 10.77.0.50 (dnsmasq)" or
 * "TFTP undionly.kpxe sent (dnsmasq)", "HTTP /boot.ipxe 200", into buf. */
void bootlog_row_text(const struct bootlog_row *r, const struct bootlog_client *c, char *buf,
                      size_t len);

#endif
