/* SPDX-License-Identifier: Apache-2.0 */
/* Tock Binary Format (TBF v2) parser: base header, TLVs, checks and accessors.
 *
 * Everything here is pure, portable C: no hardware access, no allocation, no recursion. The
 * parser reads only bytes inside the range it is given and never trusts a length field: every
 * offset is checked with overflow-safe comparisons before it is used. Pointers stored in a
 * struct tbf_header point into the caller's buffer (normally flash) and stay valid as long as
 * that buffer does. Section numbers below refer to the TBF specification (spec/tbf.md).
 *
 * The flash walk (section 6) is in kernel/tbf_walk.h, credential footers (section 7) in
 * kernel/tbf_footer.h. */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define TBF_VERSION 2u
#define TBF_BASE_HEADER_SIZE 16u
#define TBF_TLV_HEADER_SIZE 4u
#define TBF_FLAG_ENABLED 0x1u
#define TBF_FLAG_STICKY 0x2u
/* Fixed Addresses TLV value meaning "not fixed"; also used when the TLV is absent. */
#define TBF_ADDR_NONE 0xFFFFFFFFu
/* Storage Permissions: most read / modify IDs a TLV may carry (more = unparseable). */
#define TBF_STORAGE_MAX_IDS 8u
/* Scheduling TLV: "no priority" (use the slot), highest priority value and
 * longest period accepted. */
#define TBF_PRIORITY_NONE 0xFFFFFFFFu
#define TBF_PRIORITY_MAX 255u
#define TBF_PERIOD_MAX_US 60000000u

/* TLV type numbers (section 2). */
enum tbf_tlv_type {
    TBF_TLV_MAIN = 1,
    TBF_TLV_WFR = 2,
    TBF_TLV_PACKAGE_NAME = 3,
    TBF_TLV_PIC_OPTION1 = 4,
    TBF_TLV_FIXED_ADDRESSES = 5,
    TBF_TLV_PERMISSIONS = 6,
    TBF_TLV_STORAGE_PERMISSIONS = 7,
    TBF_TLV_KERNEL_VERSION = 8,
    TBF_TLV_PROGRAM = 9,
    TBF_TLV_SHORT_ID = 10,
    TBF_TLV_CREDENTIALS = 128,
    /* Bulkhead's own (bit 15: out-of-tree): scheduling parameters, see
     * doc/scheduling.md. Tock kernels skip it as unknown. */
    TBF_TLV_SCHEDULING = 0x8001,
};

/* Exact value lengths of the fixed-size TLVs. */
enum {
    TBF_MAIN_LEN = 12,
    TBF_PROGRAM_LEN = 20,
    TBF_FIXED_ADDRESSES_LEN = 8,
    TBF_KERNEL_VERSION_LEN = 4,
    TBF_SHORT_ID_LEN = 4,
    TBF_SCHEDULING_LEN = 12,
    TBF_WFR_ENTRY_LEN = 8,
    TBF_PERMISSION_ENTRY_LEN = 16,
};

/* What tbf_parse() found at a position in flash. */
enum tbf_result {
    TBF_APP,      /* valid, enabled, compatible application: a process candidate */
    TBF_DISABLED, /* valid header, flags bit 0 clear: skip total_size bytes, do not start */
    TBF_PADDING,  /* valid header without TLVs: skip total_size bytes */
    TBF_SKIP,     /* invalid or unusable object: skip total_size bytes (see the reason) */
    TBF_END,      /* no object here: the application list ends (see the reason) */
};

/* Why an object ended the list or was skipped. Every value has a message from
 * tbf_reason_str(). */
