# Boot firmware of the qemu-cr16 "virt" machine (docs/system/cr16/virt.rst).
#
# Built at build time by scripts/cr16-as into pc-bios/cr16-virt.bin, a raw
# image for the boot ROM at address 0 (the reset vector).  It:
#   - sets up the stacks, CFG.ED, INTBASE and the dispatch table, UART0
#     (115200 8N1, FIFOs, receive interrupt) and the interrupt controller;
#   - prints a banner: CPU model, RAM size, expansion slots in use;
#   - with -kernel, hands over to the program (see "Handing over" below);
#   - otherwise runs a small boot monitor on the serial line (help, md,
#     mw, slots, demo), which also reports hotplug events as they come.
#
# Everything the board tells us is in the boot information block at
# 0xFF00 (include/hw/cr16/virt.h).  Our own variables, interrupt stack and
# stack live in the 4 KiB of RAM just below the device tree, so a program
# loaded anywhere else in RAM is left alone.
#
# Conventions: subroutines take arguments in r2 / (r3,r2), return in
# r0 / (r1,r0), may clobber r0-r5 and preserve r6-r11; r13 always holds
# the address of our variables.  Calls are "bal (ra), f", returns
# "jump (ra)"; a subroutine that calls another saves RA with push/popret.
# Interrupt handlers only record events in RAM; the main loop prints.
#
# SPDX-License-Identifier: GPL-2.0-or-later

# ---- the board (include/hw/cr16/virt.h) ----------------------------------

    .equ BI_MAGIC,      0xff00
    .equ BI_FLAGS,      0xff06
    .equ BI_RAM_BASE,   0xff08
    .equ BI_RAM_SIZE,   0xff0c
    .equ BI_ENTRY,      0xff10
    .equ BI_FDT_ADDR,   0xff14
    .equ BI_CPU_MODEL,  0xff20
    .equ BOOTINFO,      0xff00
    .equ BI_MAGIC_LO,   0x5243          # "CR16" little-endian
    .equ BI_MAGIC_HI,   0x3631

    .equ UART,          0xff0000        # ns16550a, registers 1 byte apart
    .equ UART_THR,      UART + 0
    .equ UART_RBR,      UART + 0
    .equ UART_DLL,      UART + 0
    .equ UART_IER,      UART + 1
    .equ UART_DLM,      UART + 1
    .equ UART_FCR,      UART + 2
    .equ UART_LCR,      UART + 3
    .equ UART_MCR,      UART + 4
    .equ UART_LSR,      UART + 5

    .equ TIMER,         0xff0100        # cr16-timer
    .equ TIMER_LOAD0,   TIMER + 0x00
    .equ TIMER_CTRL0,   TIMER + 0x08
    .equ TIMER_STAT0,   TIMER + 0x0c
    .equ TIMER_PRESCALE, TIMER + 0x20

    .equ RTC_SECONDS,   0xff0200        # cr16-rtc

    .equ SLOTS,         0xff0400        # cr16-slot-controller
    .equ SLOTS_NSLOTS,  SLOTS + 0x02
    .equ SLOTS_CTRL,    SLOTS + 0x04
    .equ SLOTS_PRESENT, SLOTS + 0x06
    .equ SLOTS_PLUG,    SLOTS + 0x08
    .equ SLOTS_UNPLUG,  SLOTS + 0x0a
    .equ SLOTS_EJREQ_EVT, SLOTS + 0x0c
    .equ SLOTS_EJREQ,   SLOTS + 0x0e
    .equ SLOTS_EJECT,   SLOTS + 0x10
    .equ SLOTS_KIND0,   SLOTS + 0x20
    .equ SLOT_WIN0,     0xff4000
    .equ SLOT_WIN_SIZE, 0x1000

    .equ ICU_IENAM0,    0xfffe0e        # cr16-icu
    .equ ICU_IENAM1,    0xfffe10

    # ICU inputs we use: UART0 (0), timer 0 (1), hotplug (4).
    .equ IRQ_MASK,      0x0013

