/* SPDX-License-Identifier: Apache-2.0 */
/* From a validated ELF to the parts of a TBF: flash image, entry, RAM needs, fixed addresses,
 * writeable flash regions and relocation data. */
#include "image.h"

#include <stdlib.h>
#include <string.h>

enum { REL_ENTRY_SIZE = 8 };

/* A segment with file data that holds real section contents (skips stray header segments). */
static bool is_flash_segment(const struct elf_file *elf, const struct elf_segment *seg)
{
    if (seg->type != ELF_PT_LOAD || seg->filesz == 0) {
        return false;
    }
    for (uint16_t i = 0; i < elf->shnum; i++) {
        const struct elf_section *sec = &elf->secs[i];

        if (sec->type != ELF_SHT_NOBITS && elf_section_in_segment(sec, seg)) {
            return true;
        }
    }
    return false;
}

/* Indices of the flash segments sorted by load address; returns their count. */
static uint16_t flash_segments(const struct elf_file *elf, uint16_t *order)
{
    uint16_t n = 0;

    for (uint16_t i = 0; i < elf->phnum; i++) {
        uint16_t k = n++;

        if (!is_flash_segment(elf, &elf->segs[i])) {
            n--;
            continue;
        }
        while (k > 0 && elf->segs[order[k - 1]].paddr > elf->segs[i].paddr) {
            order[k] = order[k - 1];
            k--;
        }
        order[k] = i;
    }
    return n;
}

/* Copy the flash segments into img->flash; pos[i] receives segment order[i]'s offset. */
static bool place_segments(struct image *img, const struct elf_file *elf, const uint16_t *order,
                           uint16_t n, uint32_t *pos, bool verbose)
{
    img->flash_addr = elf->segs[order[0]].paddr;
    for (uint16_t k = 0; k < n; k++) {
        const struct elf_segment *seg = &elf->segs[order[k]];
        uint64_t at = (uint64_t)seg->paddr - img->flash_addr;

        if (at < img->flash.len) {
            util_error("%s: loadable segments overlap at 0x%08x", elf->path, seg->paddr);
            return false;
        }
        if (at + seg->filesz > IMAGE_MAX_SIZE) {
            util_error("%s: flash image from 0x%08x to 0x%08llx is larger than %u bytes (is a "
                       "RAM segment loaded at its RAM address?)",
                       elf->path, img->flash_addr, (unsigned long long)seg->paddr + seg->filesz,
                       IMAGE_MAX_SIZE);
            return false;
        }
        util_buf_append(&img->flash, NULL, (size_t)at - img->flash.len);
        pos[k] = (uint32_t)at;
        util_buf_append(&img->flash, elf_segment_data(elf, seg), seg->filesz);
        util_verbose(verbose, "segment at 0x%08x (load 0x%08x), %u bytes -> image offset 0x%x",
                     seg->vaddr, seg->paddr, seg->filesz, pos[k]);
    }
    return true;
}

static bool find_entry(struct image *img, const struct elf_file *elf, const uint16_t *order,
                       uint16_t n, const uint32_t *pos)
{
    for (uint16_t k = 0; k < n; k++) {
        const struct elf_segment *seg = &elf->segs[order[k]];

        if (elf->entry >= seg->vaddr && elf->entry - seg->vaddr < seg->filesz) {
            img->entry_pos = pos[k] + (elf->entry - seg->vaddr);
            return true;
        }
    }
    util_error("%s: entry point 0x%08x is not inside a loadable segment", elf->path, elf->entry);
    return false;
}

/* Relocations for a writable section: the contents of ".rel<name>", if any. */
static bool add_relocations(struct image *img, const struct elf_file *elf,
                            const struct elf_section *sec, bool verbose)
{
    char name[256];
    const struct elf_section *rel;

    if (strlen(sec->name) + 5 > sizeof(name)) {
        return true; /* no real relocation section has such a name */
    }
    strcpy(name, ".rel");
    strcat(name, sec->name);
    rel = elf_find_section(elf, name);
    if (rel == NULL || rel->type != ELF_SHT_REL || rel->size == 0) {
        return true;
    }
    if (rel->size % REL_ENTRY_SIZE != 0) {
        util_error("%s: %s is not a whole number of 8-byte Elf32_Rel records", elf->path, name);
        return false;
    }
    util_buf_append(&img->reloc, elf_section_data(elf, rel), rel->size);
    util_verbose(verbose, "relocations: %s, %u records", name, rel->size / REL_ENTRY_SIZE);
    return true;
}

