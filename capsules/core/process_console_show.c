/* SPDX-License-Identifier: Apache-2.0 */
/* Process console long outputs: list, process, kernel, top, stats.
 *
 * Each job writes one part (a line, at most PC_PART_MAX bytes) per call of
 * pc_job_part(); pc->step counts parts and pc->sub the rows of a part that
 * repeats (processes, registers, regions). Every part reads fresh
 * snapshots, so a process that changes meanwhile is shown as it is then.
 */
#include <string.h>

#include "process_console_internal.h"

#define MAX_REGS 40
#define MAX_REGIONS 8
#define NO_SP 0xFFFFFFFFu

static const char *const class_names[8] = {"yield",    "subscribe", "command", "allow-rw",
                                           "allow-ro", "memop",     "exit",    "allow-ur"};

static const char *const state_names[6] = {"Running", "Yielded", "YieldedFor",
                                           "Stopped", "Faulted", "Terminated"};

/* One state, YieldedFor with its upcall. */
static size_t one_state(char *buf, size_t size, uint32_t state, const struct process_info_detail *d)
{
    if (state == 2) {
        return os_snprintf(buf, size,
                           "YieldedFor(UpcallId { driver_num: 0x%lx, subscribe_num: %lu })",
                           (unsigned long)d->wait_driver, (unsigned long)d->wait_subscribe);
    }
    return os_snprintf(buf, size, "%s", state < 6 ? state_names[state] : "?");
}

void pc_state_name(char *buf, size_t size, const struct process_info *info,
                   const struct process_info_detail *d)
{
    if (info->state == 3) {
        size_t n = os_snprintf(buf, size, "Stopped(");

        if (n < size) {
            n += one_state(buf + n, size - n, d->resume_state, d);
        }
        if (n < size) {
            (void)os_snprintf(buf + n, size - n, ")");
        }
        return;
    }
    (void)one_state(buf, size, info->state, d);
}

/* The n-th process; false past the last. */
static bool nth(uint32_t n, struct process_info *info, struct process_info_detail *d)
{
    return process_info_by_index(n, info) && process_info_detail(info->id, d);
}

/* Per mille of part in whole. */
static uint32_t per_mille(uint64_t part, uint64_t whole)
{
    return whole == 0 ? 0 : (uint32_t)(part * 1000u / whole);
}

/* ---- list ------------------------------------------------------------- */

static bool list_part(struct process_console *pc)
{
    struct process_info info;
    struct process_info_detail d;
    char state[72];

    if (pc->step == 0) {
        pc_puts(
            pc,
            " PID    ShortID    Name                Quanta  Syscalls  Restarts  Grants  State\r\n");
        return true;
    }
    if (!nth(pc->step - 1u, &info, &d)) {
        return false;
    }
    pc_state_name(state, sizeof(state), &info, &d);
    pc_printf(pc, " %-7lu", (unsigned long)info.id);
    if (info.short_id == 0) {
        pc_puts(pc, "Unique     ");
    } else {
        char sid[12];

        (void)os_snprintf(sid, sizeof(sid), "0x%lx", (unsigned long)info.short_id);
        pc_printf(pc, "%-8s ", sid);
    }
    pc_printf(pc, "%-20.*s%6lu%10lu%10lu  %2lu/%2lu   %s\r\n", (int)info.name_len, info.name,
              (unsigned long)info.timeslice_expirations, (unsigned long)info.syscalls,
              (unsigned long)info.restarts, (unsigned long)d.grants_used,
              (unsigned long)d.grants_total, state);
    return true;
}

/* ---- process <name> --------------------------------------------------- */

static void last_syscall(struct process_console *pc, const struct process_info *info,
                         const struct process_info_detail *d)
{
    static const char *const names[8] = {
        "Yield",         "Subscribe", "Command", "ReadWriteAllow",
        "ReadOnlyAllow", "Memop",     "Exit",    "UserspaceReadableAllow"};
    uint32_t c = d->last_syscall;

    if (info->syscalls == 0 || c >= 8) {
        pc_puts(pc, " Last Syscall: None\r\n");
    } else if (c == 0 || c == 6) {
        pc_printf(pc, " Last Syscall: %s { which: %lu }\r\n", names[c],
                  (unsigned long)d->last_syscall_args[0]);
    } else if (c == 5) {
        pc_printf(pc, " Last Syscall: Memop { operand: %lu, arg0: 0x%lx }\r\n",
                  (unsigned long)d->last_syscall_args[0], (unsigned long)d->last_syscall_args[1]);
    } else {
        pc_printf(pc, " Last Syscall: %s { driver_number: 0x%lx, subdriver_number: %lu }\r\n",
                  names[c], (unsigned long)d->last_syscall_args[0],
                  (unsigned long)d->last_syscall_args[1]);
    }
}

