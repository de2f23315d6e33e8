/*
 * Private interfaces between system/vl.c and system/vl-help.c.
 */
#ifndef SYSTEM_VL_INTERNAL_H
#define SYSTEM_VL_INTERNAL_H

#include "hw/boards.h"

/* -help and -version. */
void vl_print_help(void);
void vl_print_version(void);

/* -machine help, -machine NAME,help; lookups by name or alias. */
void vl_print_machines(void);
void vl_print_machine_props(MachineClass *mc);
MachineClass *vl_find_machine(const char *name);
MachineClass *vl_find_default_machine(void);

/* -device help, -device DRIVER,help. */
void vl_print_devices(void);
void vl_print_device_props(const char *driver);

/* "native"/"x86-64" or "interp"/"interpreter": a TCGBackendKind, or -1. */
int vl_tcg_backend_from_name(const char *name);

#endif /* SYSTEM_VL_INTERNAL_H */
