/* SPDX-License-Identifier: Apache-2.0 */
/* elf2tbf command line: the options, their defaults and their validation. */
#pragma once

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#define OPTIONS_MAX_PERMS 512u
#define OPTIONS_MAX_IDS 8u

/* One --permission DRIVER,COMMAND. */
struct options_perm {
    uint32_t driver;
    uint32_t command;
};

/* The parsed command line. */
struct options {
    bool inspect;
    bool verbose;
    const char *output;
    char **inputs; /* positional arguments */
    int input_count;
    const char *package_name;
    bool has_stack;
    uint32_t stack;
    uint32_t app_heap;
    uint32_t kernel_heap;
    uint16_t kernel_major;
    uint16_t kernel_minor;
    bool has_protected_size;
    uint32_t protected_size;
    uint32_t minimum_footer_size;
    bool disabled;
    bool sticky;
    bool has_short_id;
    uint32_t short_id;
    uint32_t app_version;
    struct options_perm perms[OPTIONS_MAX_PERMS];
    uint16_t perm_count;
    bool has_storage;
    uint32_t write_id;
    uint32_t read_ids[OPTIONS_MAX_IDS];
    uint16_t read_count;
    uint32_t modify_ids[OPTIONS_MAX_IDS];
    uint16_t modify_count;
    bool has_scheduling; /* any of --priority, --period-us, --budget-us */
    uint32_t priority;   /* 0xFFFFFFFF without --priority */
    uint32_t period_us;
    uint32_t budget_us;
};

/* What main() should do after parsing. */
enum options_action {
    OPTIONS_PACK,
    OPTIONS_INSPECT,
    OPTIONS_HELP,
    OPTIONS_ERROR, /* a message was printed; exit with status 2 */
};

/* Parse argv into *opt (defaults: stack from the ELF or 2048, heaps 1024, kernel 2.2). Checks
 * every number's range, that the package name is UTF-8, and that packing has -o and exactly
 * one input (inspecting: at least one). */
enum options_action options_parse(struct options *opt, int argc, char **argv);

/* Print the usage text to f. */
void options_usage(FILE *f);
