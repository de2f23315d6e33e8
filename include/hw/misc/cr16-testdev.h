/*
 * cr16-testdev: lets a guest end the emulation with an exit status
 * (tests, and boards' "power off" for programs).
 *
 * Register map (16 bytes of MMIO, little-endian; 16- or 32-bit access):
 *
 *   0x00  EXIT (write)   bit 0 = 1: exit; the process status is the
 *                        value shifted right by one, so a guest writes
 *                        (code << 1) | 1.  Writing 1 exits with 0.
 *                        TESTDEV_PASS (0x5554): exit with status 0.
 *                        TESTDEV_FAIL (0x3332): exit with status 1.
 *                        TESTDEV_RESET (0x7776): reset the machine.
 *                        Any other even value is a guest error (logged
 *                        with -d guest_errors, otherwise ignored).
 *         (read)         0
 *   0x04  ID (read)      TESTDEV_ID (0x7e57), for probing.
 *
 * Exits go through the normal shutdown path (qemu_system_shutdown_
 * request_with_code), so -no-shutdown pauses instead and the emulator
 * tears everything down cleanly before exiting.
 *
 * The "addr" property (default: unset) maps the device itself into the
 * system address space at realize, above anything else there, so
 * "-device cr16-testdev,addr=0xff0000" works on any board.  It is not
 * hot-pluggable.
 */#ifndef HW_MISC_CR16_TESTDEV_H
#define HW_MISC_CR16_TESTDEV_H

#include "hw/sysbus.h"

#define TYPE_CR16_TESTDEV "cr16-testdev"
OBJECT_DECLARE_SIMPLE_TYPE(CR16TestDevState, CR16_TESTDEV)

#define TESTDEV_R_EXIT      0x00
#define TESTDEV_R_ID        0x04
#define TESTDEV_MMIO_SIZE   0x10

#define TESTDEV_PASS        0x5554
#define TESTDEV_FAIL        0x3332
#define TESTDEV_RESET       0x7776
#define TESTDEV_ID          0x7e57

struct CR16TestDevState {
    SysBusDevice parent_obj;

    MemoryRegion iomem;
    /* Property "addr": where to map itself, or UINT64_MAX for "not". */
    uint64_t addr;
};

#endif /* HW_MISC_CR16_TESTDEV_H */
