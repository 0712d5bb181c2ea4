/* SPDX-License-Identifier: Apache-2.0 */
/* Header-only helpers for the TBF tests: build headers, TLVs and footers into a buffer.
 *
 * Independent of the parser on purpose (its own little-endian stores and checksum), so the
 * tests compare the parser against a second implementation of the format. */
#pragma once

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "kernel/tbf.h"
#include "kernel/tbf_walk.h"
#include "unit.h"

/* A header under construction at p (cap bytes available). */
struct tb {
    uint8_t *p;
    size_t cap;
    uint16_t len; /* bytes of header written so far */
};

static inline void tb_put16(uint8_t *p, uint16_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
}

static inline void tb_put32(uint8_t *p, uint32_t v)
{
    tb_put16(p, (uint16_t)v);
    tb_put16(p + 2, (uint16_t)(v >> 16));
}

/* XOR of the words of [0, header_size) except word 3. */
static inline uint32_t tb_checksum(const uint8_t *p, uint16_t header_size)
{
    uint32_t sum = 0;

    for (uint32_t i = 0; i + 4 <= header_size; i += 4) {
        if (i != 12) {
            sum ^= (uint32_t)p[i] | ((uint32_t)p[i + 1] << 8) | ((uint32_t)p[i + 2] << 16) |
                   ((uint32_t)p[i + 3] << 24);
        }
    }
    return sum;
}

/* Start a header: base fields, no TLVs yet. Zeroes the whole buffer first. */
static inline void tb_begin(struct tb *b, uint8_t *p, size_t cap, uint32_t total, uint32_t flags)
{
    memset(p, 0, cap);
    b->p = p;
    b->cap = cap;
    b->len = 16;
    tb_put16(p, 2);
    tb_put32(p + 4, total);
    tb_put32(p + 8, flags);
}

/* Append a TLV with value len bytes, padded to 4. */
static inline void tb_tlv(struct tb *b, uint16_t type, const void *value, uint16_t len)
{
    tb_put16(b->p + b->len, type);
    tb_put16(b->p + b->len + 2, len);
    if (len != 0) {
        memcpy(b->p + b->len + 4, value, len);
    }
    b->len = (uint16_t)(b->len + 4 + ((len + 3u) & ~3u));
}

static inline void tb_main(struct tb *b, uint32_t init, uint32_t trailer, uint32_t ram)
{
    uint8_t v[12];

    tb_put32(v, init);
    tb_put32(v + 4, trailer);
    tb_put32(v + 8, ram);
    tb_tlv(b, TBF_TLV_MAIN, v, sizeof(v));
}

static inline void tb_program(struct tb *b, uint32_t init, uint32_t trailer, uint32_t ram,
                              uint32_t binary_end, uint32_t version)
{
    uint8_t v[20];

    tb_put32(v, init);
    tb_put32(v + 4, trailer);
    tb_put32(v + 8, ram);
    tb_put32(v + 12, binary_end);
    tb_put32(v + 16, version);
    tb_tlv(b, TBF_TLV_PROGRAM, v, sizeof(v));
}

static inline void tb_name(struct tb *b, const char *name)
{
    tb_tlv(b, TBF_TLV_PACKAGE_NAME, name, (uint16_t)strlen(name));
}

static inline void tb_kernel(struct tb *b, uint16_t major, uint16_t minor)
{
    uint8_t v[4];

    tb_put16(v, major);
    tb_put16(v + 2, minor);
    tb_tlv(b, TBF_TLV_KERNEL_VERSION, v, sizeof(v));
}

static inline void tb_u32_tlv(struct tb *b, uint16_t type, uint32_t value)
{
    uint8_t v[4];

    tb_put32(v, value);
    tb_tlv(b, type, v, sizeof(v));
}

static inline void tb_pair_tlv(struct tb *b, uint16_t type, uint32_t first, uint32_t second)
{
    uint8_t v[8];

    tb_put32(v, first);
    tb_put32(v + 4, second);
    tb_tlv(b, type, v, sizeof(v));
}

/* Set header_size to the bytes written and compute the checksum. */
static inline void tb_finish(struct tb *b)
{
    tb_put16(b->p + 2, b->len);
    tb_put32(b->p + 12, tb_checksum(b->p, b->len));
}

/* Recompute the checksum for whatever header_size the bytes now say (clamped to cap). */
static inline void tb_fix_checksum(uint8_t *p, size_t cap)
{
    uint16_t hs;

    if (cap < 16) {
        return;
    }
    hs = (uint16_t)(p[2] | (p[3] << 8));
    if (hs > cap) {
        hs = (uint16_t)cap;
    }
    tb_put32(p + 12, tb_checksum(p, hs));
}

/* Write a credential footer at p: TLV type 128, length, format, then data_len zero bytes
 * (plus filler up to length). Returns the bytes used (4 + length). */
static inline size_t tb_footer(uint8_t *p, uint16_t length, uint32_t format)
{
    tb_put16(p, TBF_TLV_CREDENTIALS);
    tb_put16(p + 2, length);
    if (length >= 4) {
        tb_put32(p + 4, format);
    }
    return 4u + length;
}

/* The typical app used by many tests: Main + Program + name + kernel 2.2. */
static inline void tb_app(struct tb *b, uint8_t *p, size_t cap, uint32_t total, const char *name)
{
    tb_begin(b, p, cap, total, TBF_FLAG_ENABLED);
    tb_main(b, 0x29, 0, 0x1400);
    tb_program(b, 0x29, 0, 0x1400, total / 4u < 0x80u ? total : total / 4u, 0);
    tb_name(b, name);
    tb_kernel(b, 2, 2);
    tb_finish(b);
}

/* Default environment: kernel 2.2, fixed-flash check off. */
static inline struct tbf_env tb_env(void)
{
    struct tbf_env env = {.kernel_major = 2, .kernel_minor = 2};

    return env;
}

/* Parse p[0, avail) with tb_env() and check the result and reason. */
static inline void tb_expect(const uint8_t *p, size_t avail, enum tbf_result result,
                             enum tbf_reason reason)
{
    struct tbf_env env = tb_env();
    struct tbf_header h;
    enum tbf_result got = tbf_parse(p, avail, &env, &h);

    if (!CHECK_EQ(got, result) || !CHECK_EQ(h.reason, reason)) {
        printf("    got %s (%s)\n", tbf_result_name(got), tbf_reason_str(h.reason));
    }
}
