/* SPDX-License-Identifier: Apache-2.0 */
/* Walkers over TBF data: the chain of objects in application flash and credential footers.
 *
 * Both walkers read only inside the range they were given, always make progress and
 * terminate: the flash walk advances by total_size >= 16 bytes per object, the footer walk by
 * at least 8 bytes per footer. Section numbers refer to the TBF specification (spec/tbf.md). */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "kernel/tbf.h"

/* Credential footer formats (section 7). */
enum tbf_credential_format {
    TBF_CRED_RESERVED = 0,
    TBF_CRED_RSA3072 = 1,
    TBF_CRED_RSA4096 = 2,
    TBF_CRED_SHA256 = 3,
    TBF_CRED_SHA384 = 4,
    TBF_CRED_SHA512 = 5,
    TBF_CRED_ECDSA_P256 = 6,
};

/* State of a walk over [apps_start, apps_end); see tbf_walk_init(). Fields are private. */
struct tbf_walker {
    const uint8_t *region;
    size_t len;
    size_t pos;
    uint32_t address;
    uint16_t kernel_major;
    uint16_t kernel_minor;
    bool done;
    enum tbf_reason end_reason;
};

/* One object found by the walk. */
struct tbf_object {
    enum tbf_result result;
    size_t offset;            /* from the start of the region */
    uint32_t address;         /* flash address of the object */
    struct tbf_header header; /* as filled by tbf_parse(); header.reason explains SKIP/END */
};

/* Outcome of one footer step. Every value except OK ends the walk. */
enum tbf_footer_status {
    TBF_FOOTER_OK,         /* *cred holds the next credential */
    TBF_FOOTER_END,        /* fewer than 4 bytes left: normal end */
    TBF_FOOTER_NOT_CRED,   /* a TLV whose type is not 128 (Credentials) */
    TBF_FOOTER_OVERRUN,    /* a TLV running past total_size, or binary_end > total_size */
    TBF_FOOTER_BAD_FORMAT, /* unknown format number ("bad TLV", section 7) */
    TBF_FOOTER_BAD_LENGTH, /* TLV too short for its format's data */
};

/* One credential footer. */
struct tbf_credential {
    uint32_t offset;     /* of the TLV header, from TBF start */
    uint16_t tlv_length; /* TLV length field: 4 (format) + data + any filler */
    uint32_t format;     /* enum tbf_credential_format */
    const uint8_t *data; /* the format's data, data_len bytes (directly after the format) */
    uint32_t data_len;   /* fixed per format; 0 for Reserved */
};

/* Iterator over [binary_end_offset, total_size) of one object; fields are private. */
struct tbf_footer_iter {
    const uint8_t *base;
    uint32_t pos;
    uint32_t end;
    enum tbf_footer_status status;
};

/* Start walking the region of len bytes at region, which lives at flash address address
 * (used for the fixed-flash check and reported in each object). The region is clamped so
 * that address + len does not exceed 2^32. kernel_major/minor are this kernel's version
 * (e.g. 2, 2) for the kernel-version check of each app. */
void tbf_walk_init(struct tbf_walker *w, const uint8_t *region, size_t len, uint32_t address,
                   uint16_t kernel_major, uint16_t kernel_minor);

/* Next object into *obj, implementing section 6: TBF_END stops the walk (and every later call
 * returns TBF_END again), including a TBF_REASON_BINARY_END skip, which Tock treats as "not
 * enough flash"; TBF_APP, TBF_DISABLED, TBF_PADDING and TBF_SKIP advance by total_size.
 * Returns obj->result. */
enum tbf_result tbf_walk_next(struct tbf_walker *w, struct tbf_object *obj);

/* Data length fixed by a credential format (0 for Reserved). Returns false for an unknown
 * format. */
bool tbf_credential_data_len(uint32_t format, uint32_t *len);

/* Start iterating the footers of hdr, which must come from tbf_parse() with a result other
 * than TBF_END (so total_size bytes at hdr->base are readable). Without a Program TLV
 * binary_end_offset equals total_size and there are no footers. */
void tbf_footer_init(struct tbf_footer_iter *it, const struct tbf_header *hdr);

/* Next footer into *cred. A footer is a TLV of type 128 whose value is a u32 format and its
 * data; the walk advances by 4 + length (no rounding) and stops, with the status saying why,
 * when fewer than 4 bytes remain, at a non-credential TLV, at a TLV running past total_size, at
 * an unknown format or at a TLV too short for its format (a longer one is accepted; the extra
 * bytes are filler). Once it returns something other than TBF_FOOTER_OK it keeps returning
 * that. */
enum tbf_footer_status tbf_footer_next(struct tbf_footer_iter *it, struct tbf_credential *cred);

/* Name of a credential format ("Reserved", "SHA256", ...) or "unknown". */
const char *tbf_credential_format_name(uint32_t format);

/* Message for a footer status, e.g. "footer TLV is not a credential". */
const char *tbf_footer_status_str(enum tbf_footer_status status);