/* Registers, four to a line; false when all were shown. */
static bool registers_part(struct process_console *pc)
{
    struct process_info_reg regs[MAX_REGS];
    uint32_t n = process_info_registers(pc->job_id, regs, MAX_REGS);
    uint32_t first = 4u * pc->sub;

    if (first >= n) {
        return false;
    }
    pc_puts(pc, first == 0 ? " Registers:" : "           ");
    for (uint32_t i = first; i < n && i < first + 4u; i++) {
        pc_printf(pc, " %4s 0x%08lx", regs[i].name, (unsigned long)regs[i].value);
    }
    pc_puts(pc, "\r\n");
    pc->sub++;
    return true;
}

static bool regions_part(struct process_console *pc)
{
    struct process_info_region r[MAX_REGIONS];
    uint32_t n = process_info_regions(pc->job_id, r, MAX_REGIONS);

    if (pc->sub >= n) {
        return false;
    }
    const struct process_info_region *x = &r[pc->sub];

    if (x->enabled) {
        pc_printf(pc, " Protection %u: 0x%08lx-0x%08lx %s (%lu bytes)\r\n", pc->sub,
                  (unsigned long)x->start, (unsigned long)x->end, x->access,
                  (unsigned long)(x->end - x->start));
    } else {
        pc_printf(pc, " Protection %u: off\r\n", pc->sub);
    }
    pc->sub++;
    return true;
}

static void stack_line(struct process_console *pc, const struct process_info_detail *d)
{
    if (d->stack_hint == 0 || d->lowest_sp == NO_SP || d->lowest_sp > d->stack_hint) {
        pc_printf(pc, " Stack    top 0x%08lx, peak use ? (no syscall seen since the hint)\r\n",
                  (unsigned long)d->stack_hint);
        return;
    }
    uint32_t used = d->stack_hint - d->lowest_sp;
    uint32_t size = d->stack_hint - d->mem_start;

    pc_printf(pc, " Stack    top 0x%08lx, lowest sp 0x%08lx: %lu of %lu bytes used%s\r\n",
              (unsigned long)d->stack_hint, (unsigned long)d->lowest_sp, (unsigned long)used,
              (unsigned long)size, d->lowest_sp < d->mem_start ? " EXCEEDED!" : "");
}

/* The fixed lines of the process overview, one per step. */
static bool process_line(struct process_console *pc, const struct process_info *info,
                         const struct process_info_detail *d, unsigned line)
{
    char state[72];

    switch (line) {
    case 0:
        pc_state_name(state, sizeof(state), info, d);
        pc_printf(pc, "App: %.*s   -   [%s]\r\n", (int)info->name_len, info->name, state);
        return true;
    case 1:
        pc_printf(pc, " Events Queued: %lu   Syscall Count: %lu   Dropped Upcall Count: %lu\r\n",
                  (unsigned long)d->tasks_queued, (unsigned long)info->syscalls,
                  (unsigned long)info->upcalls_dropped);
        return true;
    case 2:
        pc_printf(pc, " Restart Count: %lu   Faults: %lu   Upcalls Delivered: %lu\r\n",
                  (unsigned long)info->restarts, (unsigned long)d->faults,
                  (unsigned long)d->upcalls_delivered);
        return true;
    case 3:
        last_syscall(pc, info, d);
        return true;
    case 4:
        if (d->has_completion_code) {
            pc_printf(pc, " Completion Code: %ld\r\n", (long)(int32_t)d->completion_code);
        } else {
            pc_printf(pc, " Completion Code: %s\r\n", info->state >= 4 ? "Faulted" : "None");
        }
        return true;
    case 5:
        pc_printf(pc, " Flash    0x%08lx-0x%08lx (%lu bytes), binary 0x%08lx, entry 0x%08lx\r\n",
                  (unsigned long)d->flash_start, (unsigned long)d->flash_end,
                  (unsigned long)(d->flash_end - d->flash_start), (unsigned long)d->app_start,
                  (unsigned long)d->entry);
        return true;
    case 6:
        pc_printf(pc, " RAM      0x%08lx-0x%08lx (%lu bytes), break 0x%08lx (open to 0x%08lx)\r\n",
                  (unsigned long)d->mem_start, (unsigned long)d->mem_end,
                  (unsigned long)(d->mem_end - d->mem_start), (unsigned long)d->app_break,
                  (unsigned long)d->accessible_end);
        return true;
    case 7:
        pc_printf(pc,
                  " Grants   0x%08lx-0x%08lx (%lu bytes), %lu of %lu grants; heap hint 0x%08lx\r\n",
                  (unsigned long)d->kernel_break, (unsigned long)(d->kernel_break + d->grant_bytes),
                  (unsigned long)d->grant_bytes, (unsigned long)d->grants_used,
                  (unsigned long)d->grants_total, (unsigned long)d->heap_hint);
        return true;
    case 8:
        stack_line(pc, d);
        return true;
    default:
        return false;
    }
}

