/* SPDX-License-Identifier: BSD-3-Clause */
/* libFuzzer harness: arbitrary bytes as a NETCONF server's stream through
 * the relay's checks (netconf/frames.h). The first byte picks the size of
 * the pieces it arrives in (the rest is the stream) and the cap; fed
 * whole or in pieces, the checks must agree. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "netconf/frames.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    size_t piece = 1 + data[0] % 17;
    size_t cap = data[0] & 0x80 ? size / 2 + 1 : size;
    const char *stream = (const char *)data + 1;
    size_t n = size - 1;
    static struct netconf_frames whole, pieces;
    netconf_frames_init(&whole, cap);
    netconf_frames_init(&pieces, cap);
    int rc_whole = netconf_frames_feed(&whole, stream, n);
    int rc = 0;
    for (size_t at = 0; at < n && rc == 0; at += piece)
        rc = netconf_frames_feed(&pieces, stream + at, n - at < piece ? n - at : piece);
    if (rc != rc_whole || whole.received > cap || pieces.received > cap)
        __builtin_trap();
    if (rc == 0 && (whole.messages != pieces.messages || whole.received != n))
        __builtin_trap();
    /* The byte cap may trip at a different piece; any other reason agrees. */
    if (rc != 0 && (whole.error[0] == '\0' || pieces.error[0] == '\0'))
        __builtin_trap();
    if (rc != 0 && strncmp(whole.error, "XML", 3) == 0 && strcmp(whole.error, pieces.error) != 0)
        __builtin_trap();
    return 0;
}
