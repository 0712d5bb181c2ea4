/* SPDX-License-Identifier: Apache-2.0 */
/* TBF base header, checksum and TLV decoding, and the classification of one object. */
#include "kernel/tbf.h"

#include <stddef.h>
#include <string.h>

/* Base header field offsets. */
enum {
    OFF_VERSION = 0,
    OFF_HEADER_SIZE = 2,
    OFF_TOTAL_SIZE = 4,
    OFF_FLAGS = 8,
    OFF_CHECKSUM = 12,
};

void tbf_tlv_iter_init(struct tbf_tlv_iter *it, const uint8_t *base, uint16_t header_size)
{
    it->base = base;
    it->pos = TBF_BASE_HEADER_SIZE;
    it->end = header_size < TBF_BASE_HEADER_SIZE ? TBF_BASE_HEADER_SIZE : header_size;
    it->error = TBF_REASON_NONE;
}

bool tbf_tlv_next(struct tbf_tlv_iter *it, struct tbf_tlv *tlv)
{
    uint32_t left;
    uint32_t padded;

    if (it->pos >= it->end || it->error != TBF_REASON_NONE) {
        return false;
    }
    /* pos < end <= 0xFFFF, so these subtractions and sums cannot wrap. */
    left = it->end - it->pos;
    if (left < TBF_TLV_HEADER_SIZE) {
        it->error = TBF_REASON_TLV_TRAILING;
        return false;
    }
    tlv->type = tbf_le16(it->base + it->pos);
    tlv->length = tbf_le16(it->base + it->pos + 2);
    padded = ((uint32_t)tlv->length + 3u) & ~3u;
    if (padded > left - TBF_TLV_HEADER_SIZE) {
        it->error = TBF_REASON_TLV_OVERRUN;
        return false;
    }
    tlv->offset = (uint16_t)it->pos;
    tlv->value = it->base + it->pos + TBF_TLV_HEADER_SIZE;
    it->pos += TBF_TLV_HEADER_SIZE + padded;
    return true;
}

/* Length of the UTF-8 sequence at s (n > 0 bytes available), 0 if it is invalid: overlong
 * forms, surrogates, code points above U+10FFFF and truncated sequences are rejected. */
static size_t utf8_sequence(const uint8_t *s, size_t n)
{
    uint8_t c = s[0];
    uint8_t lo = 0x80;
    uint8_t hi = 0xBF;
    size_t len;

    if (c < 0x80) {
        return 1;
    }
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        lo = c == 0xE0 ? 0xA0 : 0x80;
        hi = c == 0xED ? 0x9F : 0xBF;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        lo = c == 0xF0 ? 0x90 : 0x80;
        hi = c == 0xF4 ? 0x8F : 0xBF;
    } else {
        return 0;
    }
    if (n < len || s[1] < lo || s[1] > hi) {
        return 0;
    }
    for (size_t k = 2; k < len; k++) {
        if ((s[k] & 0xC0) != 0x80) {
            return 0;
        }
    }
    return len;
}

bool tbf_utf8_valid(const uint8_t *s, size_t n)
{
    size_t i = 0;

    while (i < n) {
        size_t len = utf8_sequence(s + i, n - i);

        if (len == 0) {
            return false;
        }
        i += len;
    }
    return true;
}

/* Main (12 bytes) or Program (20 bytes); the first of either kind wins, Program over Main. */
static enum tbf_reason decode_program(struct tbf_header *hdr, const struct tbf_tlv *tlv)
{
    bool program = tlv->type == TBF_TLV_PROGRAM;

    if (program ? hdr->has_program : hdr->has_main) {
        return TBF_REASON_NONE; /* duplicates are skipped without a length check */
    }
    if (tlv->length != (program ? TBF_PROGRAM_LEN : TBF_MAIN_LEN)) {
        return TBF_REASON_TLV_LENGTH;
    }
    if (program) {
        hdr->has_program = true;
        hdr->binary_end_offset = tbf_le32(tlv->value + 12);
        hdr->app_version = tbf_le32(tlv->value + 16);
    } else {
        hdr->has_main = true;
        if (hdr->has_program) {
            return TBF_REASON_NONE; /* Program already supplied the values */
        }
    }
    hdr->init_fn_offset = tbf_le32(tlv->value);
    hdr->protected_trailer_size = tbf_le32(tlv->value + 4);
    hdr->minimum_ram_size = tbf_le32(tlv->value + 8);
    return TBF_REASON_NONE;
}

