/*
 * CR16C CPU: QOM type names.
 *
 * Copyright (c) 2026 qemu-cr16 contributors
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef TARGET_CR16_CPU_QOM_H
#define TARGET_CR16_CPU_QOM_H

#include "hw/core/cpu.h"

/* Abstract base; the models below are what -cpu selects. */
#define TYPE_CR16_CPU "cr16-cpu"

/* "-cpu <model>" names the type "<model>-cpu". */
#define CR16_CPU_TYPE_SUFFIX "-cpu"
#define CR16_CPU_TYPE_NAME(model) model CR16_CPU_TYPE_SUFFIX

#define TYPE_CR16C_CPU      CR16_CPU_TYPE_NAME("cr16c")
#define TYPE_CR16C_PLUS_CPU CR16_CPU_TYPE_NAME("cr16c-plus")

/* The instance is the generic ArchCPU, as hw/core/cpu.h requires. */
typedef struct ArchCPU CR16CPU;
typedef struct CR16CPUClass CR16CPUClass;
DECLARE_OBJ_CHECKERS(CR16CPU, CR16CPUClass, CR16_CPU, TYPE_CR16_CPU)

#endif /* TARGET_CR16_CPU_QOM_H */
