/* SPDX-License-Identifier: BSD-3-Clause */
/* libFuzzer harness for the FASTPATH (EFOS) configuration reader (tests/fuzz/fuzz_dialect.h). */
#include "fuzz_dialect.h"

#include "cli/cli_text.h"
#include "fastpath/fastpath_read.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const struct fuzz_dialect d = {fastpath_config_read_as, fastpath_switch_snippet,
                                          fastpath_config_apply};
    return fuzz_dialect_one(&d, data, size);
}
