/* fuzz_reader_warc.c: libFuzzer target for the WARC reader (records, HTTP heads, chunked and
 * gzip bodies, resynchronisation). Inputs are made to start like a WARC. */
#include "fuzz_reader_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_read_with_prefix("WARC/1.", data, size);
    return 0;
}
