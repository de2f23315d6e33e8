/*
 * qemu-system-cr16: program entry point.
 *
 * Everything happens in three calls: qemu_init() parses the command line
 * and builds the machine (system/vl.c), qemu_main_loop() runs it until a
 * shutdown request (system/cpus.c), and qemu_cleanup() tears it down so
 * that the sanitizer build ends with nothing leaked.
 */
#include "qemu/osdep.h"
#include "system/runstate.h"
#include "system/system.h"

int main(int argc, char **argv)
{
    int status;

    qemu_init(argc, argv);
    status = qemu_main_loop();
    qemu_cleanup(status);
    return status;
}
