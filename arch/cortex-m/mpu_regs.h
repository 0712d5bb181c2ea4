/* SPDX-License-Identifier: Apache-2.0 */
/* Private to arch/cortex-m: the ARMv7-M PMSAv7 MPU registers and region use.
 *
 * ARMv7-M ARM B3.5. A region is a power of two of at least 32 bytes,
 * aligned to its size; regions of 256 bytes or more are split into eight
 * equal subregions that can be disabled one by one (RASR.SRD). An access
 * matching no enabled (sub)region uses the default memory map if it is
 * privileged (CTRL.PRIVDEFENA) and faults if it is not. Where regions
 * overlap, the highest-numbered one decides.
 *
 * Region numbers used by this arch:
 *   0  the running process's flash: read/execute for it
 *   1  the running process's RAM block: read/write, execute-never for it,
 *      only the subregions below its break enabled
 *   7  kernel stack guard: no access at all, just below the kernel stack
 *   2-6 always disabled
 * Regions 0 and 1 are rewritten by mpu_configure(); 7 once at boot.
 */
#pragma once

#include <stddef.h>
#include <stdint.h>

/* MPU register block at 0xE000ED90. */
struct cortex_m_mpu_regs {
    volatile uint32_t type; /* 0x00 DREGION in bits 15:8 */
    volatile uint32_t ctrl; /* 0x04 ENABLE, HFNMIENA, PRIVDEFENA */
    volatile uint32_t rnr;  /* 0x08 region number for RBAR/RASR */
    volatile uint32_t rbar; /* 0x0C base address; VALID+REGION select the region */
    volatile uint32_t rasr; /* 0x10 attributes, size, subregion disables, enable */
};

_Static_assert(offsetof(struct cortex_m_mpu_regs, rasr) == 0x10, "MPU layout");

/* SAFETY: 0xE000ED90 is the architecturally fixed MPU base in the System
 * Control Space of every ARMv7-M core with an MPU; word-aligned,
 * privileged access only (an unprivileged access is a BusFault). */
#define CORTEX_M_MPU ((struct cortex_m_mpu_regs *)0xE000ED90u)

#define MPU_CTRL_ENABLE (1u << 0)
#define MPU_CTRL_PRIVDEFENA (1u << 2)

#define MPU_RBAR_VALID (1u << 4)
#define MPU_RBAR_ADDR_MASK 0xFFFFFFE0u

#define MPU_RASR_ENABLE (1u << 0)
#define MPU_RASR_SIZE(log2) ((uint32_t)((log2)-1u) << 1) /* region = 2^log2 bytes */
#define MPU_RASR_SIZE_LOG2(rasr) ((((rasr) >> 1) & 0x1Fu) + 1u)
#define MPU_RASR_SRD_SHIFT 8
#define MPU_RASR_SRD_MASK (0xFFu << MPU_RASR_SRD_SHIFT)
#define MPU_RASR_AP_SHIFT 24
#define MPU_RASR_AP_MASK (7u << MPU_RASR_AP_SHIFT)
#define MPU_RASR_XN (1u << 28)

/* Access permissions (RASR.AP): privileged / unprivileged. */
#define MPU_AP_NONE (0u << MPU_RASR_AP_SHIFT)    /* none / none */
#define MPU_AP_PRIV_RW (1u << MPU_RASR_AP_SHIFT) /* RW / none */
#define MPU_AP_USER_RO (2u << MPU_RASR_AP_SHIFT) /* RW / RO */
#define MPU_AP_USER_RW (3u << MPU_RASR_AP_SHIFT) /* RW / RW */

/* Memory attributes (TEX, C, B, S): normal memory, as the default map
 * gives it. Flash: write-through; RAM: write-back. No cache on the M4
 * anyway; what matters is "normal", so unaligned accesses work. */
#define MPU_ATTR_FLASH (1u << 17)              /* TEX=000 C=1 B=0 */
#define MPU_ATTR_RAM ((1u << 17) | (1u << 16)) /* TEX=000 C=1 B=1 */

#define MPU_REGION_FLASH 0u
#define MPU_REGION_RAM 1u
#define MPU_REGION_GUARD 7u
#define MPU_REGIONS_REQUIRED 8u

/* Indexes into struct mpu_config words[]: the values mpu_configure()
 * writes, computed once by mpu_layout.c. A RASR of 0 disables the region. */
#define MPU_W_FLASH_RBAR 0
#define MPU_W_FLASH_RASR 1
#define MPU_W_RAM_RBAR 2
#define MPU_W_RAM_RASR 3
#define MPU_W_COUNT 4

/* Smallest RAM block (and region): subregions of 64 bytes. */
#define MPU_RAM_MIN_LOG2 9u

/* Enable the MPU for the kernel's lifetime (PRIVDEFENA: the kernel keeps
 * the default map) with every region disabled except the kernel stack
 * guard, when the layout allows one. Boot time, from the reset code,
 * before anything runs on PSP. A core without 8 MPU regions stops the boot
 * with a panic. */
void cortex_m_mpu_init(void);