# ---- our RAM (offsets from r13 = device tree address - 0x1000) ---------

    .equ V_RXHEAD,      0x00            # receive ring, written by h_uart
    .equ V_RXTAIL,      0x02            # ... read by the main loop
    .equ V_HP_PLUG,     0x04            # hotplug events seen by h_hotplug
    .equ V_HP_UNPLUG,   0x06
    .equ V_HP_EJREQ,    0x08
    .equ V_TICKS,       0x0a            # timer 0 interrupts (demo)
    .equ V_LINELEN,     0x0c
    .equ V_NSLOTS,      0x0e
    .equ V_LINE,        0x20            # command line, LINE_MAX + 1 bytes
    .equ LINE_MAX,      63
    .equ V_RX,          0x80            # receive ring, RX_SIZE bytes
    .equ RX_SIZE,       64
    .equ V_SIZE,        0x100
    .equ ISP_OFF,       0x400           # interrupt stack top
    .equ FW_AREA,       0x1000          # everything, up to the device tree

    .text
    .global _start

# ---- reset ----------------------------------------------------------------

_start:
    di
    # Where the device tree is tells us where our RAM is.
    loadw BI_MAGIC, r0
    cmpw $BI_MAGIC_LO, r0
    bne no_bootinfo
    loadw BI_MAGIC + 2, r0
    cmpw $BI_MAGIC_HI, r0
    bne no_bootinfo
    loadd BI_FDT_ADDR, (r1,r0)
    br have_area
no_bootinfo:
    # Not started by the virt board: assume its default 1 MiB of RAM.
    movd $0x10e000, (r1,r0)
have_area:
    movd (r1,r0), (sp)                  # the stack grows down from there
    movd (r1,r0), (r13)
    addd $-FW_AREA, (r13)
    movd (r13), (r1,r0)
    addd $ISP_OFF, (r1,r0)
    lprd (r1,r0), isp
    # 32-bit dispatch entries, table in this ROM.
    movw $0x100, r0
    lpr r0, cfg
    movd $vectors, (r1,r0)
    lprd (r1,r0), intbase

    # Zero our variables.
    movd (r13), (r1,r0)
    movw $V_SIZE / 2, r2
1:  storw $0, 0(r1,r0)
    addd $2, (r1,r0)
    addw $-1, r2
    cmpw $0, r2
    bne 1b

    bal (ra), uart_init
    loadw SLOTS_NSLOTS, r0
    storw r0, V_NSLOTS(r13)

    bal (ra), banner

    loadw BI_FLAGS, r0
    tbit $0, r0
    bfc monitor
    br start_kernel

# ---- UART ----------------------------------------------------------------

uart_init:
    movw $0x80, r0                      # DLAB: divisor 1 = 115200 baud
    storb r0, UART_LCR
    movw $1, r0
    storb r0, UART_DLL
    movw $0, r0
    storb r0, UART_DLM
    movw $0x03, r0                      # 8N1
    storb r0, UART_LCR
    movw $0x07, r0                      # FIFOs on and emptied
    storb r0, UART_FCR
    movw $0x08, r0                      # OUT2
    storb r0, UART_MCR
    jump (ra)

# putc: r2 = character; "\n" goes out as "\r\n".
putc:
    movzb r2, r2
    cmpw $10, r2
    bne putc_raw
    movw $13, r3
1:  loadb UART_LSR, r0
    tbit $5, r0                         # THRE
    bfc 1b
    storb r3, UART_THR
putc_raw:
1:  loadb UART_LSR, r0
    tbit $5, r0
    bfc 1b
    storb r2, UART_THR
    jump (ra)

# puts: (r3,r2) = NUL-terminated string.
puts:
    push $2, r6, ra
    movd (r3,r2), (r7,r6)
1:  loadb 0(r7,r6), r2
    movzb r2, r2
    cmpw $0, r2
    beq 2f
    bal (ra), putc
    addd $1, (r7,r6)
    br 1b
2:  popret $2, r6, ra

# phex: print r2 as r3 hexadecimal digits (1-4).
phex:
    push $3, r6, ra
    movw r2, r6
    movw r3, r7
