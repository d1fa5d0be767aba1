/* SPDX-License-Identifier: BSD-3-Clause */
/* libFuzzer harness for the Cumulus Linux readers, ifupdown2 and NVUE
 * (tests/fuzz/fuzz_dialect.h). */
#include "fuzz_dialect.h"

#include "cumulus/cumulus.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const struct fuzz_dialect d = {cumulus_config_read, cumulus_snippet,
                                          cumulus_config_apply};
    return fuzz_dialect_one(&d, data, size);
}
