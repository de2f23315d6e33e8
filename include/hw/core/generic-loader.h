/*
 * The generic loader device ("loader"): put data or an image into guest
 * memory, or set a CPU's start address, from the command line:
 *
 *   -device loader,file=FILE[,addr=A][,cpu-num=N][,force-raw=on]
 *       an ELF executable is loaded like -kernel (segments at their
 *       physical address); with cpu-num the CPU starts at its entry
 *       point.  Any other file (or with force-raw=on) is copied to addr;
 *       with cpu-num the CPU starts at addr.
 *   -device loader,addr=A,data=V,data-len=L[,data-be=on]
 *       store the L-byte (1, 2, 4 or 8) value V at A, little-endian
 *       unless data-be=on.
 *   -device loader,addr=A,cpu-num=N
 *       CPU N starts at A.
 *
 * What it loads is restored at every machine reset, and the start
 * address is applied after each CPU reset.  It sits on no bus and
 * cannot be hot-plugged.
 */
#ifndef HW_CORE_GENERIC_LOADER_H
#define HW_CORE_GENERIC_LOADER_H

#include "hw/qdev-core.h"

#define TYPE_GENERIC_LOADER "loader"
OBJECT_DECLARE_SIMPLE_TYPE(GenericLoaderState, GENERIC_LOADER)

struct GenericLoaderState {
    DeviceState parent_obj;

    char *file;
    uint64_t addr;
    uint64_t data;
    uint8_t data_len;
    bool data_be;
    bool force_raw;
    uint32_t cpu_num;

    /* Set at realize: the PC to give the CPU at reset, if any. */
    bool set_pc;
    uint64_t pc;
};

#endif /* HW_CORE_GENERIC_LOADER_H */
