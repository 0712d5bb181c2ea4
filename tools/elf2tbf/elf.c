/* SPDX-License-Identifier: Apache-2.0 */
/* A strict ELF32 little-endian reader: every header, table and name is validated up front. */
#include "elf.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

enum {
    EHDR_SIZE = 52,
    PHDR_SIZE = 32,
    SHDR_SIZE = 40,
    SYM_SIZE = 16,
    ET_EXEC = 2,
    ET_DYN = 3,
};

#define SPAN (UINT64_C(1) << 32)

static uint16_t rd16(const uint8_t *p)
{
    return (uint16_t)(p[0] | (p[1] << 8));
}

static uint32_t rd32(const uint8_t *p)
{
    return (uint32_t)rd16(p) | ((uint32_t)rd16(p + 2) << 16);
}

/* [offset, offset + len) lies inside the file. */
static bool in_file(const struct elf_file *elf, uint64_t offset, uint64_t len)
{
    return offset <= elf->size && len <= elf->size - offset;
}

/* The identification bytes and the fixed ELF header fields. */
static const char *check_ident(const struct elf_file *elf)
{
    const uint8_t *e = elf->data;

    if (elf->size == 0) {
        return "empty file, not an ELF file";
    }
    if (elf->size < 4 || memcmp(e, "\177ELF", 4) != 0) {
        return "not an ELF file (bad magic number)";
    }
    if (elf->size < 5 || e[4] == 2) {
        return elf->size < 5 ? "truncated ELF header"
                             : "64-bit ELF is not supported "
                               "(apps are 32-bit ARM or RISC-V)";
    }
    if (e[4] != 1) {
        return "bad ELF class (neither 32- nor 64-bit)";
    }
    if (elf->size < EHDR_SIZE) {
        return "truncated ELF header";
    }
    if (e[5] != 1) {
        return "big-endian ELF is not supported";
    }
    if (e[6] != 1 || rd32(e + 20) != 1) {
        return "unsupported ELF version";
    }
    return NULL;
}

static const char *check_header(struct elf_file *elf)
{
    const uint8_t *e = elf->data;
    const char *err = check_ident(elf);

    if (err != NULL) {
        return err;
    }
    elf->type = rd16(e + 16);
    elf->machine = rd16(e + 18);
    elf->entry = rd32(e + 24);
    elf->phnum = rd16(e + 44);
    elf->shnum = rd16(e + 48);
    if (elf->type != ET_EXEC && elf->type != ET_DYN) {
        return elf->type == 1 ? "relocatable object (.o): link the app first"
                              : "not an executable ELF (type is not EXEC or DYN)";
    }
    if (elf->machine != ELF_EM_ARM && elf->machine != ELF_EM_RISCV) {
        return "unsupported machine (only ARM and RISC-V apps are supported)";
    }
    if (rd16(e + 40) < EHDR_SIZE) {
        return "bad ELF header size";
    }
    if (elf->phnum == 0 || rd16(e + 42) != PHDR_SIZE) {
        return elf->phnum == 0 ? "no program headers" : "bad program header entry size";
    }
    if (elf->shnum == 0 || rd16(e + 46) != SHDR_SIZE) {
        return elf->shnum == 0 ? "no section headers (needed for .rel, .wfr and .stack)"
                               : "bad section header entry size";
    }
    if (!in_file(elf, rd32(e + 28), (uint64_t)elf->phnum * PHDR_SIZE)) {
        return "program header table lies outside the file";
    }
    if (!in_file(elf, rd32(e + 32), (uint64_t)elf->shnum * SHDR_SIZE)) {
        return "section header table lies outside the file";
    }
    return NULL;
}

static const char *read_segments(struct elf_file *elf)
{
    const uint8_t *table = elf->data + rd32(elf->data + 28);

    elf->segs = util_xcalloc(elf->phnum, sizeof(*elf->segs));
    for (uint16_t i = 0; i < elf->phnum; i++) {
        const uint8_t *ph = table + (size_t)i * PHDR_SIZE;
        struct elf_segment *s = &elf->segs[i];

        s->type = rd32(ph);
        s->offset = rd32(ph + 4);
        s->vaddr = rd32(ph + 8);
        s->paddr = rd32(ph + 12);
        s->filesz = rd32(ph + 16);
        s->memsz = rd32(ph + 20);
        s->flags = rd32(ph + 24);
        if (s->type != ELF_PT_LOAD) {
            continue;
        }
        if (!in_file(elf, s->offset, s->filesz)) {
            return "a loadable segment lies outside the file (truncated ELF?)";
        }
        if (s->filesz > s->memsz || (uint64_t)s->vaddr + s->memsz > SPAN ||
            (uint64_t)s->paddr + s->filesz > SPAN) {
            return "a loadable segment has impossible sizes or addresses";
        }
    }
    return NULL;
}

/* The section-name string table: index, type and range. */
static const char *name_table(const struct elf_file *elf, const uint8_t **names, uint32_t *len)
{
    uint16_t index = rd16(elf->data + 50);
    const uint8_t *sh;

    if (index == 0 || index >= elf->shnum) {
        return "no valid section name table";
    }
    sh = elf->data + rd32(elf->data + 32) + (size_t)index * SHDR_SIZE;
    if (rd32(sh + 4) != ELF_SHT_STRTAB || !in_file(elf, rd32(sh + 16), rd32(sh + 20))) {
        return "section name table is malformed or outside the file";
    }
    *names = elf->data + rd32(sh + 16);
    *len = rd32(sh + 20);
    return NULL;
}