static bool process_part(struct process_console *pc)
{
    struct process_info info;
    struct process_info_detail d;

    if (!process_info_by_id(pc->job_id, &info) || !process_info_detail(pc->job_id, &d)) {
        return false; /* it went away meanwhile */
    }
    if (process_line(pc, &info, &d, pc->step)) {
        return true;
    }
    if (pc->step == 9 && registers_part(pc)) {
        pc->step--; /* stay on this part: the step counter advances anyway */
        return true;
    }
    if (pc->step == 9) {
        pc->sub = 0;
        pc->step = 10;
    }
    if (pc->step == 10 && regions_part(pc)) {
        pc->step--;
        return true;
    }
    return false;
}

/* ---- kernel ----------------------------------------------------------- */

static bool kernel_part(struct process_console *pc)
{
    struct process_info_kernel k;
    static const char *const names[6] = {"code",  "data",      "bss",
                                         "stack", "app flash", "process RAM"};

    process_info_kernel(&k);
    const uint32_t ranges[6][2] = {
        {k.text_start, k.text_end},
        {k.data_start, k.data_end},
        {k.bss_start, k.bss_end},
        {k.stack_start, k.stack_end},
        {k.app_flash_start, k.app_flash_end},
        {k.app_ram_start, k.app_ram_end},
    };

    if (pc->step == 0) {
        pc_printf(pc, "Kernel version: %lu.%lu (build %s)\r\n", (unsigned long)k.version_major,
                  (unsigned long)k.version_minor, k.release);
    } else if (pc->step == 1) {
        pc_printf(pc, " Board %s, scheduler %s, profiling %s\r\n", k.board, k.scheduler,
                  k.profiling ? "on" : "off");
    } else if (pc->step == 2) {
        pc_puts(pc, " Memory map:\r\n");
    } else if (pc->step < 9) {
        const uint32_t *r = ranges[pc->step - 3u];

        pc_printf(pc, "  %-12s 0x%08lx-0x%08lx %7lu bytes\r\n", names[pc->step - 3u],
                  (unsigned long)r[0], (unsigned long)r[1], (unsigned long)(r[1] - r[0]));
    } else {
        return false;
    }
    return true;
}

/* ---- top and stats ---------------------------------------------------- */

static void time_line(struct process_console *pc, const struct process_info_kernel *k)
{
    uint64_t up = k->uptime_ticks;
    uint32_t hz = k->clock_hz != 0 ? k->clock_hz : 1;
    uint32_t p = per_mille(k->process_ticks, up), kk = per_mille(k->kernel_ticks, up);
    uint32_t idle = per_mille(k->idle_ticks, up);

    pc_printf(pc, "Uptime %lu.%03lu s; processes %lu.%lu%%, kernel %lu.%lu%%, idle %lu.%lu%%\r\n",
              (unsigned long)(up / hz), (unsigned long)(up % hz * 1000u / hz),
              (unsigned long)(p / 10u), (unsigned long)(p % 10u), (unsigned long)(kk / 10u),
              (unsigned long)(kk % 10u), (unsigned long)(idle / 10u), (unsigned long)(idle % 10u));
}

