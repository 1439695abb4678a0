/* fuzz_reader_gzip.c: libFuzzer target for the gzip layer under every reader (members,
 * truncation, corrupt data, resynchronisation on the next member). Inputs are made to start
 * with the gzip magic. */
#include "fuzz_reader_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_read_with_prefix("\x1f\x8b", data, size);
    return 0;
}