1:  addw $-1, r7
    movw r7, r8
    ashuw $2, r8                        # 4 * digit index
    movw $0, r0
    subw r8, r0
    movw r6, r2
    lshw r0, r2                         # shift right by 4 * index
    andw $0xf, r2
    cmpw $10, r2
    bhi 2f                              # 10 > digit: 0-9
    addw $39, r2                        # 'a' - '0' - 10
2:  addw $48, r2                        # '0'
    bal (ra), putc
    cmpw $0, r7
    bne 1b
    popret $3, r6, ra

# phex24: print (r3,r2) as six hexadecimal digits.
phex24:
    push $2, r6, ra
    movw r2, r6
    movw r3, r2
    movw $2, r3
    bal (ra), phex
    movw r6, r2
    movw $4, r3
    bal (ra), phex
    popret $2, r6, ra

# pdec: print (r3,r2) in decimal, no leading zeros.
pdec:
    push $6, r6, ra                     # r6-r11
    movd (r3,r2), (r7,r6)               # value
    movd $pow10, (r9,r8)                # table pointer
    movw $0, r10                        # printed a digit yet?
1:  loadd 0(r9,r8), (r5,r4)             # p = 10^k
    cmpd $0, (r5,r4)
    beq 4f
    movw $0, r11                        # digit
2:  cmpd (r5,r4), (r7,r6)
    bhi 3f                              # p > value: digit done
    subd (r5,r4), (r7,r6)
    addw $1, r11
    br 2b
3:  addd $4, (r9,r8)
    cmpw $0, r11
    bne 5f
    cmpw $0, r10
    beq 6f                              # a leading zero
5:  movw $1, r10
    movw r11, r2
    addw $48, r2
    bal (ra), putc
6:  br 1b
4:  cmpw $0, r10
    bne 7f
    movw $48, r2                        # the value was 0
    bal (ra), putc
7:  popret $6, r6, ra

# ---- banner ----------------------------------------------------------------

banner:
    push ra
    movd $s_banner, (r3,r2)
    bal (ra), puts
    movd $s_cpu, (r3,r2)
    bal (ra), puts
    movd $BI_CPU_MODEL, (r3,r2)
    bal (ra), puts
    movd $s_ram, (r3,r2)
    bal (ra), puts
    loadd BI_RAM_SIZE, (r3,r2)
    lshd $-10, (r3,r2)
    bal (ra), pdec
    movd $s_kib_at, (r3,r2)
    bal (ra), puts
    loadd BI_RAM_BASE, (r3,r2)
    bal (ra), phex24
    movd $s_nl, (r3,r2)
    bal (ra), puts
    bal (ra), list_slots
    popret ra

# list_slots: one line per slot, "slot N @ 0xADDR: what".
list_slots:
    push $2, r6, ra
    movw $0, r6
1:  loadw V_NSLOTS(r13), r0
    cmpw r0, r6
    bls 2f                              # nslots <= r6: done
    movd $s_slot, (r3,r2)
    bal (ra), puts
    movw r6, r2
    movw $1, r3
    bal (ra), phex
    movd $s_at, (r3,r2)
    bal (ra), puts
    movzw r6, (r3,r2)
    ashud $12, (r3,r2)                  # n * 0x1000
    addd $SLOT_WIN0, (r3,r2)
    bal (ra), phex24
    movd $s_colon, (r3,r2)
    bal (ra), puts
    movw r6, r2
    bal (ra), slot_kind_name
    movd (r1,r0), (r3,r2)
    bal (ra), puts
    movd $s_nl, (r3,r2)
    bal (ra), puts
    addw $1, r6
    br 1b
2:  popret $2, r6, ra

# slot_kind_name: r2 = slot; (r1,r0) = what the controller says it holds.
slot_kind_name:
    movzw r2, (r3,r2)
    addd (r3,r2), (r3,r2)               # 2 * n
    addd $SLOTS_KIND0, (r3,r2)
    loadw 0(r3,r2), r0
    cmpw $4, r0
    bhi 1f                              # 4 > kind: in the table
    movw $4, r0
