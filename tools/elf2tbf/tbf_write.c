/* SPDX-License-Identifier: Apache-2.0 */
/* Encoding of TBF headers (base header, TLVs in elf2tab order, checksum) and footers. */
#include "tbf_write.h"

#include <string.h>

#include "kernel/tbf.h"
#include "kernel/tbf_walk.h"

#define MAX_HEADER 0xFFFCu
#define MAX_TLV_VALUE 0xFFFFu
#define MAX_RESERVED_TLV 0x10000u /* 4-byte TLV header + length 0xFFFC */

/* Header under construction; ok turns false at the first oversized TLV. */
struct enc {
    uint8_t buf[MAX_HEADER + 4 + MAX_TLV_VALUE + 3];
    size_t len;
    bool ok;
};

/* Append a TLV of type with value len bytes, padded to 4. */
static void tlv(struct enc *e, uint16_t type, const void *value, size_t len)
{
    size_t padded = (len + 3) & ~(size_t)3;

    if (!e->ok || len > MAX_TLV_VALUE || e->len + 4 + padded > MAX_HEADER) {
        if (e->ok) {
            util_error("TLV %s is too large for a TBF header", tbf_tlv_type_name(type));
        }
        e->ok = false;
        return;
    }
    util_put16(e->buf + e->len, type);
    util_put16(e->buf + e->len + 2, (uint16_t)len);
    memcpy(e->buf + e->len + 4, value, len);
    memset(e->buf + e->len + 4 + len, 0, padded - len);
    e->len += 4 + padded;
}

static void program_tlvs(struct enc *e, const struct tbf_write_header *h)
{
    uint8_t v[TBF_PROGRAM_LEN];

    util_put32(v, h->init_fn_offset);
    util_put32(v + 4, h->protected_trailer_size);
    util_put32(v + 8, h->minimum_ram_size);
    util_put32(v + 12, h->binary_end_offset);
    util_put32(v + 16, h->app_version);
    tlv(e, TBF_TLV_MAIN, v, TBF_MAIN_LEN);
    tlv(e, TBF_TLV_PROGRAM, v, TBF_PROGRAM_LEN);
}

static void location_tlvs(struct enc *e, const struct tbf_write_header *h)
{
    uint8_t v[TBF_WFR_ENTRY_LEN * 64];

    if (h->package_name != NULL && h->package_name[0] != '\0') {
        tlv(e, TBF_TLV_PACKAGE_NAME, h->package_name, strlen(h->package_name));
    }
    if (h->wfr_count > 0 && h->wfr_count <= 64) {
        for (uint16_t i = 0; i < h->wfr_count; i++) {
            util_put32(v + 8 * i, h->wfr[2 * i]);
            util_put32(v + 8 * i + 4, h->wfr[2 * i + 1]);
        }
        tlv(e, TBF_TLV_WFR, v, (size_t)h->wfr_count * TBF_WFR_ENTRY_LEN);
    }
    if (h->has_fixed_addresses) {
        util_put32(v, h->fixed_ram);
        util_put32(v + 4, h->fixed_flash);
        tlv(e, TBF_TLV_FIXED_ADDRESSES, v, TBF_FIXED_ADDRESSES_LEN);
    }
}

static void permission_tlvs(struct enc *e, const struct tbf_write_header *h)
{
    static uint8_t v[MAX_TLV_VALUE + 1];
    size_t n = 0;

    if (h->perm_count > 0 && 2u + 16u * h->perm_count <= MAX_TLV_VALUE) {
        util_put16(v, h->perm_count);
        for (uint16_t i = 0; i < h->perm_count; i++) {
            uint8_t *p = v + 2 + 16 * i;

            util_put32(p, h->perms[i].driver);
            util_put32(p + 4, h->perms[i].block);
            util_put32(p + 8, (uint32_t)h->perms[i].mask);
            util_put32(p + 12, (uint32_t)(h->perms[i].mask >> 32));
        }
        tlv(e, TBF_TLV_PERMISSIONS, v, 2u + 16u * h->perm_count);
    } else if (h->perm_count > 0) {
        tlv(e, TBF_TLV_PERMISSIONS, v, MAX_TLV_VALUE + 1); /* reports the error */
    }
    if (!h->has_storage || h->read_count > 8 || h->modify_count > 8) {
        return;
    }
    util_put32(v, h->write_id);
    util_put16(v + 4, h->read_count);
    n = 6;
    for (uint16_t i = 0; i < h->read_count; i++, n += 4) {
        util_put32(v + n, h->read_ids[i]);
    }
    util_put16(v + n, h->modify_count);
    n += 2;
    for (uint16_t i = 0; i < h->modify_count; i++, n += 4) {
        util_put32(v + n, h->modify_ids[i]);
    }
    tlv(e, TBF_TLV_STORAGE_PERMISSIONS, v, n);
}

static void version_tlvs(struct enc *e, const struct tbf_write_header *h)
{
    uint8_t v[4];

    util_put16(v, h->kernel_major);
    util_put16(v + 2, h->kernel_minor);
    tlv(e, TBF_TLV_KERNEL_VERSION, v, TBF_KERNEL_VERSION_LEN);
    if (h->has_short_id) {
        util_put32(v, h->short_id);
        tlv(e, TBF_TLV_SHORT_ID, v, TBF_SHORT_ID_LEN);
    }
    if (h->has_scheduling) {
        uint8_t s[TBF_SCHEDULING_LEN];

        util_put32(s, h->priority);
        util_put32(s + 4, h->period_us);
        util_put32(s + 8, h->budget_us);
        tlv(e, TBF_TLV_SCHEDULING, s, TBF_SCHEDULING_LEN);
    }
}

size_t tbf_write_header(const struct tbf_write_header *h, struct util_buf *out)
{
    static struct enc e;
    uint32_t sum = 0;

    memset(e.buf, 0, TBF_BASE_HEADER_SIZE);
    e.len = TBF_BASE_HEADER_SIZE;
    e.ok = true;
    program_tlvs(&e, h);
    location_tlvs(&e, h);
    permission_tlvs(&e, h);
    version_tlvs(&e, h);
    if (!e.ok) {
        return 0;
    }
    util_put16(e.buf, TBF_VERSION);
    util_put16(e.buf + 2, (uint16_t)e.len);
    util_put32(e.buf + 4, h->total_size);
    util_put32(e.buf + 8, h->flags);
    for (size_t i = 0; i < e.len; i += 4) {
        sum ^= i == 12 ? 0 : tbf_le32(e.buf + i);
    }
    util_put32(e.buf + 12, sum);
    util_buf_append(out, e.buf, e.len);
    return e.len;
}

void tbf_write_reserved(struct util_buf *out, uint32_t n)
{
    while (n >= 8) {
        uint32_t chunk = n > MAX_RESERVED_TLV ? MAX_RESERVED_TLV : n;
        uint8_t tlv_head[8];

        if (n - chunk == 4) {
            chunk -= 4; /* leave 8 bytes, enough for one more credential */
        }
        util_put16(tlv_head, TBF_TLV_CREDENTIALS);
        util_put16(tlv_head + 2, (uint16_t)(chunk - 4));
        util_put32(tlv_head + 4, TBF_CRED_RESERVED);
        util_buf_append(out, tlv_head, sizeof(tlv_head));
        util_buf_append(out, NULL, chunk - 8);
        n -= chunk;
    }
    util_buf_append(out, NULL, n);
}
