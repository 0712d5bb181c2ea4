/* SPDX-License-Identifier: Apache-2.0 */
/* Memory-protection contract (Cortex-M MPU, RISC-V PMP): the process fence.
 *
 * The kernel asks the MPU code where a process's RAM block may go and which
 * break values it can express; the result is a per-process struct mpu_config
 * computed once and re-applied cheaply on every switch to that process.
 *
 * Obligation of every implementation: mpu_configure() may give the process
 * access to its own flash [flash_start, flash_end) (read/execute) and its own
 * RAM [memory_start, mpu_accessible_end()) (read/write, never execute), and to
 * nothing else. Kernel RAM, kernel flash, peripherals, other processes and
 * this process's kernel-owned (grant) area stay inaccessible to it. While the
 * kernel runs (privileged / M-mode) the configuration must not restrict it.
 */
#pragma once

#include <stdbool.h>
#include <stdint.h>

#include "os/err.h"

/* A process's precomputed protection state; layout private to arch/. */
struct mpu_config {
    uint32_t words[8];  /* region registers, arch-defined */
    uint32_t ram_start; /* memory_start of the block */
    uint32_t ram_size;  /* size of the whole block */
    uint32_t app_end;   /* first byte the process cannot access */
    uint32_t flags;     /* arch-private */
    uint32_t stamp;     /* arch-private: changes whenever words[] may have */
};

/* Where a process's RAM block was placed. */
struct mpu_ram_block {
    uint32_t start; /* memory_start */
    uint32_t size;  /* whole block, app part + kernel part */
};

/* Clear cfg (no regions). */
void mpu_config_init(struct mpu_config *cfg);

/* Give the process read+execute access to [start, start + size).
 * @retval OS_OK      region recorded in cfg.
 * @retval OS_EINVAL  the hardware cannot express exactly this range (e.g.
 *                    Cortex-M: not a power of two aligned to its size). */
OS_MUST_CHECK os_err_t mpu_set_flash_region(struct mpu_config *cfg, uint32_t start, uint32_t size);

/* Choose a RAM block inside the pool [pool_start, pool_end) holding at least
 * min_app bytes for the process plus kernel_bytes for the kernel-owned part
 * at its top, with the first initial_app bytes accessible. If fixed_start is
 * not 0xFFFFFFFF the block must start exactly there. Records the RAM region
 * in cfg and returns the placement in *out.
 * @retval OS_OK      placed; out->start >= pool_start, start + size <= pool_end.
 * @retval OS_ENOMEM  it does not fit in the pool (or at fixed_start). */
OS_MUST_CHECK os_err_t mpu_allocate_ram(struct mpu_config *cfg, uint32_t pool_start,
                                        uint32_t pool_end, uint32_t min_app, uint32_t kernel_bytes,
                                        uint32_t initial_app, uint32_t fixed_start,
                                        struct mpu_ram_block *out);

/* Move the accessible end of RAM to app_break (the region may round up; see
 * mpu_accessible_end()). kernel_break is the lowest kernel-owned byte.
 * @retval OS_OK      cfg updated.
 * @retval OS_ENOMEM  the rounded region would reach kernel_break or the end
 *                    of the block; cfg unchanged. */
OS_MUST_CHECK os_err_t mpu_update_app_break(struct mpu_config *cfg, uint32_t app_break,
                                            uint32_t kernel_break);

/* First byte above the process's accessible RAM, after hardware rounding
 * (>= the app break last set). The kernel never places its own data below. */
uint32_t mpu_accessible_end(const struct mpu_config *cfg);

/* Load cfg into the hardware for the next switch to this process. Cheap when
 * cfg is already the loaded one (no register writes). */
void mpu_configure(const struct mpu_config *cfg);

/* Number of register writes mpu_configure() has done (for benchmarks). */
uint32_t mpu_write_count(void);

/* Print cfg's regions through early_printf() (process fault reports). */
void mpu_print_config(const struct mpu_config *cfg);

/* One protection region as the process sees it. */
struct mpu_region_info {
    uint32_t start, end; /* [start, end) the process may access */
    bool enabled;
    bool read, write, execute;
};

/* Up to max of cfg's regions (MPU regions, PMP entries) into out, in
 * hardware order; returns how many were written (process console). */
uint32_t mpu_regions(const struct mpu_config *cfg, struct mpu_region_info *out, uint32_t max);