1:  movzw r0, (r1,r0)
    ashud $2, (r1,r0)
    addd $kind_names, (r1,r0)
    loadd 0(r1,r0), (r1,r0)
    jump (ra)

# ---- handing over to -kernel ----------------------------------------------
#
# The program starts with interrupts off (PSR.I = 0), every interrupt
# source we enabled disabled again, CFG = 0 and INTBASE = 0 as after a
# reset, SP just below the device tree, (r3,r2) = the boot information
# block and (r5,r4) = the device tree.

start_kernel:
    movd $s_kernel, (r3,r2)
    bal (ra), puts
    loadd BI_ENTRY, (r3,r2)
    bal (ra), phex24
    movd $s_nl, (r3,r2)
    bal (ra), puts
1:  loadb UART_LSR, r0                  # let the last byte go out
    tbit $6, r0
    bfc 1b
    di
    movw $0, r0
    storw r0, ICU_IENAM0
    storw r0, ICU_IENAM1
    storb r0, UART_IER
    storw r0, SLOTS_CTRL
    lpr r0, cfg
    movd $0, (r1,r0)
    lprd (r1,r0), intbase
    spr psr, r0
    andw $0xf7ff, r0                    # I off
    lpr r0, psr
    loadd BI_ENTRY, (r1,r0)
    lshd $-1, (r1,r0)                   # jump takes address >> 1
    movd $BOOTINFO, (r3,r2)
    loadd BI_FDT_ADDR, (r5,r4)
    movd (r5,r4), (sp)
    jump (r1,r0)

# ---- the boot monitor -------------------------------------------------------

monitor:
    # Take interrupts: UART input, timer 0, hotplug; we are the hotplug
    # driver, so device_del now waits for our acknowledge.
    movw $IRQ_MASK, r0
    storw r0, ICU_IENAM0
    movw $1, r0
    storb r0, UART_IER                  # received data
    storw r0, SLOTS_CTRL
    spr psr, r0
    orw $0x0800, r0                     # I on (E is switched per use)
    lpr r0, psr
    movd $s_monitor, (r3,r2)
    bal (ra), puts
prompt:
    movw $0, r0
    storw r0, V_LINELEN(r13)
    movd $s_prompt, (r3,r2)
    bal (ra), puts

idle:
    di
    loadw V_HP_PLUG(r13), r0
    loadw V_HP_UNPLUG(r13), r1
    orw r1, r0
    loadw V_HP_EJREQ(r13), r1
    orw r1, r0
    cmpw $0, r0
    bne events
    loadw V_RXHEAD(r13), r0
    loadw V_RXTAIL(r13), r1
    cmpw r0, r1
    bne input
    eiwait                              # E on and sleep, atomically
    br idle

events:
    ei
    bal (ra), report_events
    # Show the prompt and what was typed so far again.
    movd $s_prompt, (r3,r2)
    bal (ra), puts
    bal (ra), line_end
    movw $0, r0
    storb r0, 0(r5,r4)                  # terminate the line
    movd (r13), (r3,r2)
    addd $V_LINE, (r3,r2)
    bal (ra), puts
    br idle

input:
    ei
    bal (ra), rx_get
    movw r0, r2
    cmpw $13, r2
    beq enter
    cmpw $10, r2
    beq enter
    cmpw $8, r2
    beq backspace
    cmpw $127, r2
    beq backspace
    cmpw $32, r2
    bhi idle                            # 32 > c: other control characters
    loadw V_LINELEN(r13), r0
    cmpw $LINE_MAX, r0
    bls idle                            # LINE_MAX <= length: full
    bal (ra), line_end
    storb r2, 0(r5,r4)
    loadw V_LINELEN(r13), r0
    addw $1, r0
    storw r0, V_LINELEN(r13)
    bal (ra), putc                      # echo
    br idle

backspace:
    loadw V_LINELEN(r13), r0
    cmpw $0, r0
    beq idle
    addw $-1, r0
    storw r0, V_LINELEN(r13)
    movd $s_bs, (r3,r2)
    bal (ra), puts
    br idle

