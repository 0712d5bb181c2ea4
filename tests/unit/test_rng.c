/* SPDX-License-Identifier: Apache-2.0 */
/* RNG driver (0x40001) through the real kernel against a fake entropy source.
 *
 * Two fake processes issue system calls into the real kernel code; the
 * capsule is wired as boards wire it (components/rng.c), over a fake source
 * whose completions the test makes by hand.
 */
#include <string.h>

#include "components/rng.h"
#include "fakes/fake_entropy.h"
#include "fakes/fake_platform.h"
#include "fakes/fake_process.h"
#include "kernel/process_internal.h"
#include "os/abi/syscall.h"
#include "os/board/capability.h"
#include "unit.h"

#define DRV DRIVER_NUM_RNG
#define BUF_OFFSET 0x100u /* RW allow 0 of each process, inside its break */
#define POISON 0xA5u

static struct kernel kernel;
static struct process procs[2];
static struct fake_memory mem[2];
static struct fake_entropy src;
RNG_COMPONENT_STORAGE(rng, 16);

static struct syscall_driver *lookup(uint32_t num)
{
    return num == DRV ? &rng.driver : NULL;
}

static const struct kernel_resources res = {
    .driver_lookup = lookup, .fault_policy = KERNEL_FAULT_STOP, .timeslice_us = 10000};

/* Process i's buffer, as the kernel sees its address. */
static uint8_t *app_buf(int i)
{
    /* SAFETY: fake process RAM is mapped below 4 GiB (fake_memory_map). */
    return (uint8_t *)(uintptr_t)(procs[i].mem_start + BUF_OFFSET);
}

/* A fresh kernel and source, both processes started, yielded, buffers poisoned. */
static void setup(void)
{
    static bool mapped;
    uint32_t r[4];

    if (!mapped) {
        fake_memory_map(&mem[0]);
        fake_memory_map(&mem[1]);
        mapped = true;
    }
    fake_early_reset();
    fake_entropy_init(&src, 0x04030201u);
    kernel_init(&kernel, (struct chip *)&kernel);
    kernel_setup_processes(&kernel, procs, 2, &res);
    RNG_COMPONENT_FINALIZE(rng, &src.entropy, &kernel, board_cap_memory_alloc());
    kernel.processes_loaded = true;
    for (int i = 0; i < 2; i++) {
        struct process *p = &procs[i];

        fake_process_create(&kernel, p, &mem[i], 0x800);
        CHECK(scheduler_run_one(&kernel));
        fake_syscall(&kernel, p, SYSCALL_MEMOP, SYSCALL_MEMOP_BRK, p->mem_start + 0x200, 0, 0, r);
        memset(app_buf(i), POISON, 0x100);
    }
}

static uint32_t command(int i, uint32_t cmd, uint32_t a0, uint32_t *v)
{
    uint32_t r[4];

    fake_syscall(&kernel, &procs[i], SYSCALL_COMMAND, DRV, cmd, a0, 0, r);
    if (v != NULL) {
        *v = r[1];
    }
    return r[0];
}

/* RW allow 0 of len bytes at the process's buffer (len 0: revoke). */
static void allow(int i, uint32_t len)
{
    uint32_t r[4];
    uint32_t addr = len != 0 ? procs[i].mem_start + BUF_OFFSET : 0;

    fake_syscall(&kernel, &procs[i], SYSCALL_ALLOW_RW, DRV, 0, addr, len, r);
    CHECK_EQ(r[0], (uint32_t)SYSCALL_RET_SUCCESS_2U32);
}

/* Subscribe upcall 0 of process i to a function in its flash. */
static void subscribe(int i)
{
    uint32_t r[4];

    fake_syscall(&kernel, &procs[i], SYSCALL_SUBSCRIBE, DRV, 0, procs[i].image.app_start + 0x21,
                 0x77, r);
    CHECK_EQ(r[0], (uint32_t)SYSCALL_RET_SUCCESS_2U32);
}

/* Yield-Wait as process i and let the scheduler deliver one upcall to it. */
static void deliver(int i)
{
    uint32_t r[4];

    fake_syscall(&kernel, &procs[i], SYSCALL_YIELD, SYSCALL_YIELD_WAIT, 0, 0, 0, r);
    fake_upcall_fn = 0;
    kernel.default_rr.cursor = (uint32_t)i; /* round robin starts at i */
    CHECK(scheduler_run_one(&kernel));
    CHECK(fake_upcall_fn != 0);
}

static void exists_and_unknown_command(void)
{
    uint32_t v = 0;

    setup();
    CHECK_EQ(command(0, 0, 0, NULL), (uint32_t)SYSCALL_RET_SUCCESS);
    CHECK_EQ(command(0, 2, 0, &v), (uint32_t)SYSCALL_RET_FAILURE);
    CHECK_EQ(v, (uint32_t)OS_ENOSUPPORT);
    CHECK_EQ(src.gets, 0u);
}

static void fill_writes_little_endian_bytes_and_stops_at_n(void)
{
    const uint8_t want[7] = {1, 2, 3, 4, 5, 6, 7};

    setup();
    subscribe(0);
    allow(0, 16);
    CHECK_EQ(command(0, 1, 7, NULL), (uint32_t)SYSCALL_RET_SUCCESS);
    CHECK_EQ(src.gets, 1u);
    CHECK_EQ(src.count, 2u); /* ceil(7 / 4) words */
    CHECK_EQ(procs[0].task_count, 0);
    src.next = 0x04030201u;
    CHECK_EQ(fake_entropy_complete(&src, 1, OS_OK), 1); /* short delivery: asks again */
    CHECK_EQ(procs[0].task_count, 0);
    CHECK_EQ(src.count, 1u);
    src.next = 0x08070605u;
    CHECK_EQ(fake_entropy_complete(&src, 1, OS_OK), 1);
    CHECK_EQ(procs[0].task_count, 1);
    CHECK(memcmp(app_buf(0), want, sizeof(want)) == 0);
    CHECK_EQ(app_buf(0)[7], POISON);
    deliver(0);
    CHECK_EQ(fake_upcall_args[0], 0u);
    CHECK_EQ(fake_upcall_args[1], 7u);
    CHECK_EQ(fake_upcall_args[2], 0u);
    CHECK_EQ(fake_upcall_args[3], 0x77u);
}

