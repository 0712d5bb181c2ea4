/* SPDX-License-Identifier: Apache-2.0 */
/* RISC-V PMP driver: the process fence (os/platform/mpu.h).
 *
 * This file is the security boundary on RISC-V; it aims to be obviously
 * right rather than clever. The entry plan is in riscv/pmp.h: two TOR
 * ranges, process flash R+X and process RAM R+W, each with an OFF entry
 * below it as its base, and nothing else for U-mode. The hardware default
 * does the rest: when no entry matches, a U-mode access fails. So the
 * process can reach exactly
 *
 *     [flash_start, flash_end)          read, execute
 *     [memory_start, accessible_end)    read, write
 *
 * where accessible_end = round_up(app_break, 4) <= kernel_break, so the
 * grant area, the rest of the block, kernel RAM and code, devices and other
 * processes all stay out of reach. The PMP works at 4-byte granularity
 * (G = 0 on QEMU virt), so a flash range must be 4-byte aligned at both
 * ends to be expressed exactly; anything else is refused, never widened.
 *
 * The per-process words (pmpaddr0-3 and pmpcfg0) are computed when the
 * configuration changes; mpu_configure() compares them with a shadow of
 * what the hardware holds and writes only the registers that differ, so
 * resuming the same process (or any unchanged configuration) costs no CSR
 * write. Only this file writes PMP CSRs, which keeps the shadow exact.
 */
#include <inttypes.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "os/platform/mpu.h"
#include "os/platform/panic.h"
#include "riscv/csr.h"
#include "riscv/pmp.h"

/* cfg->words: pmpaddr0..3 in words[0..3], pmpcfg0 in words[4]. */
#define WORD_CFG0 RISCV_PMP_PROCESS_ENTRIES
#define NUM_WORDS (RISCV_PMP_PROCESS_ENTRIES + 1u)

/* cfg->flags: which regions have been recorded. */
#define CFG_HAS_FLASH 1u
#define CFG_HAS_RAM 2u

/* Permissions of the two process ranges. Never L (M-mode keeps full
 * access), never X on RAM, never W on flash. */
#define FLASH_CFG (RISCV_PMP_A_TOR | RISCV_PMP_R | RISCV_PMP_X)
#define RAM_CFG (RISCV_PMP_A_TOR | RISCV_PMP_R | RISCV_PMP_W)
#define GUARD_CFG (RISCV_PMP_A_TOR | RISCV_PMP_L)

/* Kernel stack guard bounds (kernel_sections.ld); only their addresses are
 * used. */
extern uint8_t _sstack_guard[], _estack_guard[];

static uint32_t shadow[NUM_WORDS]; /* what pmpaddr0-3 / pmpcfg0 hold now */
static bool pmp_ready;             /* riscv_pmp_init() has run */
static uint32_t write_count;       /* PMP CSR writes so far */
static uint32_t guard_start;       /* locked guard, size 0 if none */
static uint32_t guard_size;

_Static_assert(NUM_WORDS <= sizeof(((struct mpu_config *)0)->words) / sizeof(uint32_t),
               "struct mpu_config words[] too small");

/* The configuration the shadow was last compared with, and its stamp
 * then: the same pair means nothing changed and nothing needs comparing. */
static const struct mpu_config *loaded_cfg;
static uint32_t loaded_stamp;

/* Mark cfg as changed, so mpu_configure() compares it again. */
static void changed(struct mpu_config *cfg)
{
    static uint32_t stamps;

    stamps = stamps + 1u == 0 ? 1u : stamps + 1u; /* 0: never loaded */
    cfg->stamp = stamps;
}

/* Set the pmpcfg0 byte of entry i (0..3) in cfg's words. Every change of
 * cfg's words goes with one of these. */
static void set_cfg_byte(struct mpu_config *cfg, unsigned i, uint32_t value)
{
    uint32_t shift = 8u * i;

    changed(cfg);
    cfg->words[WORD_CFG0] = (cfg->words[WORD_CFG0] & ~(0xFFu << shift)) | (value << shift);
}