enter:
    movd $s_nl, (r3,r2)
    bal (ra), puts
    bal (ra), line_end
    movw $0, r0
    storb r0, 0(r5,r4)
    movd (r13), (r7,r6)
    addd $V_LINE, (r7,r6)
    bal (ra), execute
    br prompt

# line_end: (r5,r4) = where the next typed character goes.
line_end:
    loadw V_LINELEN(r13), r0
    movd (r13), (r5,r4)
    addd $V_LINE, (r5,r4)
    movzw r0, (r1,r0)
    addd (r1,r0), (r5,r4)
    jump (ra)

# rx_get: r0 = the next received character (the ring is not empty).
rx_get:
    loadw V_RXTAIL(r13), r1
    movd (r13), (r3,r2)
    addd $V_RX, (r3,r2)
    movzw r1, (r5,r4)
    addd (r5,r4), (r3,r2)
    loadb 0(r3,r2), r0
    movzb r0, r0
    addw $1, r1
    andw $RX_SIZE - 1, r1
    storw r1, V_RXTAIL(r13)
    jump (ra)

# report_events: print and forget the hotplug events h_hotplug recorded.
report_events:
    push $4, r6, ra
    di
    loadw V_HP_PLUG(r13), r7
    loadw V_HP_UNPLUG(r13), r8
    loadw V_HP_EJREQ(r13), r9
    movw $0, r0
    storw r0, V_HP_PLUG(r13)
    storw r0, V_HP_UNPLUG(r13)
    storw r0, V_HP_EJREQ(r13)
    ei
    movd $s_nl, (r3,r2)
    bal (ra), puts
    movw $0, r6
1:  cmpw $16, r6
    beq 9f
    movw r6, r0
    movw $1, r1
    ashuw r0, r1                        # r1 = 1 << slot
    movw r9, r0
    andw r1, r0
    cmpw $0, r0
    beq 2f
    bal (ra), ev_prefix
    movd $s_ev_ejreq, (r3,r2)
    bal (ra), puts
2:  movw r6, r0
    movw $1, r1
    ashuw r0, r1
    movw r8, r0
    andw r1, r0
    cmpw $0, r0
    beq 3f
    bal (ra), ev_prefix
    movd $s_ev_unplug, (r3,r2)
    bal (ra), puts
3:  movw r6, r0
    movw $1, r1
    ashuw r0, r1
    movw r7, r0
    andw r1, r0
    cmpw $0, r0
    beq 4f
    bal (ra), ev_prefix
    movd $s_ev_plug, (r3,r2)
    bal (ra), puts
    movw r6, r2
    bal (ra), slot_kind_name
    movd (r1,r0), (r3,r2)
    bal (ra), puts
    movd $s_ev_end, (r3,r2)
    bal (ra), puts
4:  addw $1, r6
    br 1b
9:  popret $4, r6, ra

# ev_prefix: "[slot N: " for the slot in r6.
ev_prefix:
    push ra
    movd $s_ev_slot, (r3,r2)
    bal (ra), puts
    movw r6, r2
    movw $1, r3
    bal (ra), phex
    movd $s_colon, (r3,r2)
    bal (ra), puts
    popret ra

# ---- commands ---------------------------------------------------------------

# execute: run the command in the line buffer; (r7,r6) walks the line.
# Clobbers r6-r9 as well (the main loop keeps nothing there).
execute:
    push ra
    bal (ra), skip_spaces
    loadb 0(r7,r6), r0
    movzb r0, r0
    cmpw $0, r0
    beq 9f                              # empty line
    movd $commands, (r9,r8)
1:  loadd 0(r9,r8), (r3,r2)             # command name
    cmpd $0, (r3,r2)
    beq 8f
    bal (ra), match_word
    cmpw $0, r0
    bne 2f
    addd $8, (r9,r8)
    br 1b
2:  loadd 4(r9,r8), (r1,r0)             # handler (address >> 1)
    jal (r1,r0)
    br 9f
8:  movd $s_unknown, (r3,r2)
    bal (ra), puts
9:  popret ra