/* The small fixed-length TLVs; the last occurrence wins. */
static enum tbf_reason decode_fixed(struct tbf_header *hdr, const struct tbf_tlv *tlv)
{
    switch (tlv->type) {
    case TBF_TLV_FIXED_ADDRESSES:
        if (tlv->length != TBF_FIXED_ADDRESSES_LEN) {
            return TBF_REASON_TLV_LENGTH;
        }
        hdr->has_fixed_addresses = true;
        hdr->fixed_ram = tbf_le32(tlv->value);
        hdr->fixed_flash = tbf_le32(tlv->value + 4);
        return TBF_REASON_NONE;
    case TBF_TLV_KERNEL_VERSION:
        if (tlv->length != TBF_KERNEL_VERSION_LEN) {
            return TBF_REASON_TLV_LENGTH;
        }
        hdr->has_kernel_version = true;
        hdr->kernel_major = tbf_le16(tlv->value);
        hdr->kernel_minor = tbf_le16(tlv->value + 2);
        return TBF_REASON_NONE;
    default: /* TBF_TLV_SHORT_ID */
        if (tlv->length != TBF_SHORT_ID_LEN) {
            return TBF_REASON_TLV_LENGTH;
        }
        hdr->has_short_id = true;
        hdr->short_id = tbf_le32(tlv->value);
        return TBF_REASON_NONE;
    }
}

/* Bulkhead's scheduling TLV: priority, period, budget (12 bytes). */
static enum tbf_reason decode_scheduling(struct tbf_header *hdr, const struct tbf_tlv *tlv)
{
    if (tlv->length != TBF_SCHEDULING_LEN) {
        return TBF_REASON_TLV_LENGTH;
    }
    uint32_t prio = tbf_le32(tlv->value);
    uint32_t period = tbf_le32(tlv->value + 4);
    uint32_t budget = tbf_le32(tlv->value + 8);

    if ((prio > TBF_PRIORITY_MAX && prio != TBF_PRIORITY_NONE) || period > TBF_PERIOD_MAX_US ||
        (period == 0 ? budget != 0 : budget == 0 || budget > period)) {
        return TBF_REASON_SCHEDULING;
    }
    hdr->has_scheduling = true;
    hdr->sched_priority = prio;
    hdr->sched_period_us = period;
    hdr->sched_budget_us = budget;
    return TBF_REASON_NONE;
}

/* Apply one TLV to *hdr. Unknown types (and PicOption1, Credentials) are ignored. */
static enum tbf_reason decode_tlv(struct tbf_header *hdr, const struct tbf_tlv *tlv)
{
    switch (tlv->type) {
    case TBF_TLV_MAIN:
    case TBF_TLV_PROGRAM:
        return decode_program(hdr, tlv);
    case TBF_TLV_WFR:
        if (tlv->length % TBF_WFR_ENTRY_LEN != 0) {
            return TBF_REASON_TLV_LENGTH;
        }
        hdr->wfr = tlv->value;
        hdr->wfr_count = (uint16_t)(tlv->length / TBF_WFR_ENTRY_LEN);
        return TBF_REASON_NONE;
    case TBF_TLV_PACKAGE_NAME:
        if (!tbf_utf8_valid(tlv->value, tlv->length)) {
            return TBF_REASON_BAD_NAME;
        }
        hdr->package_name = tlv->value;
        hdr->package_name_len = tlv->length;
        return TBF_REASON_NONE;
    case TBF_TLV_PERMISSIONS:
        hdr->permissions = tlv->value;
        hdr->permissions_len = tlv->length;
        return TBF_REASON_NONE;
    case TBF_TLV_STORAGE_PERMISSIONS:
        hdr->storage_permissions = tlv->value;
        hdr->storage_permissions_len = tlv->length;
        return TBF_REASON_NONE;
    case TBF_TLV_FIXED_ADDRESSES:
    case TBF_TLV_KERNEL_VERSION:
    case TBF_TLV_SHORT_ID:
        return decode_fixed(hdr, tlv);
    case TBF_TLV_SCHEDULING:
        return decode_scheduling(hdr, tlv);
    default:
        return TBF_REASON_NONE;
    }
}

/* decode_tlvs() clears everything from tlv_count on and keeps the base fields before it. */
_Static_assert(offsetof(struct tbf_header, checksum) < offsetof(struct tbf_header, tlv_count) &&
                   offsetof(struct tbf_header, reason) < offsetof(struct tbf_header, tlv_count),
               "struct tbf_header: base fields must precede tlv_count");

/* Decode every TLV. On failure the TLV-derived fields are cleared again. */
static enum tbf_reason decode_tlvs(struct tbf_header *hdr)
{
    struct tbf_tlv_iter it;
    struct tbf_tlv tlv;
    enum tbf_reason reason = TBF_REASON_NONE;