static const char *read_sections(struct elf_file *elf)
{
    const uint8_t *table = elf->data + rd32(elf->data + 32);
    const uint8_t *names;
    uint32_t names_len;
    const char *err = name_table(elf, &names, &names_len);

    if (err != NULL) {
        return err;
    }
    elf->secs = util_xcalloc(elf->shnum, sizeof(*elf->secs));
    for (uint16_t i = 0; i < elf->shnum; i++) {
        const uint8_t *sh = table + (size_t)i * SHDR_SIZE;
        struct elf_section *s = &elf->secs[i];
        uint32_t name = rd32(sh);

        if (name >= names_len || memchr(names + name, 0, names_len - name) == NULL) {
            return "a section name lies outside the section name table";
        }
        s->name = (const char *)names + name;
        s->type = rd32(sh + 4);
        s->flags = rd32(sh + 8);
        s->addr = rd32(sh + 12);
        s->offset = rd32(sh + 16);
        s->size = rd32(sh + 20);
        s->link = rd32(sh + 24);
        s->entsize = rd32(sh + 36);
        if (s->type != ELF_SHT_NOBITS && i != 0 && !in_file(elf, s->offset, s->size)) {
            return "a section lies outside the file (truncated ELF?)";
        }
        if ((s->flags & ELF_SHF_ALLOC) != 0 && (uint64_t)s->addr + s->size > SPAN) {
            return "a section's address range wraps around";
        }
    }
    return NULL;
}

bool elf_parse(struct elf_file *elf, const char *path, uint8_t *data, size_t size)
{
    const char *err;

    memset(elf, 0, sizeof(*elf));
    elf->path = path;
    elf->data = data;
    elf->size = size;
    err = check_header(elf);
    if (err == NULL) {
        err = read_segments(elf);
    }
    if (err == NULL) {
        err = read_sections(elf);
    }
    if (err != NULL) {
        util_error("%s: %s", path, err);
        elf_free(elf);
        return false;
    }
    return true;
}

bool elf_load(struct elf_file *elf, const char *path)
{
    uint8_t *data;
    size_t size;

    if (!util_read_file(path, &data, &size)) {
        return false;
    }
    return elf_parse(elf, path, data, size);
}

void elf_free(struct elf_file *elf)
{
    free(elf->data);
    free(elf->segs);
    free(elf->secs);
    memset(elf, 0, sizeof(*elf));
}

const struct elf_section *elf_find_section(const struct elf_file *elf, const char *name)
{
    for (uint16_t i = 0; i < elf->shnum; i++) {
        if (strcmp(elf->secs[i].name, name) == 0) {
            return &elf->secs[i];
        }
    }
    return NULL;
}

const uint8_t *elf_section_data(const struct elf_file *elf, const struct elf_section *sec)
{
    if (sec->type == ELF_SHT_NOBITS || sec->size == 0) {
        return NULL;
    }
    return elf->data + sec->offset;
}

const uint8_t *elf_segment_data(const struct elf_file *elf, const struct elf_segment *seg)
{
    return elf->data + seg->offset;
}

bool elf_find_symbol(const struct elf_file *elf, const char *name, uint32_t *value)
{
    const struct elf_section *symtab = elf_find_section(elf, ".symtab");
    const struct elf_section *strtab;
    const uint8_t *syms;

    if (symtab == NULL || symtab->type != ELF_SHT_SYMTAB || symtab->link >= elf->shnum) {
        return false;
    }
    strtab = &elf->secs[symtab->link];
    if (strtab->type != ELF_SHT_STRTAB || strtab->size == 0) {
        return false;
    }
    syms = elf_section_data(elf, symtab);
    for (uint32_t at = 0; syms != NULL && symtab->size - at >= SYM_SIZE; at += SYM_SIZE) {
        uint32_t off = rd32(syms + at);
        const char *s;

        if (off >= strtab->size) {
            continue;
        }
        s = (const char *)elf->data + strtab->offset + off;
        if (memchr(s, 0, strtab->size - off) != NULL && strcmp(s, name) == 0) {
            *value = rd32(syms + at + 4);
            return true;
        }
    }
    return false;
}

bool elf_section_in_segment(const struct elf_section *sec, const struct elf_segment *seg)
{
    uint64_t addr_end = (uint64_t)sec->addr + sec->size;
    uint64_t off_end = (uint64_t)sec->offset + sec->size;

    if ((sec->flags & ELF_SHF_ALLOC) == 0 || sec->size == 0 || seg->type != ELF_PT_LOAD) {
        return false;
    }
    if (sec->addr < seg->vaddr || addr_end > (uint64_t)seg->vaddr + seg->memsz) {
        return false;
    }
    if (sec->type == ELF_SHT_NOBITS) {
        return true;
    }
    return sec->offset >= seg->offset && off_end <= (uint64_t)seg->offset + seg->filesz;
}

const char *elf_machine_name(uint16_t machine)
{
    switch (machine) {
    case ELF_EM_ARM:
        return "ARM";
    case ELF_EM_RISCV:
        return "RISC-V";
    default:
        return "unknown";
    }
}