# skip_spaces: advance (r7,r6) over blanks.
skip_spaces:
1:  loadb 0(r7,r6), r0
    movzb r0, r0
    cmpw $32, r0
    bne 2f
    addd $1, (r7,r6)
    br 1b
2:  jump (ra)

# match_word: does the word at (r7,r6) equal the string (r3,r2)?  r0 = 1
# (and (r7,r6) moved past it) or 0.
match_word:
    movd (r7,r6), (r5,r4)
1:  loadb 0(r3,r2), r0
    movzb r0, r0
    loadb 0(r5,r4), r1
    movzb r1, r1
    cmpw $0, r0
    beq 2f
    cmpw r0, r1
    bne 3f
    addd $1, (r3,r2)
    addd $1, (r5,r4)
    br 1b
2:  cmpw $0, r1                         # the word must end here
    beq 4f
    cmpw $32, r1
    bne 3f
4:  movd (r5,r4), (r7,r6)
    movw $1, r0
    jump (ra)
3:  movw $0, r0
    jump (ra)

# parse_hex_digits: read a hexadecimal number ("0x" optional) at (r7,r6)
# into (r1,r0), moving (r7,r6) past it; r2 = 1 if there was one, else 0.
parse_hex_digits:
    movd $0, (r1,r0)
    movw $0, r2
    loadb 0(r7,r6), r3
    movzb r3, r3
    cmpw $48, r3                        # '0'
    bne 1f
    loadb 1(r7,r6), r3
    movzb r3, r3
    orw $0x20, r3
    cmpw $120, r3                       # 'x'
    bne 1f
    addd $2, (r7,r6)
1:  loadb 0(r7,r6), r3
    movzb r3, r3
    movw r3, r4
    addw $-48, r4                       # '0'..'9'
    cmpw $10, r4
    bhi 2f                              # 10 > r4: a decimal digit
    orw $0x20, r3                       # lower case
    movw r3, r4
    addw $-87, r4                       # 'a' - 10
    cmpw $10, r4
    bhi 3f                              # below 'a'
    cmpw $16, r4
    bls 3f                              # 16 <= r4: past 'f'
2:  ashud $4, (r1,r0)
    movzw r4, (r5,r4)
    ord (r5,r4), (r1,r0)
    movw $1, r2
    addd $1, (r7,r6)
    br 1b
3:  jump (ra)

# get_hex: skip blanks, then parse_hex_digits.
get_hex:
    push ra
    bal (ra), skip_spaces
    bal (ra), parse_hex_digits
    popret ra

cmd_help:
    push ra
    movd $s_help, (r3,r2)
    bal (ra), puts
    popret ra

cmd_slots:
    push ra
    bal (ra), list_slots
    popret ra

# md ADDR [LEN]: dump memory, 16 bytes a line.
cmd_md:
    push $4, r8, ra                     # r8-r11
    bal (ra), get_hex
    cmpw $0, r2
    beq 8f
    movd (r1,r0), (r9,r8)               # address
    bal (ra), get_hex
    movd (r1,r0), (r11,r10)             # length
    cmpw $0, r2
    bne 1f
    movd $64, (r11,r10)
1:  cmpd $0x400, (r11,r10)
    bhs 2f                              # 0x400 >= len
    movd $0x400, (r11,r10)
2:  cmpd $0, (r11,r10)
    beq 9f
    movd (r9,r8), (r3,r2)
    bal (ra), phex24
    movd $s_colon, (r3,r2)
    bal (ra), puts
    movw $16, r6
3:  loadb 0(r9,r8), r2
    movzb r2, r2
    movw $2, r3
    bal (ra), phex
    movw $32, r2
    bal (ra), putc
    addd $1, (r9,r8)
    addd $-1, (r11,r10)
    cmpd $0, (r11,r10)
    beq 4f
    addw $-1, r6
    cmpw $0, r6
    bne 3b
4:  movd $s_nl, (r3,r2)
    bal (ra), puts
    br 2b
8:  movd $s_usage_md, (r3,r2)
    bal (ra), puts
9:  popret $4, r8, ra

