/* SPDX-License-Identifier: Apache-2.0 */
/* The packer: ELF in, TBF out, following the layout of TBF spec section 3 (elf2tab's). */
#include "pack.h"

#include <stdlib.h>
#include <string.h>

#include "elf.h"
#include "image.h"
#include "kernel/tbf.h"
#include "kernel/tbf_walk.h"
#include "tbf_write.h"
#include "util.h"

#define DEFAULT_STACK 2048u
#define MIN_ARM_TOTAL 512u
#define TBF_ALIGN 256u

/* Everything decided about the layout. */
struct layout {
    struct tbf_write_header hdr;
    uint32_t wfr[2 * IMAGE_MAX_WFR];
    struct tbf_write_perm perms[OPTIONS_MAX_PERMS];
    uint32_t header_size;
    uint32_t protected_size;
    uint32_t binary_end;
};

/* Group --permission options into (driver, block) entries, in order of first appearance. */
static uint16_t group_permissions(const struct options *opt, struct tbf_write_perm *out)
{
    uint16_t n = 0;

    for (uint16_t i = 0; i < opt->perm_count; i++) {
        uint32_t block = opt->perms[i].command / 64u;
        uint16_t k = 0;

        while (k < n && (out[k].driver != opt->perms[i].driver || out[k].block != block)) {
            k++;
        }
        if (k == n) {
            out[n].driver = opt->perms[i].driver;
            out[n].block = block;
            out[n++].mask = 0;
        }
        out[k].mask |= UINT64_C(1) << (opt->perms[i].command % 64u);
    }
    return n;
}

/* The header's content except the layout-dependent values. */
static void header_content(struct layout *l, const struct options *opt, const struct image *img)
{
    struct tbf_write_header *h = &l->hdr;

    h->flags = (opt->disabled ? 0 : TBF_FLAG_ENABLED) | (opt->sticky ? TBF_FLAG_STICKY : 0);
    h->app_version = opt->app_version;
    h->package_name = opt->package_name;
    for (uint16_t i = 0; i < img->wfr_count; i++) {
        l->wfr[2 * i + 1] = img->wfr[i].size; /* offsets follow once the layout is known */
    }
    h->wfr = l->wfr;
    h->wfr_count = img->wfr_count;
    h->has_fixed_addresses =
        img->fixed_flash != IMAGE_ADDR_NONE || img->fixed_ram != IMAGE_ADDR_NONE;
    h->fixed_ram = img->fixed_ram;
    h->fixed_flash = img->fixed_flash;
    h->perms = l->perms;
    h->perm_count = group_permissions(opt, l->perms);
    h->has_storage = opt->has_storage;
    h->write_id = opt->write_id;
    h->read_ids = opt->read_ids;
    h->read_count = opt->read_count;
    h->modify_ids = opt->modify_ids;
    h->modify_count = opt->modify_count;
    h->kernel_major = opt->kernel_major;
    h->kernel_minor = opt->kernel_minor;
    h->has_short_id = opt->has_short_id;
    h->short_id = opt->short_id;
    h->has_scheduling = opt->has_scheduling;
    h->priority = opt->priority;
    h->period_us = opt->period_us;
    h->budget_us = opt->budget_us;
}

/* Choose the protected region size (see pack.h). */
static bool protected_size(struct layout *l, const struct options *opt, const struct image *img)
{
    uint32_t p = l->header_size;

    if (opt->has_protected_size) {
        p = opt->protected_size;
    } else if (img->has_protected_symbol) {
        p = img->protected_symbol;
    } else if (img->fixed_flash != IMAGE_ADDR_NONE) {
        if (img->fixed_flash < l->header_size) {
            util_error("fixed flash address 0x%08x leaves no room for the %u-byte header",
                       img->fixed_flash, l->header_size);
            return false;
        }
        p = img->fixed_flash - ((img->fixed_flash - l->header_size) & ~(TBF_ALIGN - 1));
    }
    if (p < l->header_size || p % 4 != 0 || p > (1u << 20)) {
        util_error("protected region size %u must be a multiple of 4, at least the header size "
                   "(%u) and at most 1 MiB",
                   p, l->header_size);
        return false;
    }
    l->protected_size = p;
    return true;
}

/* Sizes derived from the image and options; false if a value does not fit in 32 bits. */
static bool sizes(struct layout *l, const struct options *opt, const struct image *img)
{
    uint64_t stack = opt->has_stack
                         ? opt->stack
                         : (img->has_stack_section ? img->stack_section_size : DEFAULT_STACK);
    uint64_t ram = img->ram_size + util_align_up(stack, 8) + util_align_up(opt->app_heap, 4) +
                   util_align_up(opt->kernel_heap, 4);
    uint64_t end =
        util_align_up((uint64_t)l->protected_size + img->flash.len + 4 + img->reloc.len, 4);
    uint64_t total = end;

    if (opt->minimum_footer_size > 0) {
        total += util_align_up(opt->minimum_footer_size < 8 ? 8 : opt->minimum_footer_size, 4);
    }
    if (img->machine == ELF_EM_ARM) {
        uint64_t pow2 = MIN_ARM_TOTAL;

        while (pow2 < total) {
            pow2 *= 2;
        }
        total = pow2;
        /* A footer needs 8 bytes (TLV head and credential type); 4 bytes
         * left by the rounding cannot hold one, so they pad the binary. */
        if (total - end == 4) {
            end = total;
        }
    }
    if (ram > UINT32_MAX || total > UINT32_MAX) {
        util_error("the app does not fit in 32-bit TBF sizes");
        return false;
    }
    l->hdr.minimum_ram_size = (uint32_t)ram;
    l->hdr.protected_trailer_size = l->protected_size - l->header_size;
    l->hdr.init_fn_offset = l->hdr.protected_trailer_size + img->entry_pos;
    l->hdr.binary_end_offset = (uint32_t)end;
    l->hdr.total_size = (uint32_t)total;
    l->binary_end = (uint32_t)end;
    for (uint16_t i = 0; i < img->wfr_count; i++) {
        l->wfr[2 * i] = l->protected_size + img->wfr[i].pos;
    }
    return true;
}

