/* SPDX-License-Identifier: Apache-2.0 */
/* Host fakes of user_boundary.h and mpu.h for syscall and grant tests. */
#include "fake_process.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "kernel/process_internal.h"
#include "os/platform/mpu.h"
#include "os/platform/user_boundary.h"

int fake_process_faults;
int fake_switches;
uint32_t fake_entry_regs[4];
uint32_t fake_upcall_fn;
uint32_t fake_upcall_args[4];

/* ---- user boundary: registers live in ctx->regs, class in ctx->status ---- */

uint32_t arch_initial_stack_bytes(void)
{
    return 0;
}

void arch_user_init(struct arch_user_context *ctx, uint32_t stack_top)
{
    memset(ctx, 0, sizeof(*ctx));
    ctx->sp = stack_top;
}

os_err_t arch_user_set_upcall(struct arch_user_context *ctx, const struct arch_upcall *u,
                              uint32_t accessible_start, uint32_t accessible_end)
{
    (void)accessible_start;
    (void)accessible_end;
    ctx->pc = u->fn;
    memcpy(ctx->regs, u->args, sizeof(u->args));
    fake_upcall_fn = u->fn;
    memcpy(fake_upcall_args, u->args, sizeof(u->args));
    return OS_OK;
}

os_err_t arch_user_set_return(struct arch_user_context *ctx, const uint32_t *values, unsigned count,
                              uint32_t accessible_start, uint32_t accessible_end)
{
    (void)accessible_start;
    (void)accessible_end;
    for (unsigned i = 0; i < count && i < 4; i++) {
        ctx->regs[i] = values[i];
    }
    return OS_OK;
}

os_err_t arch_user_get_syscall(const struct arch_user_context *ctx, struct arch_syscall *out,
                               uint32_t accessible_start, uint32_t accessible_end)
{
    (void)accessible_start;
    (void)accessible_end;
    out->class_num = ctx->status;
    memcpy(out->args, ctx->regs, sizeof(out->args));
    return OS_OK;
}

enum arch_switch_reason arch_switch_to_user(struct arch_user_context *ctx)
{
    /* The fake process always answers with Yield-Wait. */
    fake_switches++;
    memcpy(fake_entry_regs, ctx->regs, sizeof(fake_entry_regs));
    ctx->status = 0;
    ctx->regs[0] = 1;
    return ARCH_SWITCH_SYSCALL;
}

void arch_user_print_state(const struct arch_user_context *ctx)
{
    (void)ctx;
}

/* The fake keeps r0-r3 of the frame in regs[0..3]. */
uint32_t arch_user_registers(const struct arch_user_context *ctx, struct arch_user_reg *out,
                             uint32_t max)
{
    static const char *const names[5] = {"r0", "r1", "r2", "r3", "sp"};
    uint32_t n = 0;

    for (; n < 5 && n < max; n++) {
        out[n] = (struct arch_user_reg){names[n], n < 4 ? ctx->regs[n] : ctx->sp};
    }
    return n;
}

const char *arch_user_fault_description(const struct arch_user_context *ctx)
{
    (void)ctx;
    return "fake fault";
}

uint32_t arch_user_stack_pointer(const struct arch_user_context *ctx)
{
    return ctx->sp;
}

/* ---- MPU: 4-byte granularity, accessible end = break rounded to 4 ---- */

void mpu_config_init(struct mpu_config *cfg)
{
    memset(cfg, 0, sizeof(*cfg));
}

os_err_t mpu_set_flash_region(struct mpu_config *cfg, uint32_t start, uint32_t size)
{
    cfg->words[0] = start;
    cfg->words[1] = size;
    return OS_OK;
}

os_err_t mpu_allocate_ram(struct mpu_config *cfg, uint32_t pool_start, uint32_t pool_end,
                          uint32_t min_app, uint32_t kernel_bytes, uint32_t initial_app,
                          uint32_t fixed_start, struct mpu_ram_block *out)
{
    uint32_t start = fixed_start != 0xffffffffu ? fixed_start : (pool_start + 7u) & ~7u;
    uint32_t size = (min_app + kernel_bytes + 7u) & ~7u;

    if (start < pool_start || size > pool_end - start) {
        return OS_ENOMEM;
    }
    cfg->ram_start = start;
    cfg->ram_size = size;
    cfg->app_end = start + initial_app;
    out->start = start;
    out->size = size;
    return OS_OK;
}