/* Writeable flash regions and relocations of the sections in flash segment seg at pos. */
static bool scan_sections(struct image *img, const struct elf_file *elf,
                          const struct elf_segment *seg, uint32_t pos, bool verbose)
{
    for (uint16_t i = 0; i < elf->shnum; i++) {
        const struct elf_section *sec = &elf->secs[i];

        if (!elf_section_in_segment(sec, seg)) {
            continue;
        }
        if (strstr(sec->name, ".wfr") != NULL) {
            if (img->wfr_count == IMAGE_MAX_WFR) {
                util_error("%s: more than %u .wfr sections", elf->path, IMAGE_MAX_WFR);
                return false;
            }
            img->wfr[img->wfr_count].pos = pos + (sec->addr - seg->vaddr);
            img->wfr[img->wfr_count++].size = sec->size;
        }
        if ((sec->flags & ELF_SHF_WRITE) != 0 && !add_relocations(img, elf, sec, verbose)) {
            return false;
        }
    }
    return true;
}

/* A writable segment that lives in RAM (not a flash segment executing in place). */
static bool is_ram_segment(const struct elf_segment *seg)
{
    return seg->type == ELF_PT_LOAD && (seg->flags & ELF_PF_W) != 0 && seg->memsz > 0 &&
           (seg->vaddr != seg->paddr || seg->filesz == 0);
}

/* Bytes of .stack inside seg (the stack is accounted for by the stack size instead). */
static uint32_t stack_in(const struct elf_file *elf, const struct elf_segment *seg)
{
    const struct elf_section *stack = elf_find_section(elf, ".stack");

    return stack != NULL && elf_section_in_segment(stack, seg) ? stack->size : 0;
}

static bool ram_layout(struct image *img, const struct elf_file *elf)
{
    uint64_t ram = 0;
    uint32_t origin = IMAGE_ADDR_NONE;

    for (uint16_t i = 0; i < elf->phnum; i++) {
        const struct elf_segment *seg = &elf->segs[i];

        if (!is_ram_segment(seg)) {
            continue;
        }
        if (seg->vaddr < origin) {
            origin = seg->vaddr;
        }
        ram += seg->memsz - stack_in(elf, seg);
    }
    if (ram > UINT32_MAX / 2) {
        util_error("%s: RAM segments too large", elf->path);
        return false;
    }
    img->ram_size = (uint32_t)ram;
    if (elf_find_symbol(elf, "_sram_origin", &img->fixed_ram) && img->fixed_ram != 0) {
        return true;
    }
    img->fixed_ram = img->pic ? IMAGE_ADDR_NONE : origin;
    return true;
}

bool image_build(struct image *img, const struct elf_file *elf, bool verbose)
{
    uint16_t *order = util_xcalloc(elf->phnum, sizeof(*order));
    uint32_t *pos = util_xcalloc(elf->phnum, sizeof(*pos));
    const struct elf_section *stack = elf_find_section(elf, ".stack");
    uint16_t n = flash_segments(elf, order);
    bool ok = n > 0;

    memset(img, 0, sizeof(*img));
    img->machine = elf->machine;
    if (!ok) {
        util_error("%s: no loadable segment with contents", elf->path);
    }
    ok = ok && place_segments(img, elf, order, n, pos, verbose);
    ok = ok && find_entry(img, elf, order, n, pos);
    for (uint16_t k = 0; ok && k < n; k++) {
        ok = scan_sections(img, elf, &elf->segs[order[k]], pos[k], verbose);
    }
    img->pic = img->flash_addr == IMAGE_PIC_FLASH_ADDR;
    img->fixed_flash = img->pic ? IMAGE_ADDR_NONE : img->flash_addr;
    ok = ok && ram_layout(img, elf);
    img->has_stack_section = stack != NULL;
    img->stack_section_size = stack != NULL ? stack->size : 0;
    img->has_protected_symbol =
        elf_find_symbol(elf, "tbf_protected_region_size", &img->protected_symbol);
    if (ok && img->reloc.len != 0 && img->flash.len % 4 != 0) {
        util_warn("%s: relocation data at image offset 0x%zx is not 4-byte aligned", elf->path,
                  img->flash.len);
    }
    free(order);
    free(pos);
    if (!ok) {
        image_free(img);
    }
    return ok;
}

void image_free(struct image *img)
{
    util_buf_free(&img->flash);
    util_buf_free(&img->reloc);
}
