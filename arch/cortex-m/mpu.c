/* SPDX-License-Identifier: Apache-2.0 */
/* PMSAv7 MPU hardware: boot setup, loading a process's regions, printing.
 *
 * The MPU is enabled once at boot with PRIVDEFENA, so privileged code (the
 * kernel, every exception handler) keeps the default memory map and is
 * restricted only by the kernel stack guard. Unprivileged code (a process)
 * can reach only what regions 0 and 1 grant: its flash and the enabled
 * part of its RAM block (mpu_layout.c computes them). While a process runs
 * no other region grants anything: 2-6 are disabled and 7 grants nothing.
 *
 * mpu_configure() keeps a copy of the words last written to regions 0 and
 * 1 and writes only if the requested configuration differs. Comparing the
 * values rather than tracking which struct was loaded means a
 * configuration changed in place (a new break) can never be missed, and a
 * process that yields back to itself costs no MPU write.
 */
#include <stdbool.h>
#include <stdint.h>

#include "mpu_regs.h"
#include "os/platform/mpu.h"
#include "os/platform/panic.h"

/* Kernel stack guard: this many bytes just below the kernel stack. */
#define GUARD_LOG2 10u

/* Linker symbols (kernel_sections.ld and the board's layout.ld). */
extern uint8_t _sstack[];
extern uint8_t _sapps[], _eapps[], _sappmem[], _eappmem[];

static uint32_t loaded[MPU_W_COUNT]; /* what regions 0 and 1 hold */
static bool loaded_valid;            /* loaded[] is meaningful */
/* The configuration loaded[] was copied from, and its stamp then: the
 * same pair means nothing changed and nothing needs comparing. */
static const struct mpu_config *loaded_cfg;
static uint32_t loaded_stamp;
static uint32_t write_count; /* register writes by mpu_configure() */

static bool overlaps(uint32_t a, uint32_t a_len, uint32_t b, uint32_t b_end)
{
    return a < b_end && b < a + a_len;
}

/* Base of the kernel stack guard, or 0 if this layout cannot have one: the
 * stack must start on a guard-size boundary, and the guard must not cover
 * application flash or process RAM. Below the stack is outside kernel RAM
 * (the stack is its first section), so the guard costs no memory. */
static uint32_t guard_base(void)
{
    /* SAFETY: only the addresses of linker-defined boundaries are used. */
    uint32_t stack = (uint32_t)(uintptr_t)_sstack;
    uint32_t apps = (uint32_t)(uintptr_t)_sapps;
    uint32_t apps_end = (uint32_t)(uintptr_t)_eapps;
    uint32_t pool = (uint32_t)(uintptr_t)_sappmem;
    uint32_t pool_end = (uint32_t)(uintptr_t)_eappmem;
    uint32_t size = 1u << GUARD_LOG2;

    if (stack < size || (stack & (size - 1u)) != 0) {
        return 0;
    }
    if (overlaps(stack - size, size, apps, apps_end) ||
        overlaps(stack - size, size, pool, pool_end)) {
        return 0;
    }
    return stack - size;
}

void cortex_m_mpu_init(void)
{
    /* SAFETY: MPU register accesses from privileged Thread mode at boot,
     * before any process exists: check the region count, then disable the
     * MPU and every region (the default map applies meanwhile). */
    uint32_t regions = (CORTEX_M_MPU->type >> 8) & 0xFFu;
    uint32_t guard = guard_base();

    if (regions < MPU_REGIONS_REQUIRED) {
        OS_PANIC("MPU has %lu regions, need %u", (unsigned long)regions,
                 (unsigned)MPU_REGIONS_REQUIRED);
    }
    CORTEX_M_MPU->ctrl = 0;
    for (uint32_t n = 0; n < regions; n++) {
        CORTEX_M_MPU->rnr = n;
        CORTEX_M_MPU->rasr = 0;
        CORTEX_M_MPU->rbar = 0;
    }
    if (guard != 0) {
        /* SAFETY (MPU-region computation): guard_base() returned a
         * multiple of the guard size below the kernel stack, clear of
         * application flash and process RAM; no access for anyone. */
        CORTEX_M_MPU->rbar = guard | MPU_RBAR_VALID | MPU_REGION_GUARD;
        CORTEX_M_MPU->rasr =
            MPU_RASR_XN | MPU_AP_NONE | MPU_RASR_SIZE(GUARD_LOG2) | MPU_RASR_ENABLE;
    }
    /* SAFETY: enable with the default map for privileged code, then
     * barriers so the new map applies to what follows. */
    CORTEX_M_MPU->ctrl = MPU_CTRL_ENABLE | MPU_CTRL_PRIVDEFENA;
    __asm__ volatile("dsb\n\tisb" ::: "memory");
    loaded_valid = false;
}

/* Rewrite one region: disable, set base, then attributes, so no mix of
 * the old and new values is ever live. */
static void load_region(uint32_t rbar, uint32_t rasr)
{
    uint32_t region = rbar & 0xFu;

    /* SAFETY: privileged MPU writes of values mpu_layout.c computed and
     * checked (or 0 = disabled). RBAR with VALID selects the region it
     * names; RASR then applies to that region. */
    CORTEX_M_MPU->rnr = region;
    CORTEX_M_MPU->rasr = 0;
    CORTEX_M_MPU->rbar = rbar | MPU_RBAR_VALID;
    CORTEX_M_MPU->rasr = rasr;
    write_count += 4;
}

