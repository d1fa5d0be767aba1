/* SPDX-License-Identifier: BSD-3-Clause */
/* libFuzzer harness for the Junos curly reader (tests/fuzz/fuzz_junos.h). */
#include "fuzz_junos.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fuzz_junos_one(junos_curly_read, data, size);
}
