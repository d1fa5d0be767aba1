/* SPDX-License-Identifier: BSD-3-Clause */
/* libFuzzer harness for the FS.com FSOS configuration reader (tests/fuzz/fuzz_dialect.h). */
#include "fuzz_dialect.h"

#include "cli/cli_text.h"
#include "fsos/fsos.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const struct fuzz_dialect d = {fsos_config_read_as, fsos_snippet, cli_text_append};
    return fuzz_dialect_one(&d, data, size);
}
