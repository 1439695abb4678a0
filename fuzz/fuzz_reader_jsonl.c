/* fuzz_reader_jsonl.c: libFuzzer target for the crawler JSONL reader. Inputs are made to
 * start like a JSON object so that the sniffer picks JSONL. */
#include "fuzz_reader_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_read_with_prefix("{\"", data, size);
    return 0;
}
