/* SPDX-License-Identifier: BSD-3-Clause */
/* libFuzzer harness for the MikroTik RouterOS export reader (tests/fuzz/fuzz_dialect.h). */
#include "fuzz_dialect.h"

#include "cli/cli_text.h"
#include "mikrotik/mikrotik.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const struct fuzz_dialect d = {mikrotik_config_read_as, mikrotik_snippet,
                                          mikrotik_config_apply};
    return fuzz_dialect_one(&d, data, size);
}