# mw ADDR VALUE: write a 16-bit word.
cmd_mw:
    push $2, r8, ra
    bal (ra), get_hex
    cmpw $0, r2
    beq 8f
    movd (r1,r0), (r9,r8)
    bal (ra), get_hex
    cmpw $0, r2
    beq 8f
    storw r0, 0(r9,r8)
    movd $s_ok, (r3,r2)
    bal (ra), puts
    br 9f
8:  movd $s_usage_mw, (r3,r2)
    bal (ra), puts
9:  popret $2, r8, ra

# demo: five timer interrupts at 10 Hz, then the RTC's time.
cmd_demo:
    push $2, r8, ra
    movd $s_demo, (r3,r2)
    bal (ra), puts
    movw $0, r0
    storw r0, V_TICKS(r13)
    movw $9, r0                         # 10 MHz / 10: 1 us ticks
    storw r0, TIMER_PRESCALE
    movd $100000, (r1,r0)               # 100 ms
    stord (r1,r0), TIMER_LOAD0
    movw $7, r0                         # EN | PERIODIC | IE
    storw r0, TIMER_CTRL0
    movw $0, r8                         # ticks printed
1:  di
    loadw V_TICKS(r13), r0
    cmpw r0, r8
    bne 2f
    eiwait
    br 1b
2:  ei
    addw $1, r8
    movd $s_tick, (r3,r2)
    bal (ra), puts
    movzw r8, (r3,r2)
    bal (ra), pdec
    movd $s_nl, (r3,r2)
    bal (ra), puts
    cmpw $5, r8
    bne 1b
    movw $0, r0
    storw r0, TIMER_CTRL0
    movw $1, r0
    storw r0, TIMER_STAT0
    movd $s_rtc, (r3,r2)
    bal (ra), puts
    loadd RTC_SECONDS, (r3,r2)
    bal (ra), pdec
    movd $s_rtc_end, (r3,r2)
    bal (ra), puts
    popret $2, r8, ra

# ---- interrupt and exception handlers --------------------------------------

# UART0: move every received byte into the ring (dropped when it is full).
h_uart:
    push $8, r0, ra                     # r0-r7
1:  loadb UART_LSR, r0
    tbit $0, r0                         # DR
    bfc 3f
    loadb UART_RBR, r1
    loadw V_RXHEAD(r13), r2
    movw r2, r3
    addw $1, r3
    andw $RX_SIZE - 1, r3
    loadw V_RXTAIL(r13), r4
    cmpw r3, r4
    beq 1b
    movd (r13), (r5,r4)
    addd $V_RX, (r5,r4)
    movzw r2, (r7,r6)
    addd (r7,r6), (r5,r4)
    storb r1, 0(r5,r4)
    storw r3, V_RXHEAD(r13)
    br 1b
3:  pop $8, r0, ra
    retx

# Hotplug controller: note the events, acknowledge every eject request
# (we hold nothing a device could need), clear what we saw.
h_hotplug:
    push $4, r0, ra
    loadw SLOTS_PLUG, r0
    storw r0, SLOTS_PLUG
    loadw V_HP_PLUG(r13), r1
    orw r0, r1
    storw r1, V_HP_PLUG(r13)
    loadw SLOTS_EJREQ_EVT, r0
    storw r0, SLOTS_EJREQ_EVT
    loadw V_HP_EJREQ(r13), r1
    orw r0, r1
    storw r1, V_HP_EJREQ(r13)
    loadw SLOTS_EJREQ, r0
    cmpw $0, r0
    beq 1f
    storw r0, SLOTS_EJECT
1:  loadw SLOTS_UNPLUG, r0
    storw r0, SLOTS_UNPLUG
    loadw V_HP_UNPLUG(r13), r1
    orw r0, r1
    storw r1, V_HP_UNPLUG(r13)
    pop $4, r0, ra
    retx

# Timer 0 (demo).
h_timer0:
    push $2, r0, ra
    movw $1, r0
    storw r0, TIMER_STAT0
    loadw V_TICKS(r13), r0
    addw $1, r0
    storw r0, V_TICKS(r13)
    pop $2, r0, ra
    retx

