/* SPDX-License-Identifier: Apache-2.0 */
/* RISC-V PLIC driver: priorities, enables, threshold, claim/complete. */
#include "virt/plic.h"

#include "riscv/mmio.h"

#define PLIC_PRIORITY_OFFSET 0x0u
#define PLIC_PENDING_OFFSET 0x1000u
#define PLIC_ENABLE_OFFSET 0x2000u
#define PLIC_ENABLE_STRIDE 0x80u
#define PLIC_CONTEXT_OFFSET 0x200000u
#define PLIC_CONTEXT_STRIDE 0x1000u
#define PLIC_THRESHOLD 0x0u
#define PLIC_CLAIM 0x4u

static uintptr_t priority_reg(const struct plic *plic, uint32_t source)
{
    return plic->base + PLIC_PRIORITY_OFFSET + 4u * source;
}

static uintptr_t enable_reg(const struct plic *plic, uint32_t source)
{
    return plic->base + PLIC_ENABLE_OFFSET + PLIC_ENABLE_STRIDE * plic->context +
           4u * (source / 32u);
}

static uintptr_t context_reg(const struct plic *plic, uint32_t reg)
{
    return plic->base + PLIC_CONTEXT_OFFSET + PLIC_CONTEXT_STRIDE * plic->context + reg;
}

static bool source_valid(const struct plic *plic, uint32_t source)
{
    return source != 0 && source < plic->num_sources;
}

void plic_init(struct plic *plic, uintptr_t base, uint32_t context, uint32_t num_sources)
{
    plic->base = base;
    plic->context = context;
    plic->num_sources = num_sources;

    /* SAFETY: enable words and priorities of sources < num_sources, and this
     * context's threshold, all inside the PLIC's register block. */
    for (uint32_t word = 0; word < (num_sources + 31u) / 32u; word++) {
        riscv_mmio_write32(enable_reg(plic, word * 32u), 0);
    }
    for (uint32_t source = 1; source < num_sources; source++) {
        riscv_mmio_write32(priority_reg(plic, source), 0);
    }
    riscv_mmio_write32(context_reg(plic, PLIC_THRESHOLD), 0);
}

void plic_enable(struct plic *plic, uint32_t source, uint32_t priority)
{
    if (!source_valid(plic, source)) {
        return;
    }
    uintptr_t reg = enable_reg(plic, source);

    /* SAFETY: source is valid, so both registers exist. */
    riscv_mmio_write32(priority_reg(plic, source), priority);
    riscv_mmio_write32(reg, riscv_mmio_read32(reg) | (1u << (source % 32u)));
}

void plic_disable(struct plic *plic, uint32_t source)
{
    if (!source_valid(plic, source)) {
        return;
    }
    uintptr_t reg = enable_reg(plic, source);

    /* SAFETY: source is valid, so its enable word exists. */
    riscv_mmio_write32(reg, riscv_mmio_read32(reg) & ~(1u << (source % 32u)));
}

bool plic_is_pending(const struct plic *plic, uint32_t source)
{
    if (!source_valid(plic, source)) {
        return false;
    }
    /* SAFETY: source is valid, so its pending word exists. */
    uint32_t bits = riscv_mmio_read32(plic->base + PLIC_PENDING_OFFSET + 4u * (source / 32u));

    return (bits & (1u << (source % 32u))) != 0;
}

uint32_t plic_claim(struct plic *plic)
{
    /* SAFETY: this context's claim register; reading it claims a source. */
    return riscv_mmio_read32(context_reg(plic, PLIC_CLAIM));
}

void plic_complete(struct plic *plic, uint32_t source)
{
    /* SAFETY: this context's complete register (same as claim); writing a
     * source that is not claimed is ignored by the PLIC. */
    riscv_mmio_write32(context_reg(plic, PLIC_CLAIM), source);
}