enum tbf_reason {
    TBF_REASON_NONE,
    /* Reasons for TBF_END. */
    TBF_REASON_SHORT,           /* fewer than 16 bytes available */
    TBF_REASON_VERSION,         /* version != 2 (includes erased 0xFF and zeroed flash) */
    TBF_REASON_TOTAL_TOO_SMALL, /* total_size < 16: robustness choice, see tbf_parse() */
    TBF_REASON_PAST_END,        /* total_size runs past the available bytes */
    /* Reasons for TBF_SKIP. */
    TBF_REASON_HEADER_SIZE,       /* header_size < 16 or > total_size */
    TBF_REASON_CHECKSUM,          /* header checksum mismatch */
    TBF_REASON_TLV_OVERRUN,       /* a TLV header or padded value runs past header_size */
    TBF_REASON_TLV_TRAILING,      /* 1-3 bytes left after the last TLV */
    TBF_REASON_TLV_LENGTH,        /* wrong length for a fixed-size TLV, or WFR not 8*n */
    TBF_REASON_BAD_NAME,          /* package name is not valid UTF-8 */
    TBF_REASON_NO_KERNEL_VERSION, /* Kernel Version TLV missing (required, section 6.2) */
    TBF_REASON_KERNEL_VERSION,    /* app needs an incompatible kernel version */
    TBF_REASON_BINARY_END,        /* binary_end_offset > total_size (the walk stops here) */
    TBF_REASON_LAYOUT,            /* entry point or app start outside [app start, binary end) */
    TBF_REASON_WFR_RANGE,         /* a writeable flash region lies outside the object */
    TBF_REASON_FIXED_FLASH,       /* linked for another flash address (section 6.3) */
    TBF_REASON_SCHEDULING,        /* scheduling TLV values out of range */
    TBF_REASON_COUNT,
};

/* The checks tbf_parse() needs from its caller. */
struct tbf_env {
    uint16_t kernel_major; /* this kernel's version, e.g. (2, 2) */
    uint16_t kernel_minor;
    bool check_flash_address; /* false: skip the fixed-flash check (tools without an address) */
    uint32_t flash_address;   /* address at which p[0] lives, for the fixed-flash check */
};

/* One decoded header. Fields whose TLV is absent are 0 / NULL, except fixed_ram and
 * fixed_flash which are TBF_ADDR_NONE. Derived values: see tbf_protected_size() and
 * tbf_entry_offset(). */
struct tbf_header {
    /* Base header fields (kept on TLV errors; they must stay before tlv_count). */
    const uint8_t *base; /* first byte of the object (the p given to tbf_parse) */
    uint16_t version;
    uint16_t header_size;
    uint32_t total_size;
    uint32_t flags;    /* bit 0 enabled, bit 1 sticky */
    uint32_t checksum; /* as stored */
    enum tbf_reason reason;
    /* Fields decoded from the TLVs. */
    uint16_t tlv_count; /* TLVs of every type, including unknown and duplicate ones */
    /* Main or Program: the first Program TLV if there is one, else the first Main TLV. */
    bool has_main;
    bool has_program;
    uint32_t init_fn_offset;         /* entry = TBF start + header_size + init_fn_offset */
    uint32_t protected_trailer_size; /* app start = TBF start + header_size + this */
    uint32_t minimum_ram_size;
    uint32_t binary_end_offset; /* total_size without a Program TLV */
    uint32_t app_version;       /* Program version; 0 without a Program TLV */
    /* Package Name (last one wins): UTF-8, no terminator; NULL and 0 if absent. */
    const uint8_t *package_name;
    uint16_t package_name_len;
    /* Writeable Flash Regions (last TLV wins); read them with tbf_wfr(). */
    const uint8_t *wfr;
    uint16_t wfr_count;
    /* Fixed Addresses (last one wins). */
    bool has_fixed_addresses;
    uint32_t fixed_ram;
    uint32_t fixed_flash;
    /* Permissions and Storage Permissions values (last wins), checked only when used. */
    const uint8_t *permissions;
    uint16_t permissions_len;
    const uint8_t *storage_permissions;
    uint16_t storage_permissions_len;
    /* Kernel Version and Short ID (last wins). */
    bool has_kernel_version;
    uint16_t kernel_major;
    uint16_t kernel_minor;
    bool has_short_id;
    uint32_t short_id;
    /* Bulkhead scheduling TLV (last wins): priority 0..255 or
     * TBF_PRIORITY_NONE, EDF period and budget in microseconds. */
    bool has_scheduling;
    uint32_t sched_priority;
    uint32_t sched_period_us;
    uint32_t sched_budget_us;
};

/* One Writeable Flash Region entry. */
struct tbf_wfr {
    uint32_t offset; /* from TBF start */
    uint32_t size;   /* 0 = unused entry */
};