# Anything else: say so and stop.
h_unexpected:
    movd $s_unexpected, (r3,r2)
    bal (ra), puts
1:  di
    wait
    br 1b

# ---- data ------------------------------------------------------------------

    .align 2
# Dispatch table (CFG.ED = 1: handler >> 1 in 32 bits): exceptions 0-15,
# then ICU inputs 0-15 as vectors 16-31.
vectors:
    .long h_unexpected@c, h_unexpected@c, h_unexpected@c, h_unexpected@c
    .long h_unexpected@c, h_unexpected@c, h_unexpected@c, h_unexpected@c
    .long h_unexpected@c, h_unexpected@c, h_unexpected@c, h_unexpected@c
    .long h_unexpected@c, h_unexpected@c, h_unexpected@c, h_unexpected@c
    .long h_uart@c, h_timer0@c, h_unexpected@c, h_unexpected@c
    .long h_hotplug@c, h_unexpected@c, h_unexpected@c, h_unexpected@c
    .long h_unexpected@c, h_unexpected@c, h_unexpected@c, h_unexpected@c
    .long h_unexpected@c, h_unexpected@c, h_unexpected@c, h_unexpected@c

# Command table: name, handler >> 1.
commands:
    .long c_help, cmd_help@c
    .long c_md, cmd_md@c
    .long c_mw, cmd_mw@c
    .long c_slots, cmd_slots@c
    .long c_demo, cmd_demo@c
    .long 0, 0

# SLOT_KIND_* names (include/hw/cr16/virt-slots.h); 4 = anything else.
kind_names:
    .long k_empty, k_uart, k_dma, k_memcard, k_other

pow10:
    .long 1000000000, 100000000, 10000000, 1000000, 100000
    .long 10000, 1000, 100, 10, 1, 0

c_help:     .asciz "help"
c_md:       .asciz "md"
c_mw:       .asciz "mw"
c_slots:    .asciz "slots"
c_demo:     .asciz "demo"
k_empty:    .asciz "empty"
k_uart:     .asciz "ns16550a UART"
k_dma:      .asciz "cr16-dmatest DMA engine"
k_memcard:  .asciz "cr16-memcard memory card"
k_other:    .asciz "unknown device"

s_banner:   .asciz "\nqemu-cr16 virt firmware\n"
s_cpu:      .asciz "CPU: "
s_ram:      .asciz "   RAM: "
s_kib_at:   .asciz " KiB at 0x"
s_nl:       .asciz "\n"
s_slot:     .asciz "slot "
s_at:       .asciz " @ 0x"
s_colon:    .asciz ": "
s_kernel:   .asciz "Starting the program at 0x"
s_monitor:  .asciz "No program given (-kernel); boot monitor, type 'help'.\n"
s_prompt:   .asciz "> "
s_bs:       .asciz "\b \b"
s_unknown:  .asciz "unknown command; try 'help'\n"
s_help:     .ascii "help              this text\n"
            .ascii "md ADDR [LEN]     dump memory (hex; LEN up to 0x400)\n"
            .ascii "mw ADDR VALUE     write a 16-bit word\n"
            .ascii "slots             list the expansion slots\n"
            .asciz "demo              timer interrupts and the RTC\n"
s_usage_md: .asciz "usage: md ADDR [LEN]\n"
s_usage_mw: .asciz "usage: mw ADDR VALUE\n"
s_ok:       .asciz "ok\n"
s_demo:     .asciz "demo: five timer interrupts at 10 Hz\n"
s_tick:     .asciz "tick "
s_rtc:      .asciz "RTC: "
s_rtc_end:  .asciz " s\n"
s_ev_slot:  .asciz "[slot "
s_ev_plug:  .asciz "plugged: "
s_ev_end:   .asciz "]\n"
s_ev_unplug: .asciz "device removed]\n"
s_ev_ejreq: .asciz "removal requested, acknowledged]\n"
s_unexpected: .asciz "\nfirmware: unexpected exception or interrupt, halted\n"
