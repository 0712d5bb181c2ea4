/* SPDX-License-Identifier: Apache-2.0 */
/* RISC-V kernel fault handling: cause decoding and register reports. */
#include <inttypes.h>
#include <stddef.h>
#include <stdint.h>

#include "os/compiler.h"
#include "os/platform/arch.h"
#include "os/platform/chip.h"
#include "os/platform/panic.h"
#include "riscv/csr.h"
#include "riscv/pmp.h"
#include "riscv/trap.h"

_Static_assert(offsetof(struct riscv_trap_frame, x[31]) == RISCV_FRAME_X(31), "frame x31");
_Static_assert(offsetof(struct riscv_trap_frame, mepc) == RISCV_FRAME_MEPC, "frame mepc");
_Static_assert(offsetof(struct riscv_trap_frame, mcause) == RISCV_FRAME_MCAUSE, "frame mcause");
_Static_assert(offsetof(struct riscv_trap_frame, mtval) == RISCV_FRAME_MTVAL, "frame mtval");
_Static_assert(offsetof(struct riscv_trap_frame, mstatus) == RISCV_FRAME_MSTATUS, "frame mstatus");
_Static_assert(sizeof(struct riscv_trap_frame) == RISCV_FRAME_SIZE, "frame size");

/* Kernel stack bounds (kernel_sections.ld); only their addresses are used. */
extern uint8_t _sstack[], _estack[];

struct riscv_trap_frame riscv_fault_state;
volatile uint32_t riscv_fault_nesting;
uint8_t riscv_fault_stack[RISCV_FAULT_STACK_SIZE] __attribute__((aligned(16)));

/* Exception names indexed by mcause code (privileged spec, table 3.6). */
static const char *const exception_names[] = {
    [RISCV_EXC_INSN_MISALIGNED] = "instruction address misaligned",
    [RISCV_EXC_INSN_ACCESS] = "instruction access fault",
    [RISCV_EXC_ILLEGAL_INSN] = "illegal instruction",
    [RISCV_EXC_BREAKPOINT] = "breakpoint",
    [RISCV_EXC_LOAD_MISALIGNED] = "load address misaligned",
    [RISCV_EXC_LOAD_ACCESS] = "load access fault",
    [RISCV_EXC_STORE_MISALIGNED] = "store/AMO address misaligned",
    [RISCV_EXC_STORE_ACCESS] = "store/AMO access fault",
    [RISCV_EXC_ECALL_U] = "environment call from U-mode",
    [RISCV_EXC_ECALL_S] = "environment call from S-mode",
    [RISCV_EXC_ECALL_M] = "environment call from M-mode",
    [RISCV_EXC_INSN_PAGE_FAULT] = "instruction page fault",
    [RISCV_EXC_LOAD_PAGE_FAULT] = "load page fault",
    [RISCV_EXC_STORE_PAGE_FAULT] = "store/AMO page fault",
};

/* Interrupt names indexed by interrupt code. */
static const char *const interrupt_names[] = {
    [RISCV_IRQ_S_SOFTWARE] = "supervisor software interrupt",
    [RISCV_IRQ_M_SOFTWARE] = "machine software interrupt",
    [RISCV_IRQ_S_TIMER] = "supervisor timer interrupt",
    [RISCV_IRQ_M_TIMER] = "machine timer interrupt",
    [RISCV_IRQ_S_EXTERNAL] = "supervisor external interrupt",
    [RISCV_IRQ_M_EXTERNAL] = "machine external interrupt",
};

static const char *const register_names[32] = {
    "zero", "ra", "sp", "gp", "tp",  "t0",  "t1", "t2", "s0", "s1", "a0",
    "a1",   "a2", "a3", "a4", "a5",  "a6",  "a7", "s2", "s3", "s4", "s5",
    "s6",   "s7", "s8", "s9", "s10", "s11", "t3", "t4", "t5", "t6",
};

const char *riscv_fault_cause_name(uint32_t mcause)
{
    uint32_t code = mcause & RISCV_MCAUSE_CODE_MASK;

    if ((mcause & RISCV_MCAUSE_INTERRUPT) != 0) {
        if (code < ARRAY_SIZE(interrupt_names) && interrupt_names[code] != NULL) {
            return interrupt_names[code];
        }
        return "reserved interrupt";
    }
    if (code < ARRAY_SIZE(exception_names) && exception_names[code] != NULL) {
        return exception_names[code];
    }
    return "reserved exception";
}

const char *riscv_fault_register_name(unsigned n)
{
    return n < ARRAY_SIZE(register_names) ? register_names[n] : "?";
}

