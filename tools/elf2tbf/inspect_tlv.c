/* SPDX-License-Identifier: Apache-2.0 */
/* elf2tbf --inspect: decoding and printing of the individual header TLVs. */
#include <stdio.h>

#include "inspect.h"
#include "kernel/tbf.h"

#define FIELD "    %-24s "

/* How many TLVs of each small type a header has, and how many were printed so far. */
struct seen {
    unsigned count[16];
    unsigned index[16];
};

static void print_program(const struct tbf_tlv *t)
{
    const uint8_t *v = t->value;

    printf(FIELD "0x%x\n", "init_fn_offset", tbf_le32(v));
    printf(FIELD "0x%x\n", "protected_trailer_size", tbf_le32(v + 4));
    printf(FIELD "%u (0x%x)\n", "minimum_ram_size", tbf_le32(v + 8), tbf_le32(v + 8));
    if (t->type == TBF_TLV_PROGRAM) {
        printf(FIELD "0x%x\n", "binary_end_offset", tbf_le32(v + 12));
        printf(FIELD "%u\n", "version", tbf_le32(v + 16));
    }
}

static void print_name(const struct tbf_tlv *t)
{
    bool utf8 = tbf_utf8_valid(t->value, t->length);

    printf(FIELD "\"", "name");
    for (uint16_t i = 0; i < t->length; i++) {
        uint8_t c = t->value[i];

        if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7F && (utf8 || c < 0x80)) {
            putchar(c);
        } else {
            printf("\\x%02x", c);
        }
    }
    printf("\"%s\n", utf8 ? "" : " (not valid UTF-8)");
}

static void print_wfr(const struct tbf_tlv *t)
{
    for (uint16_t i = 0; i + 8u <= t->length; i += 8) {
        printf("    region %-17u offset 0x%x, size %u\n", i / 8u, tbf_le32(t->value + i),
               tbf_le32(t->value + i + 4));
    }
}

static void print_fixed(const struct tbf_tlv *t, const struct tbf_header *h)
{
    uint32_t ram = tbf_le32(t->value);
    uint32_t flash = tbf_le32(t->value + 4);

    printf(FIELD "0x%08x%s\n", "start_process_ram", ram, ram == TBF_ADDR_NONE ? " (none)" : "");
    printf(FIELD "0x%08x", "start_process_flash", flash);
    if (flash == TBF_ADDR_NONE) {
        printf(" (none)\n");
    } else if (flash >= tbf_protected_size(h)) {
        printf(" (the TBF must start at 0x%08x)\n", flash - tbf_protected_size(h));
    } else {
        printf(" (below the protected region: cannot be satisfied)\n");
    }
}

static void print_permissions(const struct tbf_tlv *t)
{
    uint16_t count = t->length >= 2 ? tbf_le16(t->value) : 0;

    printf(FIELD "%u\n", "count", count);
    for (uint32_t i = 0; i < count; i++) {
        uint32_t at = 2 + 16 * i;

        if (at + 16 > t->length) {
            printf("    entry %u runs past the TLV: the kernel treats the TLV as absent\n", i);
            return;
        }
        printf("    entry %-18u driver 0x%x, commands %u-%u, mask 0x%08x%08x\n", i,
               tbf_le32(t->value + at), 64 * tbf_le32(t->value + at + 4),
               64 * tbf_le32(t->value + at + 4) + 63, tbf_le32(t->value + at + 12),
               tbf_le32(t->value + at + 8));
    }
}

static void print_ids(const char *name, const uint32_t *ids, uint16_t n)
{
    printf(FIELD, name);
    for (uint16_t i = 0; i < n; i++) {
        printf("%s0x%x", i ? ", " : "", ids[i]);
    }
    printf(n == 0 ? "(none)\n" : "\n");
}

static void print_storage(const struct tbf_tlv *t)
{
    struct tbf_header tmp = {.storage_permissions = t->value, .storage_permissions_len = t->length};
    struct tbf_storage_perms sp;

    if (!tbf_storage_permissions(&tmp, &sp)) {
        printf("    unparseable (counts too large or cut off): treated as absent\n");
        return;
    }
    printf(FIELD "0x%x%s\n", "write_id", sp.write_id, sp.write_id ? "" : " (may not write)");
    print_ids("read_ids", sp.read_ids, sp.read_count);
    print_ids("modify_ids", sp.modify_ids, sp.modify_count);
}

