/* SPDX-License-Identifier: BSD-3-Clause */
/* libFuzzer harness for the huawei configuration reader (the `#`-sectioned
 * family's, read as the huawei dialect): see vrp_fuzz.h. */
#include "vrp_fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return vrp_fuzz_one(VRP_HUAWEI, &pr_driver_huawei, data, size);
}
