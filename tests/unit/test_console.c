/* SPDX-License-Identifier: Apache-2.0 */
/* Console capsule on the host: queued writes of several processes, BUSY,
 * chunking, and a writer that exits mid-write. */
#include <string.h>

#include "capsules/core/console.h"
#include "fakes/fake_platform.h"
#include "fakes/fake_process.h"
#include "fakes/fake_uart.h"
#include "kernel/process_internal.h"
#include "os/abi/syscall.h"
#include "os/board/capability.h"
#include "unit.h"

static struct kernel kernel;
static struct process procs[2];
static struct fake_memory mem;
static struct console con;
static struct fake_uart uart;
static struct hil_uart_rx rx;
static uint8_t tx_buf[16];
static uint8_t rx_buf[16];

static os_err_t rx_receive(struct hil_uart_rx *r, uint8_t *buf, size_t len)
{
    (void)r, (void)buf, (void)len;
    return OS_OK;
}

static os_err_t rx_abort(struct hil_uart_rx *r)
{
    (void)r;
    return OS_OK;
}

static const struct hil_uart_rx_ops rx_ops = {.receive = rx_receive, .abort = rx_abort};

static struct syscall_driver *lookup(uint32_t num)
{
    return num == DRIVER_NUM_CONSOLE ? &con.driver : NULL;
}

static const struct kernel_resources res = {
    .driver_lookup = lookup, .fault_policy = KERNEL_FAULT_STOP, .timeslice_us = 10000};

/* Two processes, each with `text` in its RAM allowed as the write buffer. */
static void setup(void)
{
    static bool mapped;
    struct grant *g;

    if (!mapped) {
        fake_memory_map(&mem);
        mapped = true;
    }
    kernel_init(&kernel, (struct chip *)&kernel);
    kernel_setup_processes(&kernel, procs, 2, &res);
    g = kernel_create_grant(&kernel, DRIVER_NUM_CONSOLE, sizeof(struct console_app), 3, 2, 2,
                            board_cap_memory_alloc());
    fake_uart_init(&uart);
    rx.ops = &rx_ops;
    console_init(&con, &uart.tx, &rx, g, tx_buf, sizeof(tx_buf), rx_buf, sizeof(rx_buf));
    kernel.processes_loaded = true;
    procs[1].index = 1;
    fake_process_create(&kernel, &procs[0], &mem, 0x400);
    fake_memory_map_second(&mem);
    fake_process_create(&kernel, &procs[1], &mem, 0x400);
}

/* Process p allows `text` (copied into its RAM) and writes it. */
static uint32_t write_from(struct process *p, const char *text)
{
    uint32_t buf = p->mem_start + 0x100;
    uint32_t r[4];

    fake_syscall(&kernel, p, SYSCALL_MEMOP, SYSCALL_MEMOP_BRK, p->mem_start + 0x300, 0, 0, r);
    memcpy((void *)(uintptr_t)buf, text, strlen(text));
    fake_syscall(&kernel, p, SYSCALL_ALLOW_RO, DRIVER_NUM_CONSOLE, 1, buf, strlen(text), r);
    fake_syscall(&kernel, p, SYSCALL_COMMAND, DRIVER_NUM_CONSOLE, 1, 1000, 0, r);
    return r[0] == SYSCALL_RET_SUCCESS ? 0 : r[1];
}

static void writes_queue_whole_and_in_turn(void)
{
    const char *a = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"; /* 40 bytes: 3 chunks */
    const char *b = "bbbbbbbbbbbbbbbbbbbbbbbbb";                /* 25 bytes: 2 chunks */
    struct process_task t;
    uint32_t r[4];

    setup();
    CHECK_EQ(write_from(&procs[0], a), 0u);
    CHECK_EQ(write_from(&procs[1], b), 0u);
    /* One write at a time per process (the buffer stays allowed as it is). */
    fake_syscall(&kernel, &procs[0], SYSCALL_COMMAND, DRIVER_NUM_CONSOLE, 1, 1000, 0, r);
    CHECK_EQ(r[0], (uint32_t)SYSCALL_RET_FAILURE);
    CHECK_EQ(r[1], (uint32_t)OS_EBUSY);
    CHECK_EQ(uart.transmits, 1u);
    fake_uart_drain(&uart, 20);
    /* a is sent whole before b starts: never interleaved. */
    CHECK(strncmp(uart.sent, a, 40) == 0);
    CHECK(strncmp(uart.sent + 40, b, 25) == 0);
    CHECK_EQ(uart.sent_len, (size_t)65);
    /* Each writer got its write-done upcall with the byte count. */
    CHECK(process_task_take_matching(&procs[0], DRIVER_NUM_CONSOLE, 1, &t));
    CHECK_EQ(t.args[0], 40u);
    CHECK(process_task_take_matching(&procs[1], DRIVER_NUM_CONSOLE, 1, &t));
    CHECK_EQ(t.args[0], 25u);
}

static void writer_exiting_mid_write_does_not_block_others(void)
{
    uint32_t r[4];

    setup();
    CHECK_EQ(write_from(&procs[0], "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"), 0u);
    CHECK_EQ(write_from(&procs[1], "bbbb"), 0u);
    CHECK(fake_uart_complete(&uart, 16, OS_OK)); /* first chunk of process 0 */
    fake_syscall(&kernel, &procs[0], SYSCALL_EXIT, SYSCALL_EXIT_TERMINATE, 0, 0, 0, r);
    fake_uart_drain(&uart, 20);
    /* The chunk in flight finishes, then process 1's write goes out. */
    CHECK(strstr(uart.sent, "bbbb") != NULL);
    CHECK(process_task_has_matching(&procs[1], DRIVER_NUM_CONSOLE, 1));
    CHECK_EQ(procs[0].task_count, 0);
}

int main(void)
{
    static const struct unit_case cases[] = {
        UNIT_CASE(writes_queue_whole_and_in_turn),
        UNIT_CASE(writer_exiting_mid_write_does_not_block_others),
    };

    return unit_run("console", cases, ARRAY_SIZE(cases));
}
