/* SPDX-License-Identifier: Apache-2.0 */
/* Cortex-M core services: reset, interrupt masking, sleep, CPU identity.
 *
 * The reset handler runs on the kernel stack the core loaded from the vector
 * table, in privileged thread mode. Interrupts are masked there and stay
 * masked until kernel_run() calls arch_irq_enable().
 *
 * Kernel critical sections mask with BASEPRI, not PRIMASK: every exception
 * the kernel masks runs at CORTEX_M_PRIORITY_KERNEL_MASKED, while the
 * configurable faults stay above it. A fault in a critical section (or
 * during boot) is then reported as what it is (MemManage, BusFault,
 * UsageFault) instead of being escalated to HardFault, and a fault whose
 * exception entry itself fails (MSTKERR/STKERR on an overflowed stack) is
 * still taken by its handler rather than locking the core up.
 * PRIMASK is used only around WFI (see arch_wait_for_interrupt()) and by
 * the fault entry.
 */
#include <stdint.h>
#include <string.h>

#include "cortex_m/scb.h"
#include "exceptions.h"
#include "mpu_regs.h"
#include "os/compiler.h"
#include "os/platform/arch.h"
#include "os/platform/panic.h"

/* Linker-script symbols (kernel_sections.ld); only their addresses mean
 * anything. */
extern uint8_t _sidata[];
extern uint8_t _sdata[];
extern uint8_t _edata[];
extern uint8_t _sbss[];
extern uint8_t _ebss[];
extern const uint32_t cortex_m_vector_table[];

static void init_ram(void)
{
    /* SAFETY: the linker script defines [_sdata, _edata) and [_sbss, _ebss)
     * as disjoint, word-aligned ranges of kernel RAM, and _sidata as the
     * flash copy of .data with the same length. Nothing has used .data or
     * .bss yet, and memcpy/memset themselves need neither. */
    size_t data_len = (size_t)((uintptr_t)_edata - (uintptr_t)_sdata);
    size_t bss_len = (size_t)((uintptr_t)_ebss - (uintptr_t)_sbss);

    memcpy(_sdata, _sidata, data_len);
    memset(_sbss, 0, bss_len);
}

static void init_core(void)
{
    /* SAFETY: SCB writes from privileged thread mode at boot. VTOR takes the
     * vector table the linker placed at the start of flash (aligned as the
     * architecture requires, asserted in kernel_sections.ld). The SHCSR bits
     * give MemManage, BusFault and UsageFault their own handlers instead of
     * escalating to HardFault; CCR adds a trap on integer divide by zero
     * (unaligned accesses stay legal: the compiler may emit them). */
    CORTEX_M_SCB->vtor = (uint32_t)(uintptr_t)cortex_m_vector_table;
    CORTEX_M_SCB->shcsr |=
        CORTEX_M_SHCSR_MEMFAULTENA | CORTEX_M_SHCSR_BUSFAULTENA | CORTEX_M_SHCSR_USGFAULTENA;
    CORTEX_M_SCB->ccr |= CORTEX_M_CCR_DIV_0_TRP | CORTEX_M_CCR_STKALIGN;
    /* SAFETY: SHPR1 holds MemManage/BusFault/UsageFault (most urgent);
     * SHPR2 byte 3 is SVCall, SHPR3 bytes 2 and 3 are PendSV and SysTick,
     * all maskable by the kernel's BASEPRI critical sections. */
    CORTEX_M_SCB->shpr[0] = CORTEX_M_PRIORITY_FAULT * 0x01010101u;
    CORTEX_M_SCB->shpr[1] = CORTEX_M_PRIORITY_KERNEL_MASKED << 24;
    CORTEX_M_SCB->shpr[2] =
        (CORTEX_M_PRIORITY_KERNEL_MASKED << 24) | (CORTEX_M_PRIORITY_KERNEL_MASKED << 16);
    /* SAFETY: barriers so the new configuration applies to what follows. */
    __asm__ volatile("dsb\n\tisb" ::: "memory");
    cortex_m_mpu_init();
}

void cortex_m_reset_handler(void)
{
    /* SAFETY: mask interrupts before touching anything (board_main() must
     * start with them masked): BASEPRI for the kernel-maskable priorities,
     * then PRIMASK cleared so faults are not escalated during boot. */
    __asm__ volatile("cpsid i\n\tmsr basepri, %0\n\tisb\n\tcpsie i"
                     :
                     : "r"(CORTEX_M_PRIORITY_KERNEL_MASKED)
                     : "memory");
    init_ram();
    init_core();
    board_main();
}