/* Header, trailer, flash image, relocations, padding, footers. */
static bool assemble(struct util_buf *out, const struct layout *l, const struct image *img)
{
    uint8_t len[4];

    if (tbf_write_header(&l->hdr, out) != l->header_size) {
        util_error("internal error: header size changed");
        return false;
    }
    util_buf_append(out, NULL, l->protected_size - l->header_size);
    util_buf_append(out, img->flash.data, img->flash.len);
    util_put32(len, (uint32_t)img->reloc.len);
    util_buf_append(out, len, sizeof(len));
    util_buf_append(out, img->reloc.data, img->reloc.len);
    util_buf_append(out, NULL, l->binary_end - out->len);
    tbf_write_reserved(out, l->hdr.total_size - l->binary_end);
    return out->len == l->hdr.total_size;
}

/* Re-parse the result with the kernel's parser: it must be a loadable app. */
static bool self_check(const struct util_buf *out, const struct layout *l,
                       const struct options *opt, const struct image *img)
{
    struct tbf_env env = {.kernel_major = opt->kernel_major, .kernel_minor = opt->kernel_minor};
    struct tbf_header h;
    struct tbf_footer_iter it;
    struct tbf_credential cred;
    enum tbf_result r;
    enum tbf_reason reason;
    enum tbf_footer_status st;

    env.check_flash_address = img->fixed_flash != IMAGE_ADDR_NONE;
    env.flash_address = img->fixed_flash - l->protected_size;
    r = tbf_parse(out->data, out->len, &env, &h);
    reason = r == TBF_DISABLED ? tbf_check_layout(&h) : h.reason;
    if (r != (opt->disabled ? TBF_DISABLED : TBF_APP) || reason != TBF_REASON_NONE) {
        util_error("internal error: the TBF does not parse back (%s: %s)", tbf_result_name(r),
                   tbf_reason_str(reason));
        return false;
    }
    tbf_footer_init(&it, &h);
    while ((st = tbf_footer_next(&it, &cred)) == TBF_FOOTER_OK) {}
    if (st != TBF_FOOTER_END || tbf_entry_offset(&h) != l->protected_size + img->entry_pos) {
        util_error("internal error: footers or entry point do not parse back (%s)",
                   tbf_footer_status_str(st));
        return false;
    }
    return true;
}

static void report(const struct layout *l, const struct image *img, bool verbose)
{
    util_verbose(verbose, "%s app, %s, flash image %zu bytes linked at 0x%08x",
                 elf_machine_name(img->machine),
                 img->pic ? "position independent" : "fixed addresses", img->flash.len,
                 img->flash_addr);
    util_verbose(verbose, "header %u bytes, protected region %u bytes, entry at app start + 0x%x",
                 l->header_size, l->protected_size, img->entry_pos);
    util_verbose(verbose, "relocations %zu bytes, binary end 0x%x, total size 0x%x, RAM %u bytes",
                 img->reloc.len, l->binary_end, l->hdr.total_size, l->hdr.minimum_ram_size);
    if (img->fixed_flash != IMAGE_ADDR_NONE) {
        util_verbose(verbose, "fixed flash 0x%08x (TBF at 0x%08x), fixed RAM 0x%08x",
                     img->fixed_flash, img->fixed_flash - l->protected_size, img->fixed_ram);
    }
}

bool pack_run(const struct options *opt)
{
    struct elf_file elf;
    struct image img;
    struct layout *l = util_xcalloc(1, sizeof(*l));
    struct util_buf probe = {0};
    struct util_buf out = {0};
    bool ok = elf_load(&elf, opt->inputs[0]);

    if (ok) {
        ok = image_build(&img, &elf, opt->verbose);
        elf_free(&elf);
    }
    if (ok) {
        header_content(l, opt, &img);
        l->header_size = (uint32_t)tbf_write_header(&l->hdr, &probe);
        ok = l->header_size != 0 && protected_size(l, opt, &img) && sizes(l, opt, &img) &&
             assemble(&out, l, &img) && self_check(&out, l, opt, &img);
        report(l, &img, opt->verbose && ok);
        ok = ok && util_write_file(opt->output, out.data, out.len);
        image_free(&img);
    }
    util_buf_free(&probe);
    util_buf_free(&out);
    free(l);
    return ok;
}