static void print_value(const struct tbf_tlv *t, const struct tbf_header *h)
{
    switch (t->type) {
    case TBF_TLV_MAIN:
    case TBF_TLV_PROGRAM:
        print_program(t);
        break;
    case TBF_TLV_WFR:
        print_wfr(t);
        break;
    case TBF_TLV_PACKAGE_NAME:
        print_name(t);
        break;
    case TBF_TLV_FIXED_ADDRESSES:
        print_fixed(t, h);
        break;
    case TBF_TLV_PERMISSIONS:
        print_permissions(t);
        break;
    case TBF_TLV_STORAGE_PERMISSIONS:
        print_storage(t);
        break;
    case TBF_TLV_KERNEL_VERSION:
        printf(FIELD "%u.%u\n", "kernel", tbf_le16(t->value), tbf_le16(t->value + 2));
        break;
    default: /* TBF_TLV_SHORT_ID */
        printf(FIELD "0x%08x%s\n", "short_id", tbf_le32(t->value),
               tbf_le32(t->value) ? "" : " (none)");
        break;
    }
}

/* Length the kernel requires for type, or -1 if any length is fine; -2: multiple of 8. */
static int required_length(uint16_t type)
{
    static const int len[16] = {-1,
                                TBF_MAIN_LEN,
                                -2,
                                -1,
                                -1,
                                TBF_FIXED_ADDRESSES_LEN,
                                -1,
                                -1,
                                TBF_KERNEL_VERSION_LEN,
                                TBF_PROGRAM_LEN,
                                TBF_SHORT_ID_LEN,
                                -1,
                                -1,
                                -1,
                                -1,
                                -1};

    return type < 16 ? len[type] : -1;
}

/* Bulkhead's scheduling TLV: checked as the kernel checks it. */
static void print_scheduling(const struct tbf_tlv *t)
{
    if (t->length != TBF_SCHEDULING_LEN) {
        printf(": bad length, the kernel rejects the header\n");
        return;
    }
    uint32_t prio = tbf_le32(t->value);

    printf("\n");
    if (prio == TBF_PRIORITY_NONE) {
        printf(FIELD "none (the slot index)\n", "priority");
    } else {
        printf(FIELD "%u%s\n", "priority", prio, prio > TBF_PRIORITY_MAX ? " (invalid)" : "");
    }
    printf(FIELD "%u us\n", "period", tbf_le32(t->value + 4));
    printf(FIELD "%u us\n", "budget", tbf_le32(t->value + 8));
}

/* Print one TLV with notes on whether the kernel uses it. */
static void print_tlv(const struct tbf_tlv *t, const struct tbf_header *h, struct seen *s)
{
    bool known = t->type <= TBF_TLV_SHORT_ID && t->type != 0 && t->type != TBF_TLV_PIC_OPTION1;
    bool first_wins = t->type == TBF_TLV_MAIN || t->type == TBF_TLV_PROGRAM;
    unsigned idx = known ? s->index[t->type]++ : 0;
    int need = required_length(t->type);

    printf("  TLV %s (type %u, length %u) at 0x%x", tbf_tlv_type_name(t->type), t->type, t->length,
           t->offset);
    if (t->type == TBF_TLV_SCHEDULING) {
        print_scheduling(t);
        return;
    }
    if (!known) {
        printf(": not used by the kernel, skipped\n");
        return;
    }
    if (first_wins && idx > 0) {
        printf(": duplicate, ignored (the first one wins)\n");
        return;
    }
    if ((need >= 0 && t->length != need) || (need == -2 && t->length % 8 != 0)) {
        printf(": bad length, the kernel rejects the header\n");
        return;
    }
    if (!first_wins && idx + 1 < s->count[t->type]) {
        printf(": overridden by a later one (the last one wins)");
    } else if (t->type == TBF_TLV_MAIN && h->has_program) {
        printf(": the Program TLV takes precedence");
    }
    printf("\n");
    print_value(t, h);
}

void inspect_tlvs(const struct tbf_header *hdr)
{
    struct tbf_tlv_iter it;
    struct tbf_tlv t;
    struct seen s = {{0}, {0}};

    tbf_tlv_iter_init(&it, hdr->base, hdr->header_size);
    while (tbf_tlv_next(&it, &t)) {
        s.count[t.type < 16 ? t.type : 0]++;
    }
    tbf_tlv_iter_init(&it, hdr->base, hdr->header_size);
    while (tbf_tlv_next(&it, &t)) {
        print_tlv(&t, hdr, &s);
    }
    if (it.error != TBF_REASON_NONE) {
        printf("  TLV list ends at 0x%x: %s\n", it.pos, tbf_reason_str(it.error));
    }
}