static void zero_bytes_succeeds_without_upcall(void)
{
    setup();
    subscribe(0);
    allow(0, 16);
    CHECK_EQ(command(0, 1, 0, NULL), (uint32_t)SYSCALL_RET_SUCCESS);
    CHECK_EQ(src.gets, 0u);
    CHECK_EQ(procs[0].task_count, 0);
    CHECK_EQ(command(0, 1, 0, NULL), (uint32_t)SYSCALL_RET_SUCCESS); /* not pending */
}

static void capped_at_buffer_and_missing_allow(void)
{
    setup();
    subscribe(0);
    allow(0, 5);
    CHECK_EQ(command(0, 1, 100, NULL), (uint32_t)SYSCALL_RET_SUCCESS);
    CHECK_EQ(src.count, 2u);
    CHECK_EQ(fake_entropy_complete(&src, 16, OS_OK), 2);
    CHECK_EQ(app_buf(0)[5], POISON);
    deliver(0);
    CHECK_EQ(fake_upcall_args[1], 5u);
    allow(0, 0);
    CHECK_EQ(command(0, 1, 16, NULL), (uint32_t)SYSCALL_RET_SUCCESS);
    CHECK_EQ(src.gets, 1u); /* nothing to fill: no source request */
    CHECK_EQ(procs[0].task_count, 1);
    deliver(0);
    CHECK_EQ(fake_upcall_args[1], 0u);
}

static void second_request_is_busy_and_large_ones_take_several_chunks(void)
{
    uint32_t v = 0;

    setup();
    subscribe(0);
    allow(0, 0x100);
    CHECK_EQ(command(0, 1, 100, NULL), (uint32_t)SYSCALL_RET_SUCCESS);
    CHECK_EQ(command(0, 1, 4, &v), (uint32_t)SYSCALL_RET_FAILURE);
    CHECK_EQ(v, (uint32_t)OS_EBUSY);
    CHECK_EQ(src.count, 16u); /* the kernel buffer */
    CHECK_EQ(fake_entropy_complete(&src, 16, OS_OK), 16);
    CHECK_EQ(src.count, 9u); /* 36 bytes left */
    CHECK_EQ(fake_entropy_complete(&src, 16, OS_OK), 9);
    CHECK_EQ(app_buf(0)[100], POISON);
    deliver(0);
    CHECK_EQ(fake_upcall_args[1], 100u);
}

static void two_processes_are_served_in_turn(void)
{
    setup();
    for (int i = 0; i < 2; i++) {
        subscribe(i);
        allow(i, 0x100);
    }
    CHECK_EQ(command(0, 1, 128, NULL), (uint32_t)SYSCALL_RET_SUCCESS);
    CHECK_EQ(command(1, 1, 8, NULL), (uint32_t)SYSCALL_RET_SUCCESS);
    CHECK_EQ(fake_entropy_complete(&src, 16, OS_OK), 16); /* process 0, first chunk */
    CHECK_EQ(src.count, 2u);                              /* then process 1's turn */
    CHECK_EQ(fake_entropy_complete(&src, 16, OS_OK), 2);
    CHECK_EQ(procs[1].task_count, 1);
    CHECK_EQ(procs[0].task_count, 0);
    CHECK_EQ(fake_entropy_complete(&src, 16, OS_OK), 16); /* process 0 again */
    CHECK_EQ(procs[0].task_count, 1);
    CHECK_EQ(fake_entropy_complete(&src, 16, OS_OK), -1);
    deliver(1);
    CHECK_EQ(fake_upcall_args[1], 8u);
    deliver(0);
    CHECK_EQ(fake_upcall_args[1], 128u);
}

static void source_failure_completes_early(void)
{
    setup();
    subscribe(0);
    allow(0, 0x100);
    CHECK_EQ(command(0, 1, 100, NULL), (uint32_t)SYSCALL_RET_SUCCESS);
    CHECK_EQ(fake_entropy_complete(&src, 16, OS_OK), 16);
    CHECK_EQ(fake_entropy_complete(&src, 16, OS_EFAIL), 0);
    deliver(0);
    CHECK_EQ(fake_upcall_args[0], 0u);
    CHECK_EQ(fake_upcall_args[1], 64u);
    src.get_result = OS_EOFF; /* gone for good: requests end at once with 0 bytes */
    CHECK_EQ(command(0, 1, 4, NULL), (uint32_t)SYSCALL_RET_SUCCESS);
    deliver(0);
    CHECK_EQ(fake_upcall_args[1], 0u);
}

int main(void)
{
    static const struct unit_case cases[] = {
        UNIT_CASE(exists_and_unknown_command),
        UNIT_CASE(fill_writes_little_endian_bytes_and_stops_at_n),
        UNIT_CASE(zero_bytes_succeeds_without_upcall),
        UNIT_CASE(capped_at_buffer_and_missing_allow),
        UNIT_CASE(second_request_is_busy_and_large_ones_take_several_chunks),
        UNIT_CASE(two_processes_are_served_in_turn),
        UNIT_CASE(source_failure_completes_early),
    };

    return unit_run("rng", cases, ARRAY_SIZE(cases));
}
