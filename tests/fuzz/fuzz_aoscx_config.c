/* SPDX-License-Identifier: BSD-3-Clause */
/* libFuzzer harness for the AOS-CX configuration reader (tests/fuzz/fuzz_dialect.h). */
#include "fuzz_dialect.h"

#include "aruba/aruba.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int read_aoscx(const char *text, size_t len, const char *origin, struct pr_switch *sw,
                      struct pr_error *err)
{
    return aruba_config_read_as(ARUBA_AOSCX, text, len, origin, sw, err);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const struct fuzz_dialect d = {read_aoscx, aruba_snippet, aruba_config_apply};
    return fuzz_dialect_one(&d, data, size);
}
