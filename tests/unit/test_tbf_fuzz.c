/* SPDX-License-Identifier: Apache-2.0 */
/* Deterministic fuzzing of the TBF parser, flash walk and footer walk under ASan/UBSan.
 *
 * Inputs are random bytes and mutations (bit flips, byte stores, truncations, corrupted
 * length fields, re-fixed checksums) of valid objects. Each input is copied into a heap block
 * of exactly the advertised size, so any read past it is an ASan error. The checks assert
 * that results are self-consistent: e.g. TBF_APP implies every field lies inside the object. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kernel/tbf.h"
#include "kernel/tbf_walk.h"
#include "test_tbf_build.h"
#include "unit.h"

#define SEED 0x5EEDB0BAC0FFEEULL
#define MAX_OBJ 0x1000u

static uint64_t rng_state;

/* xorshift64*: small, fast and repeatable. */
static uint32_t rnd(void)
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return (uint32_t)((rng_state * 0x2545F4914F6CDD1DULL) >> 32);
}

static uint32_t rnd_below(uint32_t n)
{
    return n == 0 ? 0 : rnd() % n;
}

/* One of several valid objects of MAX_OBJ bytes, chosen by kind. */
static void seed_object(uint8_t *p, unsigned kind)
{
    static const uint8_t perms[18] = {1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0xFF};
    static const uint8_t storage[12] = {1, 0, 0, 0, 1, 0, 5, 0, 0, 0, 0, 0};
    struct tb b;
    size_t pos;

    switch (kind % 5) {
    case 0: /* the worked example plus a Reserved footer */
        tb_app(&b, p, MAX_OBJ, MAX_OBJ, "blink");
        tb_footer(p + 0x400, MAX_OBJ - 0x400 - 4, TBF_CRED_RESERVED);
        break;
    case 1: /* RISC-V style fixed addresses with a trailer */
        tb_begin(&b, p, MAX_OBJ, MAX_OBJ, TBF_FLAG_ENABLED);
        tb_main(&b, 0x54, 0x44, 0x2000);
        tb_program(&b, 0x54, 0x44, 0x2000, 0x600, 3);
        tb_pair_tlv(&b, TBF_TLV_FIXED_ADDRESSES, 0x80002800u, 0x20040080u);
        tb_kernel(&b, 2, 2);
        tb_finish(&b);
        pos = 0x600 + tb_footer(p + 0x600, 36, TBF_CRED_SHA256);
        tb_footer(p + pos, (uint16_t)(MAX_OBJ - pos - 4), TBF_CRED_RESERVED);
        break;
    case 2: /* every optional TLV */
        tb_app(&b, p, MAX_OBJ, MAX_OBJ, "h\xC3\xA9llo");
        tb_pair_tlv(&b, TBF_TLV_WFR, 0x800, 0x100);
        tb_u32_tlv(&b, TBF_TLV_SHORT_ID, 0x1234);
        tb_tlv(&b, TBF_TLV_PERMISSIONS, perms, sizeof(perms));
        tb_tlv(&b, TBF_TLV_STORAGE_PERMISSIONS, storage, sizeof(storage));
        tb_finish(&b);
        break;
    case 3: /* disabled app without a kernel version */
        tb_begin(&b, p, MAX_OBJ, MAX_OBJ, TBF_FLAG_STICKY);
        tb_program(&b, 0x41, 0, 0x100, 0x800, 0);
        tb_name(&b, "off");
        tb_finish(&b);
        break;
    default: /* padding */
        tb_begin(&b, p, MAX_OBJ, MAX_OBJ, 0);
        tb_finish(&b);
        break;
    }
}

/* Apply one random mutation to p[0, len). */
static void mutate(uint8_t *p, size_t len)
{
    static const size_t fields[] = {2, 4, 0x12, 0x22, 0x2C, 0x30, 0x3A, 0x46};
    size_t at = rnd_below((uint32_t)len);

    switch (rnd_below(6)) {
    case 0:
        p[at] ^= (uint8_t)(1u << rnd_below(8));
        break;
    case 1:
        p[at] = (uint8_t)rnd();
        break;
    case 2: /* a length-like field: small, boundary or huge values */
        at = fields[rnd_below(sizeof(fields) / sizeof(fields[0]))];
        tb_put16(p + at, (uint16_t)(rnd_below(2) ? rnd_below(0x100) : rnd()));
        break;
    case 3: /* a 32-bit field in the header (total_size, Program values, ...) */
        at = 4 * rnd_below(20);
        tb_put32(p + at, rnd_below(2) ? rnd_below(0x1100) : rnd());
        break;
    case 4: /* a footer length */
        at = 0x400 + 4 * rnd_below(0x100);
        tb_put16(p + at + 2, (uint16_t)rnd());
        break;
    default:
        tb_put32(p + at - at % 4, rnd());
        break;
    }
}

