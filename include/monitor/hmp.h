/*
 * The human monitor's commands.
 *
 * A command is an HMPCommand: name ("c|cont" gives aliases), a
 * parameter description that drives a generic parser, the text "help"
 * prints, and a handler.  The parser turns the rest of the line into a
 * JSON object of arguments, so handlers read typed values and share code
 * with their QMP twins.
 *
 * args_type is a comma-separated list of NAME:TYPE, TYPE being
 *   s   one word (double quotes allowed: "a b")
 *   F   a file name (one word)
 *   S   the rest of the line
 *   O   the rest of the line as key=value options (first key "driver"),
 *       parsed into an object: device_add
 *   l   an integer expression: 0x10+4, $pc, (1<<4)|3
 *   /   a /Nfu format right after the command name (x/10i): an object
 *       {"count", "format", "size"}
 *   -c  a flag "-c" (boolean, false when absent)
 * and a trailing '?' makes a parameter optional.
 */
#ifndef MONITOR_HMP_H
#define MONITOR_HMP_H

#include <jansson.h>
#include "monitor/monitor.h"

typedef struct HMPCommand {
    const char *name;
    const char *args_type;
    const char *params;     /* for help: "[-f] [-o] [-d]" */
    const char *help;
    void (*cmd)(Monitor *mon, json_t *args);
    /* "info": a table of subcommands instead of a handler. */
    const struct HMPCommand *sub_table;
} HMPCommand;

/* Run one command line on @mon (an HMP monitor). */
void handle_hmp_command(Monitor *mon, const char *cmdline);

/*
 * Run @cmdline on a temporary HMP monitor with CPU @cpu_index (-1: the
 * default) and return what it printed ("\r\n" line ends, as QEMU).
 * This is QMP's human-monitor-command.
 */
char *hmp_run_command_capture(const char *cmdline, int cpu_index);

/* Print "Error: <message>" for @err (and free it); nothing for NULL. */
void hmp_handle_error(Monitor *mon, Error *err);

/* Argument accessors for handlers. */
const char *hmp_arg_str(json_t *args, const char *name);
int64_t hmp_arg_int(json_t *args, const char *name, int64_t def);
bool hmp_arg_flag(json_t *args, const char *name);

/* The command tables (monitor/hmp-cmds*.c). */
extern const HMPCommand hmp_cmds[];
extern const HMPCommand hmp_info_cmds[];

/* Handlers, named as QEMU names them. */
void hmp_help(Monitor *mon, json_t *args);
void hmp_info_help(Monitor *mon, json_t *args);
void hmp_info_version(Monitor *mon, json_t *args);
void hmp_info_status(Monitor *mon, json_t *args);
void hmp_info_name(Monitor *mon, json_t *args);
void hmp_info_mtree(Monitor *mon, json_t *args);
void hmp_info_qtree(Monitor *mon, json_t *args);
void hmp_info_qom_tree(Monitor *mon, json_t *args);
void hmp_info_registers(Monitor *mon, json_t *args);
void hmp_info_cpus(Monitor *mon, json_t *args);
void hmp_info_chardev(Monitor *mon, json_t *args);
void hmp_info_history(Monitor *mon, json_t *args);
void hmp_stop(Monitor *mon, json_t *args);
void hmp_cont(Monitor *mon, json_t *args);
void hmp_system_reset(Monitor *mon, json_t *args);
void hmp_system_powerdown(Monitor *mon, json_t *args);
void hmp_quit(Monitor *mon, json_t *args);
void hmp_cpu(Monitor *mon, json_t *args);
void hmp_device_add(Monitor *mon, json_t *args);
void hmp_device_del(Monitor *mon, json_t *args);
void hmp_qom_list(Monitor *mon, json_t *args);
void hmp_qom_get(Monitor *mon, json_t *args);
void hmp_qom_set(Monitor *mon, json_t *args);
void hmp_log(Monitor *mon, json_t *args);
void hmp_gdbserver(Monitor *mon, json_t *args);
void hmp_memory_dump(Monitor *mon, json_t *args);
void hmp_physical_memory_dump(Monitor *mon, json_t *args);
void hmp_memsave(Monitor *mon, json_t *args);
void hmp_pmemsave(Monitor *mon, json_t *args);

#endif /* MONITOR_HMP_H */
