#include "CEDIScan.h"

#include <stdlib.h>
#include <string.h>

#if defined(__x86_64__)
#include <cpuid.h>
#include <immintrin.h>
#define EDI_SCAN_X86 1
#elif defined(__aarch64__) && defined(__ARM_NEON)
#include <arm_neon.h>
#define EDI_SCAN_NEON 1
#endif

enum { LEVEL_PORTABLE = 0, LEVEL_SSE2 = 1, LEVEL_AVX2 = 2, LEVEL_AVX512 = 3, LEVEL_NEON = 4 };

static void classify_portable(const uint8_t *p, size_t words, uint64_t *bits, edi_scan_set set) {
    uint8_t table[256];
    memset(table, 0, sizeof table);
    for (int k = 0; k < 5; k++) table[set.bytes[k]] = 1;
    for (size_t w = 0; w < words; w++) {
        uint64_t mask = 0;
        for (int j = 0; j < 64; j++) mask |= (uint64_t)table[p[64 * w + j]] << j;
        bits[w] = mask;
    }
}

#ifdef EDI_SCAN_X86
static void classify_sse2(const uint8_t *p, size_t words, uint64_t *bits, edi_scan_set set) {
    const __m128i d0 = _mm_set1_epi8((char)set.bytes[0]), d1 = _mm_set1_epi8((char)set.bytes[1]),
                  d2 = _mm_set1_epi8((char)set.bytes[2]), d3 = _mm_set1_epi8((char)set.bytes[3]),
                  d4 = _mm_set1_epi8((char)set.bytes[4]);
    for (size_t w = 0; w < words; w++) {
        uint64_t mask = 0;
        for (int j = 0; j < 4; j++) {
            __m128i v = _mm_loadu_si128((const __m128i *)(p + 64 * w + 16 * j));
            __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, d0), _mm_cmpeq_epi8(v, d1)),
                                       _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, d2), _mm_cmpeq_epi8(v, d3)),
                                                    _mm_cmpeq_epi8(v, d4)));
            mask |= (uint64_t)(uint16_t)_mm_movemask_epi8(hit) << (16 * j);
        }
        bits[w] = mask;
    }
}

__attribute__((target("avx2")))
static inline uint32_t hits_avx2(const uint8_t *q, const __m256i d[5]) {
    __m256i v = _mm256_loadu_si256((const __m256i *)q);
    __m256i hit = _mm256_or_si256(_mm256_or_si256(_mm256_cmpeq_epi8(v, d[0]), _mm256_cmpeq_epi8(v, d[1])),
                                  _mm256_or_si256(_mm256_or_si256(_mm256_cmpeq_epi8(v, d[2]), _mm256_cmpeq_epi8(v, d[3])),
                                                  _mm256_cmpeq_epi8(v, d[4])));
    return (uint32_t)_mm256_movemask_epi8(hit);
}

__attribute__((target("avx2")))
static void classify_avx2(const uint8_t *p, size_t words, uint64_t *bits, edi_scan_set set) {
    const __m256i d[5] = {_mm256_set1_epi8((char)set.bytes[0]), _mm256_set1_epi8((char)set.bytes[1]),
                          _mm256_set1_epi8((char)set.bytes[2]), _mm256_set1_epi8((char)set.bytes[3]),
                          _mm256_set1_epi8((char)set.bytes[4])};
    for (size_t w = 0; w < words; w++) {
        bits[w] = (uint64_t)hits_avx2(p + 64 * w, d) | (uint64_t)hits_avx2(p + 64 * w + 32, d) << 32;
    }
}

__attribute__((target("avx512f,avx512bw")))
static void classify_avx512(const uint8_t *p, size_t words, uint64_t *bits, edi_scan_set set) {
    const __m512i d0 = _mm512_set1_epi8((char)set.bytes[0]), d1 = _mm512_set1_epi8((char)set.bytes[1]),
                  d2 = _mm512_set1_epi8((char)set.bytes[2]), d3 = _mm512_set1_epi8((char)set.bytes[3]),
                  d4 = _mm512_set1_epi8((char)set.bytes[4]);
    for (size_t w = 0; w < words; w++) {
        __m512i v = _mm512_loadu_si512((const void *)(p + 64 * w));
        bits[w] = _mm512_cmpeq_epi8_mask(v, d0) | _mm512_cmpeq_epi8_mask(v, d1) | _mm512_cmpeq_epi8_mask(v, d2) |
                  _mm512_cmpeq_epi8_mask(v, d3) | _mm512_cmpeq_epi8_mask(v, d4);
    }
}

