/*
 * Helpers shared by the CR16 boards: creating the CPU and loading the
 * program given with -kernel.
 */
#ifndef HW_CR16_BOOT_H
#define HW_CR16_BOOT_H

#include "hw/boards.h"
#include "exec/hwaddr.h"
#include "target/cr16/cpu.h"

/*
 * Create and realize the machine's CPU (model ms->cpu_type) with the
 * GNU simulator's system calls on or off.  A non-zero @addr_limit
 * replaces the CPU's highest legal data address (24 bits by default).
 * It resets to the "reset-pc" property at every machine reset.  Exits
 * with a message on failure.
 */
CR16CPU *cr16_cpu_create(MachineState *ms, bool semihosting,
                         uint32_t addr_limit);

/*
 * Load ms->kernel_filename for @cpu: an ELF executable (PT_LOAD segments
 * at their LMA, or their VMA with @load_vma) whose entry point becomes
 * the reset PC, or any other file as a raw image at @raw_addr, which is
 * then the reset PC.  false with @errp set if the file is missing,
 * unreadable, truncated, not for CR16, or does not fit in memory.
 */
bool cr16_load_kernel(MachineState *ms, CR16CPU *cpu, bool load_vma,
                      hwaddr raw_addr, Error **errp);

#endif /* HW_CR16_BOOT_H */
