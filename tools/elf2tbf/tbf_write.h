/* SPDX-License-Identifier: Apache-2.0 */
/* Encoding of TBF headers (base header, TLVs in elf2tab order, checksum) and footers. */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util.h"

/* One Permissions entry: a driver, a block of 64 commands and the allowed-commands mask. */
struct tbf_write_perm {
    uint32_t driver;
    uint32_t block;
    uint64_t mask;
};

/* Everything that goes into a header. Optional TLVs are emitted only when asked for. */
struct tbf_write_header {
    uint32_t total_size;
    uint32_t flags;
    uint32_t init_fn_offset;
    uint32_t protected_trailer_size;
    uint32_t minimum_ram_size;
    uint32_t binary_end_offset;
    uint32_t app_version;
    const char *package_name; /* NULL or "": no Package Name TLV */
    const uint32_t *wfr;      /* wfr_count (offset, size) pairs: one WFR TLV */
    uint16_t wfr_count;
    bool has_fixed_addresses;
    uint32_t fixed_ram;
    uint32_t fixed_flash;
    const struct tbf_write_perm *perms; /* perm_count entries: Permissions TLV if > 0 */
    uint16_t perm_count;
    bool has_storage;
    uint32_t write_id;
    const uint32_t *read_ids;
    uint16_t read_count;
    const uint32_t *modify_ids;
    uint16_t modify_count;
    uint16_t kernel_major;
    uint16_t kernel_minor;
    bool has_short_id;
    uint32_t short_id;
    bool has_scheduling; /* Bulkhead scheduling TLV (type 0x8001), last */
    uint32_t priority;
    uint32_t period_us;
    uint32_t budget_us;
};

/* Append the encoded header to out, in the order base, Main, Program, Package Name, WFR,
 * Fixed Addresses, Permissions, Storage Permissions, Kernel Version, Short ID, Scheduling; every
 * TLV padded to 4 bytes; header_size and the checksum filled in. Returns the header size, or 0
 * (with a message) if the header would exceed 65532 bytes or a TLV its 65535-byte limit. */
size_t tbf_write_header(const struct tbf_write_header *h, struct util_buf *out);

/* Append n bytes of footer space: Reserved credentials (type 128, format 0, zero filler),
 * split into TLVs of at most 65536 bytes each. n must be a multiple of 4; if it is 4 (too
 * small for a credential) the bytes are zeros. */
void tbf_write_reserved(struct util_buf *out, uint32_t n);