/* Pointer q with n bytes lies inside [lo, hi). */
static bool inside(const uint8_t *q, size_t n, const uint8_t *lo, const uint8_t *hi)
{
    return q >= lo && q <= hi && n <= (size_t)(hi - q);
}

static void check_footers(const struct tbf_header *h)
{
    struct tbf_footer_iter it;
    struct tbf_credential c;
    size_t steps = 0;

    tbf_footer_init(&it, h);
    while (tbf_footer_next(&it, &c) == TBF_FOOTER_OK) {
        steps++;
        CHECK(c.offset >= h->binary_end_offset);
        CHECK(4u + (uint64_t)c.offset + c.tlv_length <= h->total_size);
        CHECK(c.data_len + 4u <= c.tlv_length);
        if (!CHECK(steps <= h->total_size / 8u + 1)) {
            return;
        }
    }
}

/* The promises of tbf_parse() for a non-END result. */
static void check_header(const struct tbf_header *h, enum tbf_result r, size_t avail)
{
    const uint8_t *lo = h->base + TBF_BASE_HEADER_SIZE;
    const uint8_t *hi = h->base + h->header_size;
    uint64_t mask;
    struct tbf_storage_perms sp;

    CHECK(h->version == 2 && h->total_size >= 16 && h->total_size <= avail);
    if (h->reason == TBF_REASON_HEADER_SIZE) {
        CHECK(r == TBF_SKIP && (h->header_size < 16 || h->header_size > h->total_size));
        return;
    }
    CHECK(h->header_size >= 16 && h->header_size <= h->total_size);
    CHECK((r == TBF_SKIP) == (h->reason != TBF_REASON_NONE));
    CHECK((h->reason < TBF_REASON_COUNT && h->reason >= TBF_REASON_HEADER_SIZE) ||
          h->reason == TBF_REASON_NONE);
    if (h->package_name != NULL) {
        CHECK(inside(h->package_name, h->package_name_len, lo, hi));
    }
    if (h->wfr != NULL) {
        CHECK(inside(h->wfr, (size_t)h->wfr_count * 8u, lo, hi));
    }
    if (h->permissions != NULL) {
        CHECK(inside(h->permissions, h->permissions_len, lo, hi));
    }
    if (h->storage_permissions != NULL) {
        CHECK(inside(h->storage_permissions, h->storage_permissions_len, lo, hi));
    }
    (void)tbf_command_allowed(h, rnd_below(3), rnd_below(200));
    (void)tbf_permissions_lookup(h, 1, 0, &mask);
    (void)tbf_storage_permissions(h, &sp);
    if (r == TBF_APP || r == TBF_DISABLED) {
        check_footers(h);
    }
}

/* Extra promises of TBF_APP: a loader may use every value without further checks. */
static void check_app(const struct tbf_header *h)
{
    struct tbf_wfr w;

    CHECK(h->checksum == tb_checksum(h->base, h->header_size));
    CHECK(h->binary_end_offset <= h->total_size);
    CHECK(tbf_protected_size(h) <= h->binary_end_offset);
    CHECK(tbf_entry_offset(h) >= tbf_protected_size(h));
    CHECK(tbf_entry_offset(h) < h->binary_end_offset);
    CHECK(tbf_check_kernel_version(h, 2, 2) == TBF_REASON_NONE);
    CHECK((h->flags & TBF_FLAG_ENABLED) != 0);
    for (uint16_t i = 0; tbf_wfr(h, i, &w); i++) {
        CHECK(w.size == 0 || (uint64_t)w.offset + w.size <= h->total_size);
    }
}

/* Parse a copy of p[0, avail) held in an exact-size heap block; check; twice for
 * determinism. Returns the result. */
static enum tbf_result parse_checked(const uint8_t *p, size_t avail)
{
    uint8_t *copy = malloc(avail == 0 ? 1 : avail);
    struct tbf_env env = tb_env();
    struct tbf_header h1;
    struct tbf_header h2;
    enum tbf_result r1;
    enum tbf_result r2;

