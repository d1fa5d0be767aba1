/* SPDX-License-Identifier: BSD-3-Clause */
/* Fuzzes the inventory reader: any bytes as YAML text. Credential files
 * and the environment are not read (INVENTORY_SKIP_SECRETS), so an input
 * naming /dev/stdin or a huge file cannot stall the run; every other path
 * (YAML, keys, values, merge, ports, duplicates) is exercised. */
#include <stddef.h>
#include <stdint.h>

#include "core/inventory.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct inventory inv;
    struct pr_error err = {0};
    if (inventory_parse_flags((const char *)data, size, "/nonexistent", "fuzz",
                              INVENTORY_SKIP_SECRETS, &inv, &err) == 0)
        inventory_free(&inv);
    return 0;
}
