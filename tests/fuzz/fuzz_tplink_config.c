/* SPDX-License-Identifier: BSD-3-Clause */
/* libFuzzer harness for the TP-Link configuration reader (tests/fuzz/fuzz_dialect.h). */
#include "fuzz_dialect.h"

#include "cli/cli_text.h"
#include "tplink/tplink.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const struct fuzz_dialect d = {tplink_config_read_as, tplink_snippet, cli_text_append};
    return fuzz_dialect_one(&d, data, size);
}