/* Decoded Storage Permissions TLV (section 2.8). */
struct tbf_storage_perms {
    uint32_t write_id; /* 0: may not write */
    uint16_t read_count;
    uint16_t modify_count;
    uint32_t read_ids[TBF_STORAGE_MAX_IDS];
    uint32_t modify_ids[TBF_STORAGE_MAX_IDS];
};

/* Outcome of a Permissions lookup (section 2.7). */
enum tbf_perm {
    TBF_PERM_ALL,       /* no (usable) Permissions TLV: everything is allowed */
    TBF_PERM_NO_DRIVER, /* TLV present, no entry for the driver: everything to it denied */
    TBF_PERM_MASK,      /* *mask holds the allowed commands of the block (0 if no entry) */
};

/* A raw TLV as found in the header. */
struct tbf_tlv {
    uint16_t type;
    uint16_t length;      /* value bytes, excluding padding */
    uint16_t offset;      /* of the TLV header, from TBF start */
    const uint8_t *value; /* length bytes */
};

/* Iterator over the raw TLVs of a header; see tbf_tlv_iter_init(). */
struct tbf_tlv_iter {
    const uint8_t *base;
    uint32_t pos;
    uint32_t end;
    enum tbf_reason error; /* NONE while iterating or after a clean end */
};

/* Little-endian loads from an unaligned byte pointer. */
static inline uint16_t tbf_le16(const uint8_t *p)
{
    return (uint16_t)(p[0] | (p[1] << 8));
}

static inline uint32_t tbf_le32(const uint8_t *p)
{
    return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24);
}

/* Parse and classify the TBF object at p, of which available bytes may be read, following
 * section 6 step by step:
 *   - TBF_END if available < 16, version != 2, total_size < 16 (Tock would loop forever on 0
 *     or jump into the middle of data; we end the list instead), or total_size > available;
 *   - TBF_SKIP for header_size < 16 or > total_size, a checksum mismatch, a bad TLV (overrun,
 *     trailing bytes, wrong fixed length), a package name that is not UTF-8;
 *   - TBF_PADDING for a valid header without TLVs; TBF_DISABLED for a valid app whose flags
 *     bit 0 is clear (before any of the following checks, as Tock does);
 *   - TBF_SKIP for a missing or incompatible Kernel Version TLV (tbf_check_kernel_version
 *     against env), binary_end_offset > total_size (TBF_REASON_BINARY_END; the flash walk
 *     stops there, section 6), an entry point, app start or writeable flash region outside
 *     the object (tbf_check_layout: robustness, a real packer never produces these), and when
 *     env->check_flash_address is set a fixed-flash mismatch (tbf_check_fixed_flash);
 *   - TBF_APP otherwise.
 * Inputs: p (may be NULL only if available is 0), env (non-NULL). Output: *hdr is always
 * initialised; hdr->reason says why for TBF_END/TBF_SKIP (NONE otherwise). On TBF_SKIP the
 * base fields are valid and, if the TLVs parsed, the TLV fields too -- even when the
 * checksum failed, so a boot message can name the app; use them for messages only.
 * Guarantee: for TBF_APP/TBF_DISABLED/TBF_PADDING, 16 <= header_size <= total_size <=
 * available and every pointer in *hdr lies inside [p, p + header_size). */
enum tbf_result tbf_parse(const uint8_t *p, size_t available, const struct tbf_env *env,
                          struct tbf_header *hdr);

/* Section 6.2: the app needs kernel >= major.minor and < (major+1).0, i.e. it is accepted iff
 * hdr->kernel_major == kernel_major and kernel_minor >= hdr->kernel_minor. Returns
 * TBF_REASON_NONE, TBF_REASON_NO_KERNEL_VERSION (TLV absent) or TBF_REASON_KERNEL_VERSION. */
enum tbf_reason tbf_check_kernel_version(const struct tbf_header *hdr, uint16_t kernel_major,
                                         uint16_t kernel_minor);

