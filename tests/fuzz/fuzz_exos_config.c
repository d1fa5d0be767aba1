/* SPDX-License-Identifier: BSD-3-Clause */
/* libFuzzer harness for the EXOS configuration reader: read the input,
 * judge every port, write the fix of its first findings, apply each to the
 * input and read the result again. */
#include "extreme/extreme.h"
#include "fuzz_config_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fuzz_config_one(data, size, extreme_config_read, extreme_snippet, extreme_config_apply);
}