/* One case of write_pmpaddr(): csrw needs the CSR number as an immediate. */
#define PMPADDR_CASE(n)                                                                            \
    case n:                                                                                        \
        riscv_csr_write_pmpaddr##n(value);                                                         \
        break

static void write_pmpaddr(unsigned i, uint32_t value)
{
    /* SAFETY: called only from this file, in M-mode, with entries 0-13,
     * which are never locked; unlocked entries do not restrict M-mode, so
     * no write here can cut the kernel off from its own memory. */
    switch (i) {
        PMPADDR_CASE(0);
        PMPADDR_CASE(1);
        PMPADDR_CASE(2);
        PMPADDR_CASE(3);
        PMPADDR_CASE(4);
        PMPADDR_CASE(5);
        PMPADDR_CASE(6);
        PMPADDR_CASE(7);
        PMPADDR_CASE(8);
        PMPADDR_CASE(9);
        PMPADDR_CASE(10);
        PMPADDR_CASE(11);
        PMPADDR_CASE(12);
        PMPADDR_CASE(13);
    default:
        OS_PANIC("pmp: pmpaddr%u is not writable here", i);
    }
    write_count++;
}

/* Lock entries 14 (base) and 15 (TOR, no permissions) over [lo, hi). */
static void lock_guard(uint32_t lo, uint32_t hi)
{
    /* SAFETY: PMP region: the guard is the TOR range [lo, hi) the linker
     * script reserves below the kernel stack, where no kernel data lives;
     * both ends are multiples of 4 (checked by the caller). Entry 14 is
     * OFF and only provides the base. pmpcfg3 is written last: its top
     * byte (entry 15) has L set, so from then on pmpaddr14, pmpaddr15 and
     * that byte cannot change until reset and M-mode accesses to the range
     * fault. Entries 12-14 in pmpcfg3 stay OFF. */
    riscv_csr_write_pmpaddr14(lo >> 2);
    riscv_csr_write_pmpaddr15(hi >> 2);
    riscv_csr_write_pmpcfg3(GUARD_CFG << 24);
    write_count += 3;
    guard_start = lo;
    guard_size = hi - lo;
}

void riscv_pmp_init(void)
{
    /* SAFETY: linker-script symbols; only their addresses are used. */
    uint32_t lo = (uint32_t)(uintptr_t)_sstack_guard;
    uint32_t hi = (uint32_t)(uintptr_t)_estack_guard;

    if (pmp_ready) {
        OS_PANIC("riscv_pmp_init() called twice");
    }
    if ((lo & 3u) != 0 || (hi & 3u) != 0 || hi < lo) {
        OS_PANIC("kernel stack guard 0x%08lx-0x%08lx is not 4-byte aligned", (unsigned long)lo,
                 (unsigned long)hi);
    }
    /* SAFETY: PMP configuration CSRs, in M-mode at boot. Everything off
     * first (also whatever a previous boot stage left), so the process
     * entries' shadow matches the hardware: all zero. */
    riscv_csr_write_pmpcfg0(0);
    riscv_csr_write_pmpcfg1(0);
    riscv_csr_write_pmpcfg2(0);
    riscv_csr_write_pmpcfg3(0);
    write_count += 4;
    for (unsigned i = 0; i < RISCV_PMP_GUARD_BASE; i++) {
        write_pmpaddr(i, 0);
    }
    if (hi > lo) {
        lock_guard(lo, hi);
    }
    memset(shadow, 0, sizeof(shadow));
    loaded_cfg = NULL;
    pmp_ready = true;
}

void riscv_pmp_guard(uint32_t *start, uint32_t *size)
{
    *start = guard_start;
    *size = guard_size;
}

void mpu_config_init(struct mpu_config *cfg)
{
    /* All words 0: every entry OFF, so this configuration grants nothing. */
    memset(cfg, 0, sizeof(*cfg));
    changed(cfg);
}

