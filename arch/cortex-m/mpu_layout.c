/* SPDX-License-Identifier: Apache-2.0 */
/* PMSAv7 region computation for one process: flash, RAM block, break.
 *
 * Everything here is arithmetic on struct mpu_config; nothing touches the
 * hardware (mpu.c loads the words). This is the process's security
 * boundary, so the scheme is the simplest one that meets os/platform/mpu.h:
 *
 * Flash: one region exactly [flash_start, flash_start + size), which must
 * be a power of two of at least 32 bytes aligned to its size. Unprivileged
 * read + execute, privileged read/write (the kernel stays unrestricted).
 *
 * RAM: the block is one power of two B (at least 512 bytes) aligned to B,
 * covered by one region of size B. Its eight subregions of B/8 bytes are
 * enabled from the bottom up to the first subregion boundary at or above
 * the app break; the rest are disabled. The process gets read/write,
 * execute-never on the enabled part and nothing on the rest, which holds
 * the kernel-owned memory at the top of the block; the kernel reaches it
 * through the default map. A break whose rounded end would pass the kernel
 * break is refused, so the enabled subregions never cover kernel data.
 * (Tock instead aligns to B/2 and uses two regions of B/2, for 16 steps;
 * one region is simpler to verify, costs at most B of alignment slack per
 * process, and leaves a region free.)
 *
 * MPU-region computation: every value written into words[] below is
 * derived from checked powers of two and alignments; each function either
 * produces a fully valid region or leaves cfg unchanged and fails.
 */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "mpu_regs.h"
#include "os/platform/mpu.h"

#define NO_FIXED_START 0xFFFFFFFFu
#define SUBREGIONS 8u

static bool is_pow2(uint32_t v)
{
    return v != 0 && (v & (v - 1u)) == 0;
}

static uint32_t log2_of(uint32_t pow2)
{
    return 31u - (uint32_t)__builtin_clz(pow2);
}

/* Smallest multiple of sub at or above v (sub a power of two, no wrap:
 * callers pass v <= B <= 2^31). */
static uint32_t round_up(uint32_t v, uint32_t sub)
{
    return (v + sub - 1u) & ~(sub - 1u);
}

_Static_assert(MPU_W_COUNT <= sizeof(((struct mpu_config *)0)->words) / sizeof(uint32_t),
               "struct mpu_config words[] too small");

/* Mark cfg as changed, so mpu_configure() compares it again (mpu.c). */
static void changed(struct mpu_config *cfg)
{
    static uint32_t stamps;

    stamps = stamps + 1u == 0 ? 1u : stamps + 1u; /* 0: never loaded */
    cfg->stamp = stamps;
}

void mpu_config_init(struct mpu_config *cfg)
{
    memset(cfg, 0, sizeof(*cfg));
    changed(cfg);
}

os_err_t mpu_set_flash_region(struct mpu_config *cfg, uint32_t start, uint32_t size)
{
    if (size < 32u || !is_pow2(size) || (start & (size - 1u)) != 0) {
        return OS_EINVAL;
    }
    /* SAFETY (MPU-region computation): size is a power of two >= 32 and
     * start is a multiple of it, so the region is exactly
     * [start, start + size). AP gives the process read-only access; XN is
     * clear so it can execute its code. */
    changed(cfg);
    cfg->words[MPU_W_FLASH_RBAR] = start | MPU_RBAR_VALID | MPU_REGION_FLASH;
    cfg->words[MPU_W_FLASH_RASR] =
        MPU_AP_USER_RO | MPU_ATTR_FLASH | MPU_RASR_SIZE(log2_of(size)) | MPU_RASR_ENABLE;
    return OS_OK;
}

/* RASR of the RAM region of a block of 2^log2 bytes with the first k
 * subregions enabled. */
