/* SPDX-License-Identifier: Apache-2.0 */
/* The application-flash walk (TBF section 6) and the credential footer walk (section 7). */
#include "kernel/tbf_walk.h"

#include <string.h>

#define ADDRESS_SPACE ((uint64_t)1 << 32)

void tbf_walk_init(struct tbf_walker *w, const uint8_t *region, size_t len, uint32_t address,
                   uint16_t kernel_major, uint16_t kernel_minor)
{
    uint64_t room = ADDRESS_SPACE - address;

    w->region = region;
    w->len = (uint64_t)len > room ? (size_t)room : len;
    w->pos = 0;
    w->address = address;
    w->kernel_major = kernel_major;
    w->kernel_minor = kernel_minor;
    w->done = region == NULL;
    w->end_reason = TBF_REASON_SHORT;
}

enum tbf_result tbf_walk_next(struct tbf_walker *w, struct tbf_object *obj)
{
    struct tbf_env env;

    memset(obj, 0, sizeof(*obj));
    obj->offset = w->pos;
    /* pos <= len and address + len <= 2^32, so this is the true address (or 2^32 at the end,
     * which only appears with TBF_END). */
    obj->address = (uint32_t)(w->address + w->pos);
    if (w->done) {
        obj->result = TBF_END;
        obj->header.reason = w->end_reason;
        return TBF_END;
    }
    env.kernel_major = w->kernel_major;
    env.kernel_minor = w->kernel_minor;
    env.check_flash_address = true;
    env.flash_address = obj->address;
    obj->result = tbf_parse(w->region + w->pos, w->len - w->pos, &env, &obj->header);
    if (obj->result == TBF_SKIP && obj->header.reason == TBF_REASON_BINARY_END) {
        obj->result = TBF_END; /* Tock: "not enough flash"; the scan stops */
    }
    if (obj->result == TBF_END) {
        w->done = true;
        w->end_reason = obj->header.reason;
    } else {
        /* Not TBF_END: 16 <= total_size <= len - pos, so this stays inside the region. */
        w->pos += obj->header.total_size;
    }
    return obj->result;
}

bool tbf_credential_data_len(uint32_t format, uint32_t *len)
{
    static const uint16_t lengths[] = {
        [TBF_CRED_RESERVED] = 0,    [TBF_CRED_RSA3072] = 768, [TBF_CRED_RSA4096] = 1024,
        [TBF_CRED_SHA256] = 32,     [TBF_CRED_SHA384] = 48,   [TBF_CRED_SHA512] = 64,
        [TBF_CRED_ECDSA_P256] = 64,
    };

    if (format >= sizeof(lengths) / sizeof(lengths[0])) {
        return false;
    }
    *len = lengths[format];
    return true;
}

void tbf_footer_init(struct tbf_footer_iter *it, const struct tbf_header *hdr)
{
    it->base = hdr->base;
    it->pos = hdr->binary_end_offset;
    it->end = hdr->total_size;
    it->status = TBF_FOOTER_OK;
    if (hdr->base == NULL || it->pos > it->end) {
        it->status = TBF_FOOTER_OVERRUN;
    }
}

/* Check one footer TLV of value length length at it->pos (header already in bounds). */
static enum tbf_footer_status footer_check(const struct tbf_footer_iter *it, uint16_t type,
                                           uint16_t length, uint32_t *data_len)
{
    const uint32_t format_len = 4;

    if (type != TBF_TLV_CREDENTIALS) {
        return TBF_FOOTER_NOT_CRED;
    }
    if (length > it->end - it->pos - TBF_TLV_HEADER_SIZE) {
        return TBF_FOOTER_OVERRUN;
    }
    if (length < format_len) {
        return TBF_FOOTER_BAD_LENGTH;
    }
    if (!tbf_credential_data_len(tbf_le32(it->base + it->pos + TBF_TLV_HEADER_SIZE), data_len)) {
        return TBF_FOOTER_BAD_FORMAT;
    }
    if (*data_len > (uint32_t)length - format_len) {
        return TBF_FOOTER_BAD_LENGTH;
    }
    return TBF_FOOTER_OK;
}

enum tbf_footer_status tbf_footer_next(struct tbf_footer_iter *it, struct tbf_credential *cred)
{
    const uint8_t *tlv;
    uint16_t length;
    uint32_t data_len = 0;

    if (it->status != TBF_FOOTER_OK) {
        return it->status;
    }
    /* pos <= end holds: init checks it and every step stays inside. */
    if (it->end - it->pos < TBF_TLV_HEADER_SIZE) {
        it->status = TBF_FOOTER_END;
        return it->status;
    }
    tlv = it->base + it->pos;
    length = tbf_le16(tlv + 2);
    it->status = footer_check(it, tbf_le16(tlv), length, &data_len);
    if (it->status != TBF_FOOTER_OK) {
        return it->status;
    }
    cred->offset = it->pos;
    cred->tlv_length = length;
    cred->format = tbf_le32(tlv + TBF_TLV_HEADER_SIZE);
    cred->data = tlv + TBF_TLV_HEADER_SIZE + 4;
    cred->data_len = data_len;
    it->pos += TBF_TLV_HEADER_SIZE + (uint32_t)length;
    return TBF_FOOTER_OK;
}