/// What the processor and the operating system support: AVX state saved (XGETBV), then CPUID leaf 7.
static int detect_x86(void) {
    unsigned eax, ebx, ecx, edx;
    if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return LEVEL_SSE2;
    int osxsave = (ecx >> 27) & 1, avx = (ecx >> 28) & 1;
    if (!osxsave || !avx) return LEVEL_SSE2;
    unsigned xcr0_lo, xcr0_hi;
    __asm__ volatile("xgetbv" : "=a"(xcr0_lo), "=d"(xcr0_hi) : "c"(0));
    if ((xcr0_lo & 0x6) != 0x6) return LEVEL_SSE2;
    if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) return LEVEL_SSE2;
    int avx2 = (ebx >> 5) & 1, avx512f = (ebx >> 16) & 1, avx512bw = (ebx >> 30) & 1;
    if (avx512f && avx512bw && (xcr0_lo & 0xE6) == 0xE6) return LEVEL_AVX512;
    return avx2 ? LEVEL_AVX2 : LEVEL_SSE2;
}
#endif

#ifdef EDI_SCAN_NEON
static inline uint8x16_t hits_neon(uint8x16_t v, const uint8x16_t d[5]) {
    return vorrq_u8(vorrq_u8(vorrq_u8(vceqq_u8(v, d[0]), vceqq_u8(v, d[1])), vorrq_u8(vceqq_u8(v, d[2]), vceqq_u8(v, d[3]))),
                    vceqq_u8(v, d[4]));
}

static void classify_neon(const uint8_t *p, size_t words, uint64_t *bits, edi_scan_set set) {
    const uint8x16_t d[5] = {vdupq_n_u8(set.bytes[0]), vdupq_n_u8(set.bytes[1]), vdupq_n_u8(set.bytes[2]),
                             vdupq_n_u8(set.bytes[3]), vdupq_n_u8(set.bytes[4])};
    static const uint8_t weights[16] = {1, 2, 4, 8, 16, 32, 64, 128, 1, 2, 4, 8, 16, 32, 64, 128};
    const uint8x16_t weight = vld1q_u8(weights);
    for (size_t w = 0; w < words; w++) {
        const uint8_t *q = p + 64 * w;
        uint8x16_t t0 = vandq_u8(hits_neon(vld1q_u8(q), d), weight);
        uint8x16_t t1 = vandq_u8(hits_neon(vld1q_u8(q + 16), d), weight);
        uint8x16_t t2 = vandq_u8(hits_neon(vld1q_u8(q + 32), d), weight);
        uint8x16_t t3 = vandq_u8(hits_neon(vld1q_u8(q + 48), d), weight);
        uint8x16_t sum = vpaddq_u8(vpaddq_u8(t0, t1), vpaddq_u8(t2, t3));
        sum = vpaddq_u8(sum, sum);
        bits[w] = vgetq_lane_u64(vreinterpretq_u64_u8(sum), 0);
    }
}
#endif

static int detect(void) {
#if defined(EDI_SCAN_X86)
    int level = detect_x86();
#elif defined(EDI_SCAN_NEON)
    int level = LEVEL_NEON;
#else
    int level = LEVEL_PORTABLE;
#endif
    const char *wanted = getenv("EDIKIT_SCAN");
    if (wanted != NULL) {
        int cap = strcmp(wanted, "portable") == 0 ? LEVEL_PORTABLE
                : strcmp(wanted, "sse2") == 0     ? LEVEL_SSE2
                : strcmp(wanted, "avx2") == 0     ? LEVEL_AVX2
                                                  : level;
        if (level != LEVEL_NEON ? cap < level : cap == LEVEL_PORTABLE) level = cap;
    }
    return level;
}

int edi_scan_level(void) {
    static int cached = -1;
    int level = __atomic_load_n(&cached, __ATOMIC_RELAXED);
    if (level < 0) {
        level = detect();
        __atomic_store_n(&cached, level, __ATOMIC_RELAXED);
    }
    return level;
}

void edi_scan_classify(const uint8_t *p, size_t words, uint64_t *bits, edi_scan_set set) {
    switch (edi_scan_level()) {
#ifdef EDI_SCAN_X86
    case LEVEL_AVX512: classify_avx512(p, words, bits, set); return;
    case LEVEL_AVX2: classify_avx2(p, words, bits, set); return;
    case LEVEL_SSE2: classify_sse2(p, words, bits, set); return;
#endif
#ifdef EDI_SCAN_NEON
    case LEVEL_NEON: classify_neon(p, words, bits, set); return;
#endif
    default: classify_portable(p, words, bits, set); return;
    }
}
