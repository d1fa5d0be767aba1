/* SPDX-License-Identifier: BSD-3-Clause */
/* libFuzzer harness for the FastIron (Ruckus/Brocade ICX) configuration reader
 * (tests/fuzz/fuzz_dialect.h). */
#include "fuzz_dialect.h"

#include "cli/cli_text.h"
#include "ruckus/ruckus.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const struct fuzz_dialect d = {ruckus_config_read_as, ruckus_snippet,
                                          ruckus_config_apply};
    return fuzz_dialect_one(&d, data, size);
}