arch_irq_state_t arch_irq_save(void)
{
    uint32_t basepri;

    /* SAFETY: reads BASEPRI and raises it to the kernel-masked priority
     * (BASEPRI_MAX never lowers it, so nesting works); the "memory" clobber
     * keeps the compiler from moving accesses out of the critical section. */
    __asm__ volatile("mrs %0, basepri\n\tmsr basepri_max, %1"
                     : "=&r"(basepri)
                     : "r"(CORTEX_M_PRIORITY_KERNEL_MASKED)
                     : "memory");
    return basepri;
}

void arch_irq_restore(arch_irq_state_t state)
{
    /* SAFETY: writes back a BASEPRI value returned by arch_irq_save(). */
    __asm__ volatile("msr basepri, %0" : : "r"(state) : "memory");
}

void arch_irq_enable(void)
{
    /* SAFETY: unmasks every priority; pending interrupts are taken right
     * after. PRIMASK is cleared too in case anything left it set. */
    __asm__ volatile("msr basepri, %0\n\tcpsie i" : : "r"(0u) : "memory");
}

void arch_wait_for_interrupt(void)
{
    uint32_t basepri;

    /* SAFETY: WFI only wakes for interrupts that could preempt if PRIMASK
     * were clear, so BASEPRI is dropped while PRIMASK holds everything off:
     * an interrupt that becomes pending wakes the core but is not taken.
     * BASEPRI is back in place before PRIMASK is released, so the interrupt
     * is taken only when the caller restores its state. DSB first so
     * buffered writes (a UART data register) complete before the core
     * stops. */
    __asm__ volatile("mrs %0, basepri\n\t"
                     "cpsid i\n\t"
                     "msr basepri, %1\n\t"
                     "dsb\n\t"
                     "wfi\n\t"
                     "msr basepri, %0\n\t"
                     "isb\n\t"
                     "cpsie i"
                     : "=&r"(basepri)
                     : "r"(0u)
                     : "memory");
}

const char *arch_cpu_name(void)
{
    /* SAFETY: CPUID is a read-only SCB register, always readable. */
    uint32_t cpuid = CORTEX_M_SCB->cpuid;

    if (CORTEX_M_CPUID_IMPLEMENTER(cpuid) != 0x41u) {
        return "Cortex-M (unknown implementer)";
    }
    switch (CORTEX_M_CPUID_PARTNO(cpuid)) {
    case 0xC20u:
        return "Cortex-M0";
    case 0xC60u:
        return "Cortex-M0+";
    case 0xC21u:
        return "Cortex-M1";
    case 0xC23u:
        return "Cortex-M3";
    case 0xC24u:
        return "Cortex-M4";
    case 0xC27u:
        return "Cortex-M7";
    case 0xD20u:
        return "Cortex-M23";
    case 0xD21u:
        return "Cortex-M33";
    case 0xD22u:
        return "Cortex-M55";
    default:
        return "Cortex-M";
    }
}

static void print_words(const char *const names[], const uint32_t *values, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        early_printf("  %-4s0x%08lx", names[i], (unsigned long)values[i]);
        if (i % 4u == 3u || i + 1u == n) {
            early_printf("\n");
        }
    }
}

void arch_print_cpu_state(void)
{
    static const char *const names[] = {
        "r0", "r1", "r2",  "r3",  "r4",  "r5", "r6", "r7",
        "r8", "r9", "r10", "r11", "r12", "sp", "lr", "pc",
    };
    struct cortex_m_cpu_snapshot s;
    uint32_t words[16];
    uint32_t cpuid;

    cortex_m_capture_cpu_state(&s);
    memcpy(words, s.r, sizeof(s.r));
    words[13] = s.sp;
    words[14] = s.lr;
    words[15] = s.pc;
    /* SAFETY: CPUID is a read-only SCB register. */
    cpuid = CORTEX_M_SCB->cpuid;
    early_printf("CPU state (%s, CPUID 0x%08lx):\n", arch_cpu_name(), (unsigned long)cpuid);
    print_words(names, words, ARRAY_SIZE(names));
    early_printf("  xpsr 0x%08lx  control 0x%lx  primask %lu  basepri 0x%lx  faultmask %lu\n",
                 (unsigned long)s.xpsr, (unsigned long)s.control, (unsigned long)s.primask,
                 (unsigned long)s.basepri, (unsigned long)s.faultmask);
    early_printf("  msp  0x%08lx  psp 0x%08lx  (%s, %s)\n", (unsigned long)s.msp,
                 (unsigned long)s.psp, (s.xpsr & 0x1FFu) != 0 ? "handler mode" : "thread mode",
                 (s.control & 2u) != 0 ? "on PSP" : "on MSP");
    /* SAFETY: read-only views of the fault status registers. */
    cortex_m_print_fault_status("  ", CORTEX_M_SCB->cfsr, CORTEX_M_SCB->hfsr, CORTEX_M_SCB->mmfar,
                                CORTEX_M_SCB->bfar, CORTEX_M_SCB->shcsr);
}