    tbf_tlv_iter_init(&it, hdr->base, hdr->header_size);
    while (reason == TBF_REASON_NONE && tbf_tlv_next(&it, &tlv)) {
        hdr->tlv_count++;
        reason = decode_tlv(hdr, &tlv);
    }
    if (reason == TBF_REASON_NONE) {
        reason = it.error;
    }
    if (reason == TBF_REASON_NONE && !hdr->has_program) {
        hdr->binary_end_offset = hdr->total_size;
    }
    if (reason != TBF_REASON_NONE) {
        /* Keep only the base fields: nothing decoded from a bad list is trusted. */
        size_t keep = offsetof(struct tbf_header, tlv_count);

        memset((uint8_t *)hdr + keep, 0, sizeof(*hdr) - keep);
        hdr->fixed_ram = TBF_ADDR_NONE;
        hdr->fixed_flash = TBF_ADDR_NONE;
    }
    return reason;
}

/* XOR of the little-endian words of [0, header_size) except word 3 equals the stored sum. */
static bool checksum_ok(const struct tbf_header *hdr)
{
    uint32_t sum = 0;
    uint32_t words = hdr->header_size / 4u;

    for (uint32_t i = 0; i < words; i++) {
        if (i != OFF_CHECKSUM / 4) {
            sum ^= tbf_le32(hdr->base + 4u * i);
        }
    }
    return sum == hdr->checksum;
}

/* The base header and its length checks: TBF_REASON_NONE, an end reason or HEADER_SIZE. */
static enum tbf_reason parse_base(const uint8_t *p, size_t available, struct tbf_header *hdr)
{
    if (available < TBF_BASE_HEADER_SIZE) {
        return TBF_REASON_SHORT;
    }
    hdr->version = tbf_le16(p + OFF_VERSION);
    hdr->header_size = tbf_le16(p + OFF_HEADER_SIZE);
    hdr->total_size = tbf_le32(p + OFF_TOTAL_SIZE);
    hdr->flags = tbf_le32(p + OFF_FLAGS);
    hdr->checksum = tbf_le32(p + OFF_CHECKSUM);
    if (hdr->version != TBF_VERSION) {
        return TBF_REASON_VERSION;
    }
    if (hdr->total_size < TBF_BASE_HEADER_SIZE) {
        return TBF_REASON_TOTAL_TOO_SMALL;
    }
    if (hdr->total_size > available) {
        return TBF_REASON_PAST_END;
    }
    if (hdr->header_size < TBF_BASE_HEADER_SIZE || hdr->header_size > hdr->total_size) {
        return TBF_REASON_HEADER_SIZE;
    }
    return TBF_REASON_NONE;
}

/* The checks that follow "disabled" in section 6, in its order. */
static enum tbf_reason app_checks(const struct tbf_header *hdr, const struct tbf_env *env)
{
    enum tbf_reason reason = tbf_check_kernel_version(hdr, env->kernel_major, env->kernel_minor);

    if (reason == TBF_REASON_NONE) {
        reason = tbf_check_layout(hdr);
    }
    if (reason == TBF_REASON_NONE && env->check_flash_address) {
        reason = tbf_check_fixed_flash(hdr, env->flash_address);
    }
    return reason;
}

enum tbf_result tbf_parse(const uint8_t *p, size_t available, const struct tbf_env *env,
                          struct tbf_header *hdr)
{
    enum tbf_reason reason;
    bool sum_ok;

    memset(hdr, 0, sizeof(*hdr));
    hdr->base = p;
    hdr->fixed_ram = TBF_ADDR_NONE;
    hdr->fixed_flash = TBF_ADDR_NONE;
    reason = parse_base(p, available, hdr);
    if (reason != TBF_REASON_NONE) {
        hdr->reason = reason;
        return reason == TBF_REASON_HEADER_SIZE ? TBF_SKIP : TBF_END;
    }
    /* From here on [p, p + total_size) is readable. The TLVs are decoded even when the
     * checksum is wrong (safely), only so that a boot message can name the app. */
    sum_ok = checksum_ok(hdr);
    reason = decode_tlvs(hdr);
    if (!sum_ok) {
        reason = TBF_REASON_CHECKSUM;
    }
    if (reason == TBF_REASON_NONE && hdr->tlv_count == 0) {
        return TBF_PADDING;
    }
    if (reason == TBF_REASON_NONE && (hdr->flags & TBF_FLAG_ENABLED) == 0) {
        return TBF_DISABLED;
    }
    if (reason == TBF_REASON_NONE) {
        reason = app_checks(hdr, env);
    }
    hdr->reason = reason;
    return reason == TBF_REASON_NONE ? TBF_APP : TBF_SKIP;
}