os_err_t mpu_update_app_break(struct mpu_config *cfg, uint32_t app_break, uint32_t kernel_break)
{
    uint32_t end = (app_break + 3u) & ~3u;

    if (end > kernel_break) {
        return OS_ENOMEM;
    }
    cfg->app_end = end;
    return OS_OK;
}

uint32_t mpu_accessible_end(const struct mpu_config *cfg)
{
    return cfg->app_end;
}

void mpu_configure(const struct mpu_config *cfg)
{
    (void)cfg;
}

uint32_t mpu_write_count(void)
{
    return 0;
}

void mpu_print_config(const struct mpu_config *cfg)
{
    (void)cfg;
}

/* Flash as recorded, then the accessible RAM. */
uint32_t mpu_regions(const struct mpu_config *cfg, struct mpu_region_info *out, uint32_t max)
{
    uint32_t n = 0;

    if (n < max) {
        out[n++] = (struct mpu_region_info){
            cfg->words[0], cfg->words[0] + cfg->words[1], true, true, false, true};
    }
    if (n < max) {
        out[n++] = (struct mpu_region_info){cfg->ram_start, cfg->app_end, true, true, true, false};
    }
    return n;
}

/* ---- test process helpers ---- */

void fake_memory_map(struct fake_memory *m)
{
    void *mem = mmap(NULL, FAKE_FLASH_SIZE + 2 * FAKE_POOL_SIZE, PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS | MAP_32BIT, -1, 0);

    if (mem == MAP_FAILED || (uintptr_t)mem > 0xffff0000u) {
        fprintf(stderr, "cannot map fake process memory below 4 GiB\n");
        exit(99);
    }
    m->flash = (uint32_t)(uintptr_t)mem;
    m->pool = m->flash + FAKE_FLASH_SIZE;
}

void fake_memory_map_second(struct fake_memory *m)
{
    m->pool += FAKE_POOL_SIZE / 2;
}

void fake_process_create(struct kernel *k, struct process *p, const struct fake_memory *m,
                         uint32_t min_ram)
{
    struct mpu_ram_block blk;

    *p = (struct process){.index = p->index, .in_use = true};
    p->image = (struct process_image){
        .flash_start = m->flash,
        .flash_end = m->flash + FAKE_FLASH_SIZE,
        .app_start = m->flash + FAKE_HEADER_SIZE,
        .entry = m->flash + FAKE_HEADER_SIZE + 1,
        .min_ram = min_ram,
        .fixed_ram = 0xffffffffu,
        .name = "fake",
        .name_len = 4,
    };
    mpu_config_init(&p->mpu);
    if (mpu_allocate_ram(&p->mpu, m->pool, m->pool + FAKE_POOL_SIZE, min_ram,
                         process_kernel_fixed_bytes(k->num_grants), 0, 0xffffffffu,
                         &blk) != OS_OK) {
        fprintf(stderr, "fake process does not fit\n");
        exit(99);
    }
    p->mem_start = blk.start;
    p->mem_end = blk.start + blk.size;
    process_start(k, p);
}

void fake_syscall(struct kernel *k, struct process *p, uint32_t class_num, uint32_t a0, uint32_t a1,
                  uint32_t a2, uint32_t a3, uint32_t out[4])
{
    uint32_t faults = p->stats.faults;

    p->state = PROCESS_RUNNING;
    p->ctx.status = class_num;
    p->ctx.regs[0] = a0;
    p->ctx.regs[1] = a1;
    p->ctx.regs[2] = a2;
    p->ctx.regs[3] = a3;
    syscall_handle(k, p);
    memcpy(out, p->ctx.regs, 4 * sizeof(uint32_t));
    fake_process_faults = p->stats.faults != faults;
}