    memcpy(copy, p, avail);
    r1 = tbf_parse(copy, avail, &env, &h1);
    r2 = tbf_parse(copy, avail, &env, &h2);
    CHECK(r1 == r2 && memcmp(&h1, &h2, sizeof(h1)) == 0);
    CHECK(r1 <= TBF_END);
    if (r1 == TBF_END) {
        CHECK(h1.reason >= TBF_REASON_SHORT && h1.reason <= TBF_REASON_PAST_END);
    } else {
        check_header(&h1, r1, avail);
    }
    if (r1 == TBF_APP) {
        check_app(&h1);
    }
    free(copy);
    return r1;
}

static void mutated_objects(void)
{
    static uint8_t obj[MAX_OBJ];
    size_t counts[TBF_END + 1] = {0};

    rng_state = SEED;
    for (unsigned i = 0; i < 40000; i++) {
        size_t avail = MAX_OBJ;
        unsigned n = 1 + rnd_below(4);

        seed_object(obj, i);
        for (unsigned k = 0; k < n; k++) {
            mutate(obj, MAX_OBJ);
        }
        if (rnd_below(2)) {
            tb_fix_checksum(obj, MAX_OBJ); /* reach the checks behind the checksum */
        }
        if (rnd_below(4) == 0) {
            avail = rnd_below(MAX_OBJ + 1); /* truncation */
        }
        counts[parse_checked(obj, avail)]++;
    }
    /* The mutations must reach every outcome, or the fuzzing is not exploring much. */
    for (int r = TBF_APP; r <= TBF_END; r++) {
        CHECK(counts[r] > 100);
    }
    printf("    results: app %zu disabled %zu padding %zu skip %zu end %zu\n", counts[0], counts[1],
           counts[2], counts[3], counts[4]);
}

static void random_bytes(void)
{
    static uint8_t raw[512];

    rng_state = SEED ^ 1;
    for (unsigned i = 0; i < 20000; i++) {
        size_t len = rnd_below(sizeof(raw) + 1);

        for (size_t k = 0; k < len; k++) {
            raw[k] = (uint8_t)rnd();
        }
        if (len >= 8 && rnd_below(4) != 0) {
            tb_put16(raw, 2);                                   /* version 2 */
            tb_put16(raw + 2, (uint16_t)(16 + rnd_below(len))); /* plausible header_size */
            tb_put32(raw + 4, rnd_below(2) ? (uint32_t)len : rnd_below((uint32_t)len + 8));
            tb_fix_checksum(raw, len);
        }
        parse_checked(raw, len);
    }
}

/* Walk a region of several mutated objects; every object must lie inside the region and the
 * walk must end within len / 16 + 1 steps. */
static void walk_checked(const uint8_t *region, size_t len)
{
    uint8_t *copy = malloc(len == 0 ? 1 : len);
    struct tbf_walker w;
    struct tbf_object o;
    size_t steps = 0;
    size_t next = 0;

    memcpy(copy, region, len);
    tbf_walk_init(&w, copy, len, 0x10000, 2, 2);
    while (tbf_walk_next(&w, &o) != TBF_END) {
        CHECK(o.offset == next);
        CHECK(o.header.total_size >= 16 && o.offset + o.header.total_size <= len);
        CHECK(o.address == 0x10000u + o.offset);
        next = o.offset + o.header.total_size;
        if (!CHECK(++steps <= len / 16 + 1)) {
            break;
        }
    }
    CHECK(tbf_walk_next(&w, &o) == TBF_END);
    free(copy);
}

static void walked_regions(void)
{
    static uint8_t region[4 * MAX_OBJ];

    rng_state = SEED ^ 2;
    for (unsigned i = 0; i < 3000; i++) {
        size_t len = 0;
        unsigned objs = 1 + rnd_below(4);

        for (unsigned k = 0; k < objs; k++) {
            seed_object(region + len, rnd());
            if (rnd_below(3) == 0) {
                mutate(region + len, MAX_OBJ);
                tb_fix_checksum(region + len, MAX_OBJ);
            }
            len += MAX_OBJ;
        }
        walk_checked(region, rnd_below(4) ? len : rnd_below((uint32_t)len + 1));
    }
}

static const struct unit_case cases[] = {
    UNIT_CASE(mutated_objects),
    UNIT_CASE(random_bytes),
    UNIT_CASE(walked_regions),
};

int main(void)
{
    return unit_run("tbf_fuzz", cases, sizeof(cases) / sizeof(cases[0]));
}
