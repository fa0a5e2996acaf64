// Block classification for the EDICore tokenizer: which bytes of a buffer are delimiters.
//
// The tokenizer's hot loop no longer looks at every byte. This classifies 64 bytes at a time
// with vector compares (SSE2, AVX2 or AVX-512BW on x86_64, chosen at run time; NEON on
// arm64; a portable loop elsewhere) into one bit per byte, and the tokenizer walks the set
// bits (the first stage of simdjson, for EDI delimiters).
#ifndef CEDISCAN_H
#define CEDISCAN_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// The five byte values that stop the tokenizer's scan: element separator, segment
/// terminator, release character, CR and LF. A value may repeat (a missing release character
/// is given as the element separator again).
typedef struct {
    uint8_t bytes[5];
} edi_scan_set;

/// Sets bit j of `bits[w]` when `p[64 * w + j]` is one of the set, for every w < `words`.
/// `p` must be readable for `64 * words` bytes.
void edi_scan_classify(const uint8_t *p, size_t words, uint64_t *bits, edi_scan_set set);

/// The instruction set in use: 0 portable, 1 SSE2, 2 AVX2, 3 AVX-512BW, 4 NEON. The
/// environment variable EDIKIT_SCAN (`portable`, `sse2`, `avx2`, `avx512`) lowers it, for tests.
int edi_scan_level(void);

#ifdef __cplusplus
}
#endif

#endif