static void top_row(struct process_console *pc, const struct process_info *info,
                    const struct process_info_detail *d, uint64_t uptime)
{
    uint32_t cpu = per_mille(d->cpu_ticks, uptime);
    char stack[12];

    if (d->stack_hint != 0 && d->lowest_sp != NO_SP && d->lowest_sp <= d->stack_hint) {
        (void)os_snprintf(stack, sizeof(stack), "%lu",
                          (unsigned long)(d->stack_hint - d->lowest_sp));
    } else {
        (void)os_snprintf(stack, sizeof(stack), "?");
    }
    pc_printf(pc, " %-5lu %-16.*s %12llu %3lu.%lu %8lu %7lu %5lu %6lu %4lu %4lu %6s %6lu %s\r\n",
              (unsigned long)info->id, (int)info->name_len, info->name,
              (unsigned long long)d->cpu_ticks, (unsigned long)(cpu / 10u),
              (unsigned long)(cpu % 10u), (unsigned long)info->syscalls,
              (unsigned long)d->upcalls_delivered, (unsigned long)info->upcalls_dropped,
              (unsigned long)info->timeslice_expirations, (unsigned long)info->restarts,
              (unsigned long)d->faults, stack, (unsigned long)d->grant_bytes,
              state_names[info->state < 6 ? info->state : 0]);
}

static bool top_part(struct process_console *pc)
{
    struct process_info_kernel k;
    struct process_info info;
    struct process_info_detail d;

    process_info_kernel(&k);
    if (pc->step == 0) {
        if (!k.profiling || k.clock_hz == 0) {
            pc_puts(pc, "Profiling is off in this build: the times below stay 0.\r\n");
        }
        time_line(pc, &k);
        return true;
    }
    if (pc->step == 1) {
        pc_printf(pc,
                  " PID   Name              CPU ticks@%luHz CPU%%  Syscall Upcalls Drop "
                  "Quanta Rest Flt  Stack Grants State\r\n",
                  (unsigned long)k.clock_hz);
        return true;
    }
    if (nth(pc->step - 2u, &info, &d)) {
        top_row(pc, &info, &d, k.uptime_ticks);
        return true;
    }
    return false;
}

static bool stats_part(struct process_console *pc)
{
    struct process_info_kernel k;
    struct process_info info;
    struct process_info_detail d;

    process_info_kernel(&k);
    switch (pc->step) {
    case 0:
        pc_printf(pc,
                  "Interrupts serviced %lu, deferred calls %lu, sleeps %lu, debug drops %lu\r\n",
                  (unsigned long)k.interrupt_services, (unsigned long)k.deferred_calls_run,
                  (unsigned long)k.sleeps, (unsigned long)k.debug_dropped);
        return true;
    case 1:
        pc_printf(pc, "Ticks at %lu Hz: uptime %llu = idle %llu + kernel %llu + processes %llu\r\n",
                  (unsigned long)k.clock_hz, (unsigned long long)k.uptime_ticks,
                  (unsigned long long)k.idle_ticks, (unsigned long long)k.kernel_ticks,
                  (unsigned long long)k.process_ticks);
        return true;
    case 2:
        pc_puts(pc, "Syscalls by class:");
        for (unsigned c = 0; c < 8; c++) {
            pc_printf(pc, " %s", class_names[c]);
        }
        pc_puts(pc, "\r\n");
        return true;
    default:
        if (!nth(pc->step - 3u, &info, &d)) {
            return false;
        }
        pc_printf(pc, " %-16.*s", (int)info.name_len, info.name);
        for (unsigned c = 0; c < 8; c++) {
            pc_printf(pc, " %lu", (unsigned long)d.syscalls_by_class[c]);
        }
        pc_puts(pc, "\r\n");
        return true;
    }
}

bool pc_job_part(struct process_console *pc)
{
    bool more;

    switch (pc->job) {
    case PC_JOB_LIST:
        more = list_part(pc);
        break;
    case PC_JOB_PROCESS:
        more = process_part(pc);
        break;
    case PC_JOB_KERNEL:
        more = kernel_part(pc);
        break;
    case PC_JOB_TOP:
        more = top_part(pc);
        break;
    case PC_JOB_STATS:
        more = stats_part(pc);
        break;
    default:
        more = false;
        break;
    }
    pc->step++;
    return more;
}