os_err_t mpu_set_flash_region(struct mpu_config *cfg, uint32_t start, uint32_t size)
{
    /* SAFETY: PMP region: TOR over exactly [start, start + size); both ends must
     * be multiples of 4 (pmpaddr holds address bits 33:2) and the range
     * must not wrap. Rounding would hand the process bytes it does not
     * own, so an inexact range is refused. */
    if (size == 0 || (start & 3u) != 0 || (size & 3u) != 0 || size > UINT32_MAX - start) {
        return OS_EINVAL;
    }
    cfg->words[RISCV_PMP_FLASH_BASE] = start >> 2;
    cfg->words[RISCV_PMP_FLASH] = (start + size) >> 2;
    set_cfg_byte(cfg, RISCV_PMP_FLASH_BASE, RISCV_PMP_A_OFF);
    set_cfg_byte(cfg, RISCV_PMP_FLASH, FLASH_CFG);
    cfg->flags |= CFG_HAS_FLASH;
    return OS_OK;
}

/* Record the RAM range [ram_start, end) in cfg's words. */
static void set_ram_top(struct mpu_config *cfg, uint32_t end)
{
    /* SAFETY: PMP region: TOR from pmpaddr2 = memory_start >> 2 up to end >> 2.
     * The callers checked memory_start <= end <= the kernel-owned part,
     * both multiples of 4; end == memory_start is an empty range (TOR
     * matches nothing then), which is how a fresh process starts. */
    cfg->app_end = end;
    cfg->words[RISCV_PMP_RAM_BASE] = cfg->ram_start >> 2;
    cfg->words[RISCV_PMP_RAM] = end >> 2;
    set_cfg_byte(cfg, RISCV_PMP_RAM_BASE, RISCV_PMP_A_OFF);
    set_cfg_byte(cfg, RISCV_PMP_RAM, RAM_CFG);
}

os_err_t mpu_allocate_ram(struct mpu_config *cfg, uint32_t pool_start, uint32_t pool_end,
                          uint32_t min_app, uint32_t kernel_bytes, uint32_t initial_app,
                          uint32_t fixed_start, struct mpu_ram_block *out)
{
    uint64_t start;
    uint64_t app = min_app > initial_app ? min_app : initial_app;
    uint64_t end;

    if (pool_start > pool_end) {
        return OS_ENOMEM;
    }
    if (fixed_start != 0xFFFFFFFFu) {
        /* The app was linked for exactly this address: no moving it. */
        if (fixed_start < pool_start || (fixed_start & 3u) != 0) {
            return OS_ENOMEM;
        }
        start = fixed_start;
    } else {
        start = ((uint64_t)pool_start + 3u) & ~(uint64_t)3u;
    }
    /* 64-bit arithmetic: no sum below can wrap. The app part is rounded to
     * 4 so any accessible end up to it stays below the kernel part; the
     * block end is rounded to 8 so the kernel-owned part (carved down from
     * the end in multiples of 8) is 8-byte aligned. */
    end = start + ((app + 3u) & ~(uint64_t)3u) + kernel_bytes;
    end = (end + 7u) & ~(uint64_t)7u;
    if (end > pool_end) {
        return OS_ENOMEM;
    }
    cfg->ram_start = (uint32_t)start;
    cfg->ram_size = (uint32_t)(end - start);
    /* initial_app <= app, so this is inside the process part. */
    set_ram_top(cfg, (uint32_t)((start + initial_app + 3u) & ~(uint64_t)3u));
    cfg->flags |= CFG_HAS_RAM;
    out->start = cfg->ram_start;
    out->size = cfg->ram_size;
    return OS_OK;
}

os_err_t mpu_update_app_break(struct mpu_config *cfg, uint32_t app_break, uint32_t kernel_break)
{
    uint64_t block_end = (uint64_t)cfg->ram_start + cfg->ram_size;
    uint64_t end = ((uint64_t)app_break + 3u) & ~(uint64_t)3u;

    /* SAFETY: PMP region: the new accessible end is app_break rounded up
     * to the 4-byte granule (64-bit, so it cannot wrap); it must stay
     * inside the block and not reach into the kernel-owned part starting
     * at kernel_break. On failure cfg is left as it was. */
    if ((cfg->flags & CFG_HAS_RAM) == 0 || app_break < cfg->ram_start || end > kernel_break ||
        end > block_end) {
        return OS_ENOMEM;
    }
    set_ram_top(cfg, (uint32_t)end);
    return OS_OK;
}