void riscv_fault_print_registers(const uint32_t x[32])
{
    for (unsigned n = 1; n < 32; n++) {
        const char *sep = (n % 4 == 0 || n == 31) ? "\n" : "  ";

        early_printf("%4s 0x%08" PRIx32 "%s", register_names[n], x[n], sep);
    }
}

/* Privilege mode a trap came from, decoded from mstatus.MPP. */
static const char *previous_mode_name(uint32_t mstatus)
{
    switch (mstatus & RISCV_MSTATUS_MPP_MASK) {
    case RISCV_MSTATUS_MPP_M:
        return "M-mode";
    case RISCV_MSTATUS_MPP_U:
        return "U-mode";
    default:
        return "S-mode";
    }
}

/* A kernel sp outside the kernel stack usually means it overflowed. */
static void warn_if_stack_overflow(const struct riscv_trap_frame *f)
{
    /* SAFETY: linker-script symbols; only their addresses are compared. */
    uintptr_t lo = (uintptr_t)_sstack;
    uintptr_t hi = (uintptr_t)_estack;
    uint32_t sp = f->x[2];

    uint32_t guard_start;
    uint32_t guard_size;

    if ((f->mstatus & RISCV_MSTATUS_MPP_MASK) == RISCV_MSTATUS_MPP_M && (sp < lo || sp > hi)) {
        early_printf("kernel sp 0x%08" PRIx32 " outside the kernel stack [0x%08lx, 0x%08lx]: "
                     "stack overflow?\n",
                     sp, (unsigned long)lo, (unsigned long)hi);
    }
    riscv_pmp_guard(&guard_start, &guard_size);
    if ((f->mcause == RISCV_EXC_STORE_ACCESS || f->mcause == RISCV_EXC_LOAD_ACCESS) &&
        f->mtval - guard_start < guard_size) {
        early_printf("mtval is inside the locked kernel stack guard [0x%08" PRIx32 ", 0x%08" PRIx32
                     "): kernel stack overflow\n",
                     guard_start, guard_start + guard_size);
    }
}

void arch_print_fault_state(void)
{
    const struct riscv_trap_frame *f = &riscv_fault_state;

    early_printf("trap: %s (mcause 0x%08" PRIx32 ") taken from %s\n",
                 riscv_fault_cause_name(f->mcause), f->mcause, previous_mode_name(f->mstatus));
    early_printf("mepc 0x%08" PRIx32 "  mtval 0x%08" PRIx32 "  mstatus 0x%08" PRIx32 "\n", f->mepc,
                 f->mtval, f->mstatus);
    riscv_fault_print_registers(f->x);
    warn_if_stack_overflow(f);
}

void arch_print_cpu_state(void)
{
    uint32_t x[32];

    riscv_trap_capture_registers(x);
    early_printf("cpu: %s, hart %" PRIu32 ", misa 0x%08" PRIx32 "\n", arch_cpu_name(),
                 riscv_csr_read_mhartid(), riscv_csr_read_misa());
    riscv_fault_print_registers(x);
    early_printf("mstatus 0x%08" PRIx32 "  mcause 0x%08" PRIx32 "  mepc 0x%08" PRIx32
                 "  mtval 0x%08" PRIx32 "\n",
                 riscv_csr_read_mstatus(), riscv_csr_read_mcause(), riscv_csr_read_mepc(),
                 riscv_csr_read_mtval());
    early_printf("mie 0x%08" PRIx32 "  mip 0x%08" PRIx32 "\n", riscv_csr_read_mie(),
                 riscv_csr_read_mip());
}

void riscv_fault_from_kernel(void)
{
    panic_from_fault(riscv_fault_cause_name(riscv_fault_state.mcause));
}

/* Append "0x" and the 8 hex digits of value to buf; returns the new end. */
static char *put_hex(char *buf, uint32_t value)
{
    *buf++ = '0';
    *buf++ = 'x';
    for (int shift = 28; shift >= 0; shift -= 4) {
        *buf++ = "0123456789abcdef"[(value >> shift) & 0xFu];
    }
    return buf;
}

/* Append the NUL-terminated s to buf; returns the new end. */
static char *put_str(char *buf, const char *s)
{
    while (*s != '\0') {
        *buf++ = *s++;
    }
    return buf;
}

void riscv_fault_double(void)
{
    /* Deliberately avoids early_printf(): the fault may have come from it. */
    char line[96];
    char *p = line;

    p = put_str(p, "\r\n*** fault while handling a kernel fault: mcause ");
    p = put_hex(p, riscv_csr_read_mcause());
    p = put_str(p, " mepc ");
    p = put_hex(p, riscv_csr_read_mepc());
    p = put_str(p, "\r\n");
    chip_early_write(line, (size_t)(p - line));
    chip_halt(1);
}