/* Robustness checks on a parsed header whose binary_end_offset <= total_size: the app start
 * (header_size + protected_trailer_size) must be <= binary_end_offset, the entry point
 * (header_size + init_fn_offset) must lie in [app start, binary_end_offset), and every
 * writeable flash region with a non-zero size must lie inside [0, total_size). Returns
 * TBF_REASON_NONE, TBF_REASON_BINARY_END, TBF_REASON_LAYOUT or TBF_REASON_WFR_RANGE. */
enum tbf_reason tbf_check_layout(const struct tbf_header *hdr);

/* Section 6.3, flash half: if hdr->fixed_flash != TBF_ADDR_NONE it must equal flash_address +
 * header_size + protected_trailer_size (computed without overflow), where flash_address is
 * where the object starts. Returns TBF_REASON_NONE or TBF_REASON_FIXED_FLASH. The RAM half is
 * the process loader's job: hdr->fixed_ram is the required start of the RAM block. */
enum tbf_reason tbf_check_fixed_flash(const struct tbf_header *hdr, uint32_t flash_address);

/* header_size + protected_trailer_size (offset of the app start), saturating at UINT32_MAX. */
uint32_t tbf_protected_size(const struct tbf_header *hdr);

/* header_size + init_fn_offset (offset of the entry point), saturating at UINT32_MAX. */
uint32_t tbf_entry_offset(const struct tbf_header *hdr);

/* Writeable flash region number index (0 <= index < hdr->wfr_count) into *out. Returns false
 * (and leaves *out untouched) if index is out of range. */
bool tbf_wfr(const struct tbf_header *hdr, uint16_t index, struct tbf_wfr *out);

/* Section 2.7 lookup for driver and command block (block k = commands 64k..64k+63). Scans
 * the entries in order and stops at the first one matching both; an entry running past the
 * TLV value (or a value shorter than its count field) before that makes the whole TLV count
 * as absent (TBF_PERM_ALL). *mask (non-NULL) is written only for TBF_PERM_MASK. */
enum tbf_perm tbf_permissions_lookup(const struct tbf_header *hdr, uint32_t driver, uint32_t block,
                                     uint64_t *mask);

/* Whether Command command to driver is permitted by the Permissions TLV. */
bool tbf_command_allowed(const struct tbf_header *hdr, uint32_t driver, uint32_t command);

/* Whether Subscribe and Allow calls to driver are permitted (the driver appears in the TLV, or
 * there is no usable TLV). */
bool tbf_driver_allowed(const struct tbf_header *hdr, uint32_t driver);

/* Decode the Storage Permissions TLV into *out. Returns false if the TLV is absent, too short
 * for its counts, or lists more than TBF_STORAGE_MAX_IDS read or modify IDs (then it counts
 * as absent, section 2.8). */
bool tbf_storage_permissions(const struct tbf_header *hdr, struct tbf_storage_perms *out);

/* Start iterating the raw TLVs in [16, header_size) of the header at base. Precondition:
 * header_size bytes at base are readable (true after tbf_parse() returned anything but
 * TBF_END). */
void tbf_tlv_iter_init(struct tbf_tlv_iter *it, const uint8_t *base, uint16_t header_size);

/* Next TLV into *tlv. Returns false at the end; it->error is then TBF_REASON_NONE after a
 * clean end or TBF_REASON_TLV_OVERRUN / TBF_REASON_TLV_TRAILING for a malformed list. Once
 * false, it stays false. Advances by 4 + round_up(length, 4). */
bool tbf_tlv_next(struct tbf_tlv_iter *it, struct tbf_tlv *tlv);

/* Whether s[0, n) is valid UTF-8 (no overlong forms, surrogates or code points above
 * U+10FFFF; NUL bytes are allowed). The Package Name rule, exported for tools. */
bool tbf_utf8_valid(const uint8_t *s, size_t n);

/* Short lower-case name of a result ("app", "disabled", "padding", "skipped", "end"). */
const char *tbf_result_name(enum tbf_result result);

/* Human-readable reason, e.g. "header checksum mismatch"; "?" for out-of-range values. */
const char *tbf_reason_str(enum tbf_reason reason);

/* Name of a TLV type ("Main", "Program", ...) or "unknown". */
const char *tbf_tlv_type_name(uint16_t type);