uint32_t mpu_accessible_end(const struct mpu_config *cfg)
{
    return cfg->app_end;
}

void mpu_configure(const struct mpu_config *cfg)
{
    if (!pmp_ready) {
        OS_PANIC("mpu_configure() before riscv_pmp_init()");
    }
    if (cfg == loaded_cfg && cfg->stamp == loaded_stamp) {
        return; /* the same process again, its entries unchanged */
    }
    loaded_cfg = cfg;
    loaded_stamp = cfg->stamp;
    /* The kernel runs in M-mode, which unlocked entries do not restrict,
     * so the half-updated states between these writes are harmless: only
     * the complete set is ever seen by U-mode, after the next mret. */
    for (unsigned i = 0; i < RISCV_PMP_PROCESS_ENTRIES; i++) {
        if (shadow[i] != cfg->words[i]) {
            write_pmpaddr(i, cfg->words[i]);
            shadow[i] = cfg->words[i];
        }
    }
    if (shadow[WORD_CFG0] != cfg->words[WORD_CFG0]) {
        /* SAFETY: pmpcfg0 holds entries 0-3 only, none locked (L is never
         * set in cfg->words: see FLASH_CFG and RAM_CFG). */
        riscv_csr_write_pmpcfg0(cfg->words[WORD_CFG0]);
        shadow[WORD_CFG0] = cfg->words[WORD_CFG0];
        write_count++;
    }
}

uint32_t mpu_write_count(void)
{
    return write_count;
}

uint32_t mpu_regions(const struct mpu_config *cfg, struct mpu_region_info *out, uint32_t max)
{
    uint32_t n = 0;

    for (unsigned i = 0; i < RISCV_PMP_PROCESS_ENTRIES && n < max; i++) {
        uint32_t b = (cfg->words[WORD_CFG0] >> (8u * i)) & 0xFFu;
        bool tor = (b & RISCV_PMP_A_MASK) == RISCV_PMP_A_TOR;

        out[n++] = (struct mpu_region_info){
            .start = tor && i > 0 ? cfg->words[i - 1] << 2 : 0,
            .end = tor ? cfg->words[i] << 2 : 0,
            .enabled = tor,
            .read = tor && (b & RISCV_PMP_R) != 0,
            .write = tor && (b & RISCV_PMP_W) != 0,
            .execute = tor && (b & RISCV_PMP_X) != 0,
        };
    }
    return n;
}

/* Print entry i (0..3) of cfg: mode, range, permissions. */
static void print_entry(const struct mpu_config *cfg, unsigned i)
{
    uint32_t b = (cfg->words[WORD_CFG0] >> (8u * i)) & 0xFFu;
    uint32_t top = cfg->words[i] << 2;
    uint32_t base = i > 0 ? cfg->words[i - 1] << 2 : 0;

    switch (b & RISCV_PMP_A_MASK) {
    case RISCV_PMP_A_OFF:
        early_printf("      %2u OFF   (base 0x%08" PRIx32 ")\n", i, top);
        return;
    case RISCV_PMP_A_TOR:
        early_printf("      %2u TOR   0x%08" PRIx32 "-0x%08" PRIx32 " %c%c%c\n", i, base, top,
                     (b & RISCV_PMP_R) ? 'r' : '-', (b & RISCV_PMP_W) ? 'w' : '-',
                     (b & RISCV_PMP_X) ? 'x' : '-');
        return;
    default:
        /* Not produced by this file. */
        early_printf("      %2u cfg 0x%02" PRIx32 " addr 0x%08" PRIx32 "\n", i, b, cfg->words[i]);
        return;
    }
}

void mpu_print_config(const struct mpu_config *cfg)
{
    early_printf("    PMP (U-mode may access only these; no match = no access):\n");
    for (unsigned i = 0; i < RISCV_PMP_PROCESS_ENTRIES; i++) {
        print_entry(cfg, i);
    }
    if (guard_size != 0) {
        early_printf("      4-13 OFF, 14-15 TOR 0x%08" PRIx32 "-0x%08" PRIx32
                     " --- locked (kernel stack guard)\n",
                     guard_start, guard_start + guard_size);
    } else {
        early_printf("      4-15 OFF\n");
    }
}
