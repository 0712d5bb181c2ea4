/* SPDX-License-Identifier: Apache-2.0 */
/* The 40-byte crt0 header at app start (process.md 5.3), for C and assembly.
 *
 * The linker script (arch/app_sections.ld) emits it as the first bytes of every app
 * binary; the kernel passes its address to _start as app_start. Flash offsets are
 * relative to app_start, RAM offsets to memory_start.
 */
#pragma once

#define CRT0_HEADER_GOT_SYM_START 0   /* GOT image in flash */
#define CRT0_HEADER_GOT_START 4       /* GOT in RAM */
#define CRT0_HEADER_GOT_SIZE 8        /* GOT bytes */
#define CRT0_HEADER_DATA_SYM_START 12 /* .data image in flash */
#define CRT0_HEADER_DATA_START 16     /* .data in RAM */
#define CRT0_HEADER_DATA_SIZE 20      /* .data bytes */
#define CRT0_HEADER_BSS_START 24      /* .bss in RAM */
#define CRT0_HEADER_BSS_SIZE 28       /* .bss bytes */
#define CRT0_HEADER_RELDATA_START 32  /* relocation block in flash */
#define CRT0_HEADER_STACK_SIZE 36     /* stack bytes at memory_start */
#define CRT0_HEADER_SIZE 40           /* total header bytes */

#ifndef __ASSEMBLER__
#include <stdint.h>

/* The header as a C structure (all fields little-endian u32). */
struct crt0_header {
    uint32_t got_sym_start;  /* offset of the GOT image from app_start */
    uint32_t got_start;      /* offset of the GOT from memory_start */
    uint32_t got_size;       /* GOT size in bytes */
    uint32_t data_sym_start; /* offset of the .data image from app_start */
    uint32_t data_start;     /* offset of .data from memory_start */
    uint32_t data_size;      /* .data size in bytes */
    uint32_t bss_start;      /* offset of .bss from memory_start */
    uint32_t bss_size;       /* .bss size in bytes */
    uint32_t reldata_start;  /* offset of the relocation block from app_start */
    uint32_t stack_size;     /* stack size in bytes */
};

_Static_assert(sizeof(struct crt0_header) == CRT0_HEADER_SIZE, "crt0 header is 40 bytes");
#endif
