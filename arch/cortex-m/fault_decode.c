/* SPDX-License-Identifier: Apache-2.0 */
/* Names for Cortex-M exceptions and for the bits of the fault status registers.
 *
 * Shared by the fault report (fault.c) and the CPU-state dump (cpu.c). Bit
 * meanings are those of the ARMv7-M Architecture Reference Manual, B3.2.15
 * (CFSR) and B3.2.16 (HFSR); STKOF exists on ARMv8-M only.
 */
#include <stddef.h>
#include <stdint.h>

#include "cortex_m/scb.h"
#include "exceptions.h"
#include "os/compiler.h"
#include "os/platform/panic.h"

/* One named status bit. */
struct status_bit {
    uint32_t mask;
    const char *name;
    const char *meaning;
};

static const struct status_bit cfsr_bits[] = {
    {CORTEX_M_CFSR_IACCVIOL, "IACCVIOL", "MemManage: instruction fetch from a forbidden region"},
    {CORTEX_M_CFSR_DACCVIOL, "DACCVIOL", "MemManage: data access to a forbidden region"},
    {CORTEX_M_CFSR_MUNSTKERR, "MUNSTKERR", "MemManage: unstacking on exception return"},
    {CORTEX_M_CFSR_MSTKERR, "MSTKERR", "MemManage: stacking on exception entry"},
    {CORTEX_M_CFSR_MLSPERR, "MLSPERR", "MemManage: lazy FP state preservation"},
    {CORTEX_M_CFSR_MMARVALID, "MMARVALID", "MMFAR holds the faulting address"},
    {CORTEX_M_CFSR_IBUSERR, "IBUSERR", "BusFault: instruction fetch"},
    {CORTEX_M_CFSR_PRECISERR, "PRECISERR", "BusFault: precise data access"},
    {CORTEX_M_CFSR_IMPRECISERR, "IMPRECISERR", "BusFault: imprecise data access"},
    {CORTEX_M_CFSR_UNSTKERR, "UNSTKERR", "BusFault: unstacking on exception return"},
    {CORTEX_M_CFSR_STKERR, "STKERR", "BusFault: stacking on exception entry"},
    {CORTEX_M_CFSR_LSPERR, "LSPERR", "BusFault: lazy FP state preservation"},
    {CORTEX_M_CFSR_BFARVALID, "BFARVALID", "BFAR holds the faulting address"},
    {CORTEX_M_CFSR_UNDEFINSTR, "UNDEFINSTR", "UsageFault: undefined instruction"},
    {CORTEX_M_CFSR_INVSTATE, "INVSTATE", "UsageFault: invalid state (Thumb bit clear?)"},
    {CORTEX_M_CFSR_INVPC, "INVPC", "UsageFault: invalid EXC_RETURN / PC load"},
    {CORTEX_M_CFSR_NOCP, "NOCP", "UsageFault: coprocessor absent or disabled"},
    {CORTEX_M_CFSR_STKOF, "STKOF", "UsageFault: stack limit exceeded"},
    {CORTEX_M_CFSR_UNALIGNED, "UNALIGNED", "UsageFault: unaligned access"},
    {CORTEX_M_CFSR_DIVBYZERO, "DIVBYZERO", "UsageFault: integer divide by zero"},
};

static const struct status_bit hfsr_bits[] = {
    {CORTEX_M_HFSR_VECTTBL, "VECTTBL", "vector table read failed"},
    {CORTEX_M_HFSR_FORCED, "FORCED", "a configurable fault escalated to HardFault"},
    {CORTEX_M_HFSR_DEBUGEVT, "DEBUGEVT", "debug event (BKPT without a debugger?)"},
};

const char *cortex_m_exception_name(uint32_t ipsr)
{
    switch (ipsr) {
    case CORTEX_M_EXC_THREAD:
        return "thread mode";
    case CORTEX_M_EXC_RESET:
        return "Reset";
    case CORTEX_M_EXC_NMI:
        return "NMI";
    case CORTEX_M_EXC_HARDFAULT:
        return "HardFault";
    case CORTEX_M_EXC_MEMMANAGE:
        return "MemManage fault";
    case CORTEX_M_EXC_BUSFAULT:
        return "BusFault";
    case CORTEX_M_EXC_USAGEFAULT:
        return "UsageFault";
    case CORTEX_M_EXC_SVCALL:
        return "unexpected SVCall";
    case CORTEX_M_EXC_DEBUGMON:
        return "unexpected DebugMonitor exception";
    case CORTEX_M_EXC_PENDSV:
        return "unexpected PendSV";
    case CORTEX_M_EXC_SYSTICK:
        return "SysTick";
    default:
        return ipsr >= CORTEX_M_EXC_IRQ0 ? "unexpected interrupt" : "reserved exception";
    }
}

const char *cortex_m_fault_description(uint32_t ipsr, uint32_t cfsr, uint32_t hfsr)
{
    if (ipsr != CORTEX_M_EXC_HARDFAULT || (hfsr & CORTEX_M_HFSR_FORCED) == 0) {
        return cortex_m_exception_name(ipsr);
    }
    /* A configurable fault that could not be taken (its handler was
     * already active, or it was masked) escalated; CFSR tells which. */
    if ((cfsr & 0xFFu) != 0) {
        return "HardFault (escalated MemManage fault)";
    }
    if ((cfsr & 0xFF00u) != 0) {
        return "HardFault (escalated BusFault)";
    }
    if ((cfsr & 0xFFFF0000u) != 0) {
        return "HardFault (escalated UsageFault)";
    }
    return "HardFault (escalated: svc or bkpt while masked?)";
}

static void print_bits(const char *indent, const char *reg, uint32_t value,
                       const struct status_bit *bits, size_t n)
{
    early_printf("%s%-5s 0x%08lx\n", indent, reg, (unsigned long)value);
    for (size_t i = 0; i < n; i++) {
        if ((value & bits[i].mask) != 0) {
            early_printf("%s      %-11s %s\n", indent, bits[i].name, bits[i].meaning);
        }
    }
}

void cortex_m_print_fault_status(const char *indent, uint32_t cfsr, uint32_t hfsr, uint32_t mmfar,
                                 uint32_t bfar, uint32_t shcsr)
{
    print_bits(indent, "CFSR", cfsr, cfsr_bits, ARRAY_SIZE(cfsr_bits));
    print_bits(indent, "HFSR", hfsr, hfsr_bits, ARRAY_SIZE(hfsr_bits));
    early_printf("%sMMFAR 0x%08lx%s\n", indent, (unsigned long)mmfar,
                 (cfsr & CORTEX_M_CFSR_MMARVALID) != 0 ? "  (valid)" : "  (not valid)");
    early_printf("%sBFAR  0x%08lx%s\n", indent, (unsigned long)bfar,
                 (cfsr & CORTEX_M_CFSR_BFARVALID) != 0 ? "  (valid)" : "  (not valid)");
    early_printf("%sSHCSR 0x%08lx\n", indent, (unsigned long)shcsr);
}
