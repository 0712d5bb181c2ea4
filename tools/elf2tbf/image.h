/* SPDX-License-Identifier: Apache-2.0 */
/* From a validated ELF to the parts of a TBF: flash image, entry, RAM needs, fixed addresses,
 * writeable flash regions and relocation data. */
#pragma once

#include <stdbool.h>
#include <stdint.h>

#include "elf.h"
#include "util.h"

#define IMAGE_MAX_WFR 64u
/* Largest flash image (segments plus the gaps between them) elf2tbf accepts. */
#define IMAGE_MAX_SIZE (16u * 1024u * 1024u)
/* libtock-c links position-independent ARM apps with flash at this sentinel address. */
#define IMAGE_PIC_FLASH_ADDR 0x80000000u
/* "No fixed address", as in the Fixed Addresses TLV. */
#define IMAGE_ADDR_NONE 0xFFFFFFFFu

/* A writeable flash region: a .wfr* section. */
struct image_wfr {
    uint32_t pos;  /* offset in the flash image */
    uint32_t size; /* bytes */
};

/* What image_build() extracts. */
struct image {
    uint16_t machine;
    struct util_buf flash; /* loadable bytes in load-address order, gaps zero-filled */
    uint32_t flash_addr;   /* linked (load) address of flash.data[0]: the crt0 header */
    uint32_t entry_pos;    /* entry point's offset in the flash image (Thumb bit kept) */
    bool pic;              /* linked at IMAGE_PIC_FLASH_ADDR: no fixed flash address */
    uint32_t fixed_flash;  /* flash_addr, or IMAGE_ADDR_NONE when pic */
    uint32_t fixed_ram;    /* linked RAM origin, or IMAGE_ADDR_NONE */
    uint32_t ram_size;     /* RAM-resident bytes of the ELF: GOT + data + bss */
    bool has_stack_section;
    uint32_t stack_section_size; /* size of .stack, the default stack size */
    bool has_protected_symbol;
    uint32_t protected_symbol; /* value of tbf_protected_region_size */
    struct image_wfr wfr[IMAGE_MAX_WFR];
    uint16_t wfr_count;
    struct util_buf reloc; /* concatenated .rel<section> data of writable sections */
};

/* Build *img from elf. Flash segments are the PT_LOAD segments with file data that contain at
 * least one allocated section with contents; they are placed by load address (p_paddr), gaps
 * filled with zeros. RAM-resident bytes are the writable PT_LOAD segments whose virtual and
 * load addresses differ (data/bss copied from flash) or that have no file data, minus the
 * .stack section (the stack is counted separately, from --stack or the .stack size). The fixed RAM
 * address is the _sram_origin symbol if non-zero, else for non-PIC apps the lowest RAM-resident
 * segment. Prints a message and returns false on any inconsistency (overlapping segments, entry
 * point outside the flash image, oversized image, malformed relocation section, too many .wfr). */
bool image_build(struct image *img, const struct elf_file *elf, bool verbose);

/* Release img's buffers. */
void image_free(struct image *img);
