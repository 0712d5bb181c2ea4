/* SPDX-License-Identifier: Apache-2.0 */
/* A strict ELF32 little-endian reader: every header, table and name is validated up front.
 *
 * After elf_parse() succeeds, every segment and non-NOBITS section lies inside the file,
 * every section name is a NUL-terminated string inside the section-name table, and address
 * ranges do not wrap around 2^32, so later code can use the values without re-checking. */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define ELF_EM_ARM 40
#define ELF_EM_RISCV 243
#define ELF_PT_LOAD 1
#define ELF_PF_X 1u
#define ELF_PF_W 2u
#define ELF_SHT_PROGBITS 1
#define ELF_SHT_SYMTAB 2
#define ELF_SHT_STRTAB 3
#define ELF_SHT_NOBITS 8
#define ELF_SHT_REL 9
#define ELF_SHF_WRITE 1u
#define ELF_SHF_ALLOC 2u

/* A program header. */
struct elf_segment {
    uint32_t type;
    uint32_t offset;
    uint32_t vaddr;
    uint32_t paddr;
    uint32_t filesz;
    uint32_t memsz;
    uint32_t flags;
};

/* A section header with its resolved name. */
struct elf_section {
    const char *name;
    uint32_t type;
    uint32_t flags;
    uint32_t addr;
    uint32_t offset;
    uint32_t size;
    uint32_t link;
    uint32_t entsize;
};

/* A parsed ELF file. The arrays and data are owned; release with elf_free(). */
struct elf_file {
    const char *path; /* for messages */
    uint8_t *data;
    size_t size;
    uint16_t type;
    uint16_t machine;
    uint32_t entry;
    uint16_t phnum;
    uint16_t shnum;
    struct elf_segment *segs;
    struct elf_section *secs;
};

/* Read and validate path. On failure prints "elf2tbf: error: <path>: <what is wrong>" and
 * returns false (nothing to free). Rejected: empty or short files, bad magic, ELF64,
 * big-endian, versions other than 1, types other than EXEC/DYN, machines other than ARM and
 * RISC-V, missing or malformed program/section header tables, segments or sections outside
 * the file, bad section names, address ranges wrapping past 2^32. */
bool elf_load(struct elf_file *elf, const char *path);

/* As elf_load() on data[0, size), which elf takes ownership of (freed by elf_free(), also on
 * failure). path is used in messages only. */
bool elf_parse(struct elf_file *elf, const char *path, uint8_t *data, size_t size);

/* Release everything elf_load()/elf_parse() allocated. */
void elf_free(struct elf_file *elf);

/* The first section called name, or NULL. */
const struct elf_section *elf_find_section(const struct elf_file *elf, const char *name);

/* The file bytes of a section (NULL for NOBITS or empty sections). */
const uint8_t *elf_section_data(const struct elf_file *elf, const struct elf_section *sec);

/* The file bytes of a segment (filesz bytes). */
const uint8_t *elf_segment_data(const struct elf_file *elf, const struct elf_segment *seg);

/* Value of the symbol called name in .symtab. Returns false if there is no (valid) symbol
 * table or no such symbol. */
bool elf_find_symbol(const struct elf_file *elf, const char *name, uint32_t *value);

/* Whether a non-empty allocated section lies wholly inside segment (by address, and for
 * sections with file data also by file offset). */
bool elf_section_in_segment(const struct elf_section *sec, const struct elf_segment *seg);

/* "ARM", "RISC-V" or "unknown". */
const char *elf_machine_name(uint16_t machine);