void mpu_configure(const struct mpu_config *cfg)
{
    const uint32_t *w = cfg->words;
    bool same = loaded_valid;

    if (same && cfg == loaded_cfg && cfg->stamp == loaded_stamp) {
        return; /* the same process again, its regions unchanged */
    }

    for (unsigned i = 0; i < MPU_W_COUNT && same; i++) {
        same = loaded[i] == w[i];
    }
    loaded_cfg = cfg;
    loaded_stamp = cfg->stamp;
    if (same) {
        return;
    }
    /* A region without a computed base (never set) is written disabled at
     * its own number, so nothing from another process survives. */
    load_region(w[MPU_W_FLASH_RASR] != 0 ? w[MPU_W_FLASH_RBAR] : MPU_REGION_FLASH,
                w[MPU_W_FLASH_RASR]);
    load_region(w[MPU_W_RAM_RASR] != 0 ? w[MPU_W_RAM_RBAR] : MPU_REGION_RAM, w[MPU_W_RAM_RASR]);
    for (unsigned i = 0; i < MPU_W_COUNT; i++) {
        loaded[i] = w[i];
    }
    loaded_valid = true;
    /* SAFETY: barriers so the new regions apply before the process runs. */
    __asm__ volatile("dsb\n\tisb" ::: "memory");
}

uint32_t mpu_write_count(void)
{
    return write_count;
}

/* Print one region from its RBAR/RASR words. */
static void print_region(const char *what, uint32_t rbar, uint32_t rasr)
{
    uint32_t base = rbar & MPU_RBAR_ADDR_MASK;
    uint32_t size = 1u << (MPU_RASR_SIZE_LOG2(rasr) & 31u);
    uint32_t srd = (rasr & MPU_RASR_SRD_MASK) >> MPU_RASR_SRD_SHIFT;
    uint32_t enabled = 8u - (uint32_t)__builtin_popcount(srd);
    uint32_t ap = rasr & MPU_RASR_AP_MASK;
    const char *perm = ap == MPU_AP_USER_RW ? "read/write" : ap == MPU_AP_USER_RO ? "read" : "none";

    if ((rasr & MPU_RASR_ENABLE) == 0) {
        early_printf("      region %lu %-5s disabled\n", (unsigned long)(rbar & 0xFu), what);
        return;
    }
    early_printf("      region %lu %-5s 0x%08lx-0x%08lx (%lu bytes): process %s, %s\n",
                 (unsigned long)(rbar & 0xFu), what, (unsigned long)base,
                 (unsigned long)(base + (size - 1u)), (unsigned long)size, perm,
                 (rasr & MPU_RASR_XN) != 0 ? "no execute" : "execute");
    if (srd != 0) {
        early_printf("                     subregions enabled: %lu of 8 (%lu bytes each), "
                     "accessible to 0x%08lx\n",
                     (unsigned long)enabled, (unsigned long)(size / 8u),
                     (unsigned long)(base + enabled * (size / 8u)));
    }
}

/* The process's view of one region from its RBAR/RASR words. */
static struct mpu_region_info region_info(uint32_t rbar, uint32_t rasr)
{
    uint32_t base = rbar & MPU_RBAR_ADDR_MASK;
    uint32_t size = 1u << (MPU_RASR_SIZE_LOG2(rasr) & 31u);
    uint32_t srd = (rasr & MPU_RASR_SRD_MASK) >> MPU_RASR_SRD_SHIFT;
    uint32_t enabled = 8u - (uint32_t)__builtin_popcount(srd);
    uint32_t ap = rasr & MPU_RASR_AP_MASK;

    if ((rasr & MPU_RASR_ENABLE) == 0) {
        return (struct mpu_region_info){0};
    }
    return (struct mpu_region_info){
        .start = base,
        .end = base + (srd != 0 ? enabled * (size / 8u) : size),
        .enabled = true,
        .read = ap == MPU_AP_USER_RW || ap == MPU_AP_USER_RO,
        .write = ap == MPU_AP_USER_RW,
        .execute = (rasr & MPU_RASR_XN) == 0,
    };
}

uint32_t mpu_regions(const struct mpu_config *cfg, struct mpu_region_info *out, uint32_t max)
{
    const uint32_t *w = cfg->words;
    uint32_t n = 0;

    if (n < max) {
        out[n++] = region_info(w[MPU_W_FLASH_RBAR], w[MPU_W_FLASH_RASR]);
    }
    if (n < max) {
        out[n++] = region_info(w[MPU_W_RAM_RBAR], w[MPU_W_RAM_RASR]);
    }
    return n;
}

void mpu_print_config(const struct mpu_config *cfg)
{
    const uint32_t *w = cfg->words;

    early_printf("    MPU (PMSAv7, privileged code uses the default map):\n");
    print_region("flash", w[MPU_W_FLASH_RBAR] | MPU_REGION_FLASH, w[MPU_W_FLASH_RASR]);
    print_region("RAM", w[MPU_W_RAM_RBAR] | MPU_REGION_RAM, w[MPU_W_RAM_RASR]);
}
