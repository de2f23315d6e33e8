/*
 * HMP memory commands: x and xp (dump memory in a /Nfu format, including
 * disassembly with /i), memsave and pmemsave.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/core/cpu.h"
#include "system/memory.h"
#include "target/cr16/disas.h"
#include "monitor/hmp.h"
#include "monitor-internal.h"

/* Bytes shown on one line of x/xp (except /i). */
#define DUMP_LINE_SIZE 16
/* The longest CR16C instruction. */
#define CR16_MAX_INSN_LEN 6

static bool dump_read(CPUState *cpu, uint64_t addr, uint8_t *buf,
                      size_t len, bool physical)
{
    if (physical) {
        return address_space_read(&address_space_memory, addr,
                                  MEMTXATTRS_UNSPECIFIED, buf, len)
               == MEMTX_OK;
    }
    return cpu_memory_rw_debug(cpu, addr, buf, len, false) == 0;
}

static void print_addr(Monitor *mon, uint64_t addr, bool physical)
{
    /* Virtual addresses are target longs (32 bits), physical ones 64. */
    if (physical) {
        monitor_printf(mon, "%016" PRIx64 ":", addr);
    } else {
        monitor_printf(mon, "%08" PRIx32 ":", (uint32_t)addr);
    }
}

static void print_char(Monitor *mon, uint8_t c)
{
    switch (c) {
    case '\'':
        monitor_printf(mon, " '\\''");
        break;
    case '\\':
        monitor_printf(mon, " '\\\\'");
        break;
    case '\n':
        monitor_printf(mon, " '\\n'");
        break;
    case '\r':
        monitor_printf(mon, " '\\r'");
        break;
    default:
        if (c >= 32 && c < 127) {
            monitor_printf(mon, " '%c'", c);
        } else {
            monitor_printf(mon, " '\\x%02x'", c);
        }
        break;
    }
}

static void dump_insns(Monitor *mon, CPUState *cpu, uint64_t addr,
                       int64_t count, bool physical)
{
    for (int64_t i = 0; i < count; i++) {
        uint8_t buf[CR16_MAX_INSN_LEN];
        char text[128];
        size_t avail = 0;
        int len;

        /* The instruction may end before a hole: take what is readable. */
        for (size_t n = CR16_MAX_INSN_LEN; n >= 2; n -= 2) {
            if (dump_read(cpu, addr, buf, n, physical)) {
                avail = n;
                break;
            }
        }
        if (!avail) {
            monitor_printf(mon, "Cannot access memory\n");
            return;
        }
        len = cr16_disas_insn(addr, buf, avail, text, sizeof(text));
        monitor_printf(mon, "0x%08" PRIx64 ":  %s\n", addr, text);
        addr += len ? len : 2;
    }
}

static void memory_dump(Monitor *mon, json_t *fmt, uint64_t addr,
                        bool physical)
{
    MonitorHMP *hmp = container_of_hmp(mon);
    int64_t count = hmp_arg_int(fmt, "count", 1);
    const char *f = hmp_arg_str(fmt, "format");
    char format = f ? f[0] : 'x';
    int size = hmp_arg_int(fmt, "size", 4);
    CPUState *cpu = mon_get_cpu(mon);
    int64_t total;

    hmp->last_format = format;
    if (format != 'c') {
        hmp->last_size = size;
    }
    if (!physical && !cpu) {
        monitor_printf(mon, "No CPU available\n");
        return;
    }
    if (format == 'i') {
        dump_insns(mon, cpu, addr, count, physical);
        return;
    }
    total = count * size;
    while (total > 0) {
        uint8_t buf[DUMP_LINE_SIZE];
        int line = MIN(total, DUMP_LINE_SIZE);

        if (!dump_read(cpu, addr, buf, line, physical)) {
            monitor_printf(mon, "Cannot access memory\n");
            return;
        }
        print_addr(mon, addr, physical);
        for (int i = 0; i < line; i += size) {
            uint64_t v = 0;

            /* CR16 is little-endian. */
            for (int b = size - 1; b >= 0; b--) {
                v = (v << 8) | buf[i + b];
            }
            switch (format) {
            case 'o':
                monitor_printf(mon, " %#*" PRIo64, (size * 8 + 2) / 3 + 1,
                               v);
                break;
            case 'u':
                monitor_printf(mon, " %*" PRIu64, (size * 8 * 10 + 32) / 33,
                               v);
                break;
            case 'd': {
                int shift = 64 - size * 8;
                int64_t sv = (int64_t)(v << shift) >> shift;

                monitor_printf(mon, " %*" PRId64,
                               (size * 8 * 10 + 32) / 33 + 1, sv);
                break;
            }
            case 'c':
                print_char(mon, v);
                break;
            default:
                monitor_printf(mon, " 0x%0*" PRIx64, size * 2, v);
                break;
            }
        }
        monitor_printf(mon, "\n");
        addr += line;
        total -= line;
    }
}

void hmp_memory_dump(Monitor *mon, json_t *args)
{
    memory_dump(mon, json_object_get(args, "fmt"),
                hmp_arg_int(args, "addr", 0), false);
}

void hmp_physical_memory_dump(Monitor *mon, json_t *args)
{
    memory_dump(mon, json_object_get(args, "fmt"),
                hmp_arg_int(args, "addr", 0), true);
}

static void hmp_memsave_common(Monitor *mon, json_t *args, bool physical)
{
    CPUState *cpu = mon_get_cpu(mon);
    Error *err = NULL;

    if (!physical && !cpu) {
        monitor_printf(mon, "No CPU available\n");
        return;
    }
    qmp_memsave_common(hmp_arg_int(args, "val", 0),
                       hmp_arg_int(args, "size", 0),
                       hmp_arg_str(args, "filename"), cpu, physical, &err);
    hmp_handle_error(mon, err);
}

void hmp_memsave(Monitor *mon, json_t *args)
{
    hmp_memsave_common(mon, args, false);
}

void hmp_pmemsave(Monitor *mon, json_t *args)
{
    hmp_memsave_common(mon, args, true);
}
