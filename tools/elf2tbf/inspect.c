/* SPDX-License-Identifier: Apache-2.0 */
/* elf2tbf --inspect: print every field, TLV and footer of TBF files, and validate them. */
#include "inspect.h"

#include <stdio.h>
#include <stdlib.h>

#include "kernel/tbf_walk.h"
#include "util.h"

#define FIELD "    %-24s "
#define CRT0_HEADER_SIZE 40u

/* XOR of the header words except the checksum word. */
static uint32_t checksum(const struct tbf_header *h)
{
    uint32_t sum = 0;

    for (uint32_t i = 0; i + 4 <= h->header_size; i += 4) {
        sum ^= i == 12 ? 0 : tbf_le32(h->base + i);
    }
    return sum;
}

static void print_base(const struct tbf_header *h, bool sizes_ok)
{
    printf("  base header\n");
    printf(FIELD "%u\n", "version", h->version);
    printf(FIELD "%u (0x%x)\n", "header_size", h->header_size, h->header_size);
    printf(FIELD "%u (0x%x)\n", "total_size", h->total_size, h->total_size);
    printf(FIELD "0x%08x (%s%s)\n", "flags", h->flags,
           (h->flags & TBF_FLAG_ENABLED) ? "enabled" : "disabled",
           (h->flags & TBF_FLAG_STICKY) ? ", sticky" : "");
    printf(FIELD "0x%08x", "checksum", h->checksum);
    if (sizes_ok && checksum(h) == h->checksum) {
        printf(" (ok)\n");
    } else if (sizes_ok) {
        printf(" (mismatch: the header's words give 0x%08x)\n", checksum(h));
    } else {
        printf("\n");
    }
}

/* libtock-c's crt0 header at the app start, and the relocation block it points to. */
static void print_crt0(const struct tbf_header *h)
{
    static const char *const names[] = {"got_sym_start", "got_start", "got_size",  "data_sym_start",
                                        "data_start",    "data_size", "bss_start", "bss_size",
                                        "reldata_start", "stack_size"};
    uint32_t start = tbf_protected_size(h);
    const uint8_t *p = h->base + start;
    uint32_t rel;

    if (h->binary_end_offset < start || h->binary_end_offset - start < CRT0_HEADER_SIZE) {
        return;
    }
    printf("  crt0 header at app start (libtock-c layout)\n");
    for (unsigned i = 0; i < 10; i++) {
        printf(FIELD "0x%x\n", names[i], tbf_le32(p + 4 * i));
    }
    rel = tbf_le32(p + 32);
    if (rel <= h->binary_end_offset - start && h->binary_end_offset - start - rel >= 4) {
        uint32_t len = tbf_le32(p + rel);

        printf(FIELD "%u bytes (%u records) at 0x%x%s\n", "relocation block", len, len / 8,
               start + rel,
               len <= h->binary_end_offset - start - rel - 4 ? "" : " (runs past binary end)");
    }
}

static void print_layout(const struct tbf_header *h)
{
    printf("  layout (offsets from the TBF start)\n");
    printf(FIELD "[0x0, 0x%x)\n", "protected region", tbf_protected_size(h));
    printf(FIELD "0x%x\n", "app start", tbf_protected_size(h));
    printf(FIELD "0x%x (app start + 0x%x)\n", "entry point", tbf_entry_offset(h),
           tbf_entry_offset(h) - tbf_protected_size(h));
    printf(FIELD "[0x0, 0x%x)\n", "integrity region", h->binary_end_offset);
    printf(FIELD "[0x%x, 0x%x)\n", "footer region", h->binary_end_offset, h->total_size);
}

/* Print the footers; returns the status that ended them (TBF_FOOTER_END if clean). */
static enum tbf_footer_status print_footers(const struct tbf_header *h)
{
    struct tbf_footer_iter it;
    struct tbf_credential c;
    enum tbf_footer_status st;

    tbf_footer_init(&it, h);
    while ((st = tbf_footer_next(&it, &c)) == TBF_FOOTER_OK) {
        printf("  footer Credentials at 0x%x: %s (format %u), length %u, %u data bytes\n", c.offset,
               tbf_credential_format_name(c.format), c.format, c.tlv_length, c.data_len);
    }
    printf("  footers: %s\n", tbf_footer_status_str(st));
    return st;
}

/* Print one object at offset; returns its result. */
static enum tbf_result inspect_object(const char *path, const uint8_t *p, size_t avail,
                                      size_t offset, const struct tbf_env *env, bool *ok)
{
    struct tbf_header h;
    enum tbf_result r = tbf_parse(p, avail, env, &h);
    bool readable = r != TBF_END && h.reason != TBF_REASON_HEADER_SIZE;
    enum tbf_footer_status st;

    printf("%s: object at offset 0x%zx: %s\n", path, offset, tbf_result_name(r));
    if (avail >= TBF_BASE_HEADER_SIZE) {
        print_base(&h, readable);
    }
    if (readable) {
        inspect_tlvs(&h);
    }
    if (r == TBF_APP || r == TBF_DISABLED) {
        print_layout(&h);
        print_crt0(&h);
        st = print_footers(&h);
        if (st != TBF_FOOTER_END) {
            util_error("%s: object at offset 0x%zx: bad footer: %s", path, offset,
                       tbf_footer_status_str(st));
            *ok = false;
        }
    }
    if (r == TBF_SKIP || (r == TBF_END && offset == 0)) {
        util_error("%s: object at offset 0x%zx: %s", path, offset, tbf_reason_str(h.reason));
        *ok = false;
    } else if (r == TBF_DISABLED && tbf_check_layout(&h) != TBF_REASON_NONE) {
        util_error("%s: disabled app at offset 0x%zx: %s", path, offset,
                   tbf_reason_str(tbf_check_layout(&h)));
        *ok = false;
    }
    if (r == TBF_END) {
        return r;
    }
    printf("  next object at offset 0x%zx\n", offset + h.total_size);
    return r == TBF_SKIP && h.reason == TBF_REASON_BINARY_END ? TBF_END : r;
}

bool inspect_file(const char *path, uint16_t kernel_major, uint16_t kernel_minor)
{
    struct tbf_env env = {.kernel_major = kernel_major, .kernel_minor = kernel_minor};
    uint8_t *data;
    size_t size;
    size_t offset = 0;
    bool ok = true;

    if (!util_read_file(path, &data, &size)) {
        return false;
    }
    while (offset < size) {
        struct tbf_header h;

        if (inspect_object(path, data + offset, size - offset, offset, &env, &ok) == TBF_END) {
            break;
        }
        (void)tbf_parse(data + offset, size - offset, &env, &h);
        offset += h.total_size;
    }
    if (size == 0) {
        util_error("%s: empty file", path);
        ok = false;
    } else if (offset != size && ok) {
        util_error("%s: %zu bytes after the last object at offset 0x%zx are not a TBF object", path,
                   size - offset, offset);
        ok = false;
    }
    free(data);
    return ok;
}
