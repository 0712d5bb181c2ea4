/* SPDX-License-Identifier: Apache-2.0 */
/* Private to process_console*.c: how the shell's pieces call each other. */
#pragma once

#include "os/format.h"
#include "os/process_info.h"
#include "process_console.h"

/* Long outputs, printed one part at a time. */
enum pc_job { PC_JOB_NONE, PC_JOB_LIST, PC_JOB_PROCESS, PC_JOB_KERNEL, PC_JOB_TOP, PC_JOB_STATS };

/* The biggest part a job writes at once. */
#define PC_PART_MAX 160u

/* ---- output (process_console.c) ---- */

/* Append text for the UART; what does not fit is dropped. */
void pc_write(struct process_console *pc, const char *s, size_t n);
void pc_puts(struct process_console *pc, const char *s);
OS_PRINTF(2, 3) void pc_printf(struct process_console *pc, const char *fmt, ...);

/* Start sending what was appended if the UART is idle. */
void pc_flush(struct process_console *pc);

/* The prompt, in Active mode. */
void pc_prompt(struct process_console *pc);

/* ---- input (process_console_line.c) ---- */

/* One received byte in Active mode: edit, or run the finished line. */
void pc_line_byte(struct process_console *pc, uint8_t byte);

/* ---- commands (process_console_cmds.c) ---- */

/* Run one finished line (trimmed here). */
void pc_execute(struct process_console *pc, const char *line);

/* Start a long output; the prompt follows its last part. */
void pc_start_job(struct process_console *pc, enum pc_job job, process_id_t id);

/* ---- long outputs (process_console_show.c) ---- */

/* Write the job's next part (at most PC_PART_MAX bytes); false once done. */
bool pc_job_part(struct process_console *pc);

/* The state names of the list command ("Yielded", "Stopped(Running)", ...). */
void pc_state_name(char *buf, size_t size, const struct process_info *info,
                   const struct process_info_detail *d);
