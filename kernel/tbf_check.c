/* SPDX-License-Identifier: Apache-2.0 */
/* TBF checks (kernel version, layout, fixed flash) and accessors for the variable TLVs. */
#include "kernel/tbf.h"

#include <string.h>

enum {
    PERM_COUNT_LEN = 2,
    STORAGE_WRITE_ID_LEN = 4,
    STORAGE_COUNT_LEN = 2,
    STORAGE_ID_LEN = 4,
};

enum tbf_reason tbf_check_kernel_version(const struct tbf_header *hdr, uint16_t kernel_major,
                                         uint16_t kernel_minor)
{
    if (!hdr->has_kernel_version) {
        return TBF_REASON_NO_KERNEL_VERSION;
    }
    if (hdr->kernel_major != kernel_major || kernel_minor < hdr->kernel_minor) {
        return TBF_REASON_KERNEL_VERSION;
    }
    return TBF_REASON_NONE;
}

uint32_t tbf_protected_size(const struct tbf_header *hdr)
{
    uint64_t sum = (uint64_t)hdr->header_size + hdr->protected_trailer_size;

    return sum > UINT32_MAX ? UINT32_MAX : (uint32_t)sum;
}

uint32_t tbf_entry_offset(const struct tbf_header *hdr)
{
    uint64_t sum = (uint64_t)hdr->header_size + hdr->init_fn_offset;

    return sum > UINT32_MAX ? UINT32_MAX : (uint32_t)sum;
}

bool tbf_wfr(const struct tbf_header *hdr, uint16_t index, struct tbf_wfr *out)
{
    const uint8_t *entry;

    if (hdr->wfr == NULL || index >= hdr->wfr_count) {
        return false;
    }
    entry = hdr->wfr + (size_t)index * TBF_WFR_ENTRY_LEN;
    out->offset = tbf_le32(entry);
    out->size = tbf_le32(entry + 4);
    return true;
}

/* Every writeable flash region with a non-zero size lies inside [0, total_size). */
static bool wfr_inside(const struct tbf_header *hdr)
{
    struct tbf_wfr wfr;

    for (uint16_t i = 0; tbf_wfr(hdr, i, &wfr); i++) {
        if (wfr.size != 0 && (uint64_t)wfr.offset + wfr.size > hdr->total_size) {
            return false;
        }
    }
    return true;
}

enum tbf_reason tbf_check_layout(const struct tbf_header *hdr)
{
    /* 64-bit sums: header_size + a u32 field cannot wrap. */
    uint64_t app_start = (uint64_t)hdr->header_size + hdr->protected_trailer_size;
    uint64_t entry = (uint64_t)hdr->header_size + hdr->init_fn_offset;

    if (hdr->binary_end_offset > hdr->total_size) {
        return TBF_REASON_BINARY_END;
    }
    if (app_start > hdr->binary_end_offset || entry < app_start ||
        entry >= hdr->binary_end_offset) {
        return TBF_REASON_LAYOUT;
    }
    if (!wfr_inside(hdr)) {
        return TBF_REASON_WFR_RANGE;
    }
    return TBF_REASON_NONE;
}

enum tbf_reason tbf_check_fixed_flash(const struct tbf_header *hdr, uint32_t flash_address)
{
    uint64_t app_start;

    if (hdr->fixed_flash == TBF_ADDR_NONE) {
        return TBF_REASON_NONE;
    }
    app_start = (uint64_t)flash_address + hdr->header_size + hdr->protected_trailer_size;
    return app_start == hdr->fixed_flash ? TBF_REASON_NONE : TBF_REASON_FIXED_FLASH;
}

enum tbf_perm tbf_permissions_lookup(const struct tbf_header *hdr, uint32_t driver, uint32_t block,
                                     uint64_t *mask)
{
    const uint8_t *v = hdr->permissions;
    size_t len = hdr->permissions_len;
    bool driver_seen = false;
    uint16_t count;

    if (v == NULL || len < PERM_COUNT_LEN) {
        return TBF_PERM_ALL;
    }
    count = tbf_le16(v);
    for (size_t i = 0; i < count; i++) {
        size_t at = PERM_COUNT_LEN + i * TBF_PERMISSION_ENTRY_LEN;

        if (at + TBF_PERMISSION_ENTRY_LEN > len) {
            return TBF_PERM_ALL; /* malformed before a match: as if absent */
        }
        if (tbf_le32(v + at) != driver) {
            continue;
        }
        driver_seen = true;
        if (tbf_le32(v + at + 4) == block) {
            *mask = (uint64_t)tbf_le32(v + at + 8) | ((uint64_t)tbf_le32(v + at + 12) << 32);
            return TBF_PERM_MASK;
        }
    }
    if (driver_seen) {
        *mask = 0;
        return TBF_PERM_MASK;
    }
    return TBF_PERM_NO_DRIVER;
}

bool tbf_command_allowed(const struct tbf_header *hdr, uint32_t driver, uint32_t command)
{
    uint64_t mask = 0;

    switch (tbf_permissions_lookup(hdr, driver, command / 64u, &mask)) {
    case TBF_PERM_ALL:
        return true;
    case TBF_PERM_MASK:
        return ((mask >> (command % 64u)) & 1u) != 0;
    default:
        return false;
    }
}

bool tbf_driver_allowed(const struct tbf_header *hdr, uint32_t driver)
{
    uint64_t mask = 0;

    return tbf_permissions_lookup(hdr, driver, 0, &mask) != TBF_PERM_NO_DRIVER;
}

/* Read count IDs starting at v + at into ids. The caller checked the bounds. */
static void read_ids(const uint8_t *v, size_t at, uint16_t count, uint32_t *ids)
{
    for (uint16_t i = 0; i < count; i++) {
        ids[i] = tbf_le32(v + at + (size_t)i * STORAGE_ID_LEN);
    }
}

bool tbf_storage_permissions(const struct tbf_header *hdr, struct tbf_storage_perms *out)
{
    const uint8_t *v = hdr->storage_permissions;
    size_t len = hdr->storage_permissions_len;
    size_t at = STORAGE_WRITE_ID_LEN + STORAGE_COUNT_LEN;
    struct tbf_storage_perms perms;

    if (v == NULL || len < at) {
        return false;
    }
    memset(&perms, 0, sizeof(perms));
    perms.write_id = tbf_le32(v);
    perms.read_count = tbf_le16(v + STORAGE_WRITE_ID_LEN);
    /* Counts are at most 8 here, so at stays far below SIZE_MAX. */
    if (perms.read_count > TBF_STORAGE_MAX_IDS ||
        at + (size_t)perms.read_count * STORAGE_ID_LEN + STORAGE_COUNT_LEN > len) {
        return false;
    }
    read_ids(v, at, perms.read_count, perms.read_ids);
    at += (size_t)perms.read_count * STORAGE_ID_LEN;
    perms.modify_count = tbf_le16(v + at);
    at += STORAGE_COUNT_LEN;
    if (perms.modify_count > TBF_STORAGE_MAX_IDS ||
        at + (size_t)perms.modify_count * STORAGE_ID_LEN > len) {
        return false;
    }
    read_ids(v, at, perms.modify_count, perms.modify_ids);
    *out = perms;
    return true;
}