static uint32_t ram_rasr(uint32_t log2, uint32_t k)
{
    uint32_t srd = (0xFFu << k) & 0xFFu; /* disable subregions k..7 */

    /* SAFETY (MPU-region computation): read/write for the process,
     * execute-never, over a power-of-two region whose subregions at and
     * above k are disabled (no access for the process there). */
    return MPU_RASR_XN | MPU_AP_USER_RW | MPU_ATTR_RAM | (srd << MPU_RASR_SRD_SHIFT) |
           MPU_RASR_SIZE(log2) | MPU_RASR_ENABLE;
}

/* Smallest block size (log2) for min_app + kernel_bytes such that a break
 * at min_app, rounded up to a subregion, still ends below the kernel part.
 * This also keeps the initial window (initial_app <= min_app) clear of it.
 * 0 if no block up to 2^31 works. */
static uint32_t block_log2(uint32_t min_app, uint32_t kernel_bytes)
{
    for (uint32_t log2 = MPU_RAM_MIN_LOG2; log2 <= 31u; log2++) {
        uint32_t size = 1u << log2;

        if (min_app <= size && kernel_bytes <= size &&
            round_up(min_app, size / SUBREGIONS) <= size - kernel_bytes) {
            return log2;
        }
    }
    return 0;
}

os_err_t mpu_allocate_ram(struct mpu_config *cfg, uint32_t pool_start, uint32_t pool_end,
                          uint32_t min_app, uint32_t kernel_bytes, uint32_t initial_app,
                          uint32_t fixed_start, struct mpu_ram_block *out)
{
    uint32_t log2 = block_log2(MAX(min_app, initial_app), kernel_bytes);
    uint32_t size;
    uint32_t start;

    if (log2 == 0 || pool_start > pool_end) {
        return OS_ENOMEM;
    }
    size = 1u << log2;
    if (fixed_start != NO_FIXED_START) {
        if ((fixed_start & (size - 1u)) != 0 || fixed_start < pool_start) {
            return OS_ENOMEM;
        }
        start = fixed_start;
    } else {
        if (pool_start > UINT32_MAX - (size - 1u)) {
            return OS_ENOMEM;
        }
        start = round_up(pool_start, size);
    }
    if (start > pool_end || pool_end - start < size) {
        return OS_ENOMEM;
    }
    /* SAFETY (MPU-region computation): start is a multiple of the
     * power-of-two size, so the region is exactly the block. The first
     * window enables the subregions covering initial_app bytes; by
     * block_log2() they end below the kernel part. */
    changed(cfg);
    cfg->words[MPU_W_RAM_RBAR] = start | MPU_RBAR_VALID | MPU_REGION_RAM;
    cfg->ram_start = start;
    cfg->ram_size = size;
    cfg->app_end = start + round_up(initial_app, size / SUBREGIONS);
    cfg->words[MPU_W_RAM_RASR] = ram_rasr(log2, (cfg->app_end - start) / (size / SUBREGIONS));
    out->start = start;
    out->size = size;
    return OS_OK;
}

os_err_t mpu_update_app_break(struct mpu_config *cfg, uint32_t app_break, uint32_t kernel_break)
{
    uint32_t start = cfg->ram_start;
    uint32_t size = cfg->ram_size;
    uint32_t sub = size / SUBREGIONS;
    uint32_t end;

    if (size == 0 || app_break < start || app_break - start > size) {
        return OS_ENOMEM;
    }
    /* No wrap: app_break - start <= size <= 2^31. */
    end = start + round_up(app_break - start, sub);
    if (end - start > size || end > kernel_break) {
        return OS_ENOMEM;
    }
    /* SAFETY (MPU-region computation): end is the first subregion
     * boundary at or above the break and does not pass kernel_break, so
     * the enabled subregions cover only process-owned memory. */
    changed(cfg);
    cfg->app_end = end;
    cfg->words[MPU_W_RAM_RASR] = ram_rasr(log2_of(size), (end - start) / sub);
    return OS_OK;
}

uint32_t mpu_accessible_end(const struct mpu_config *cfg)
{
    return cfg->app_end;
}
