# uart-irq: an interrupt-driven serial driver for the virt board, run by
# tests/functional/test_virt_uart_irq.py as
#
#   cr16-as -Ttext 0x20000 -o uart-irq.elf uart-irq.S
#   qemu-system-cr16 -M virt -nographic -kernel uart-irq.elf
#
# It does what a small firmware's console driver does, with no polling at
# all: the transmitter and the receiver of UART0 are served by the UART's
# interrupt (ICU input 0, vector 0x10) through the CPU's dispatch table,
# and the main loop sleeps in EIWAIT until an interrupt has done the work.
#
#   1. Set up the interrupt stack (ISP), CFG.ED (32-bit dispatch entries)
#      and INTBASE; program UART0 for 115200 8N1 with FIFOs and a receive
#      trigger level of 4 bytes; enable ICU inputs 0 (UART0) and 2 (timer
#      1, a watchdog); enable the UART's received-data and THR-empty
#      interrupts in IER; set PSR.I.  PSR.E is set by EIWAIT.
#   2. Send HELLO through a ring the THRE interrupt empties, one byte per
#      THRE, switching THRE off when the ring runs dry.
#   3. Echo every received byte upper-cased.  A burst at or above the
#      trigger level arrives by the received-data interrupt (IIR 0x04), a
#      shorter one by the character timeout (IIR 0x0C).  A newline ends
#      the input.
#   4. Print "irqs=N idles=N rda=N cti=N thre=N" (hexadecimal counts) and
#      leave through cr16-testdev with the status below.
#
# The proof that the idle loop halts: it counts its EIWAITs (idles) and
# the handlers count interrupts (irqs).  An EIWAIT that really waits is
# followed by at least one interrupt, so idles <= irqs.  A CPU that ran
# through EIWAIT without halting would go round the loop many thousand
# times while the test keeps the line quiet, and the program fails.
#
# Exit status (through cr16-testdev: (status << 1) | 1 at 0xFF0300):
#   0  passed
#   2  an exception or interrupt that has no business happening
#   3  the UART interrupted with an identity we did not enable
#   4  the idle loop did not halt (idles > irqs), or never waited at all
#   5  watchdog: no newline within 20 s of virtual time (or the period
#      the test put at WD_TICKS)
#   6  a handler started with PSR.I set or PSR.E clear
#   7  the transmit ring overflowed
#
# SPDX-License-Identifier: GPL-2.0-or-later

    .equ ST_PASS,       0
    .equ ST_UNEXPECTED, 2
    .equ ST_BADIIR,     3
    .equ ST_NOHALT,     4
    .equ ST_WATCHDOG,   5
    .equ ST_BADPSR,     6
    .equ ST_TXFULL,     7

# ---- the board (docs/system/cr16/virt.rst, docs/system/devices.rst) -------

    .equ UART,          0xff0000        # ns16550a, registers 1 byte apart
    .equ UART_RBR,      UART + 0
    .equ UART_THR,      UART + 0
    .equ UART_DLL,      UART + 0
    .equ UART_IER,      UART + 1
    .equ UART_DLM,      UART + 1
    .equ UART_IIR,      UART + 2
    .equ UART_FCR,      UART + 2
    .equ UART_LCR,      UART + 3
    .equ UART_MCR,      UART + 4
    .equ UART_LSR,      UART + 5
    .equ IER_RDI,       0x01            # received data (and timeout)
    .equ IER_THRI,      0x02            # THR empty
    .equ IIR_NONE,      0x01            # IIR bits 3:0
    .equ IIR_THRE,      0x02
    .equ IIR_RDA,       0x04
    .equ IIR_RLS,       0x06
    .equ IIR_CTI,       0x0c

    .equ TIMER,         0xff0100        # cr16-timer, 10 MHz input
    .equ TIMER_LOAD1,   TIMER + 0x10
    .equ TIMER_CTRL1,   TIMER + 0x18
    .equ TIMER_PRESCALE, TIMER + 0x20

    .equ TESTDEV_EXIT,  0xff0300

    .equ ICU_IENAM0,    0xfffe0e
    .equ ICU_INPUTS,    0x0005          # 0: UART0, 2: timer 1

    .equ PSR_E,         9               # bit numbers
    .equ PSR_I,         11

# ---- our memory (RAM is 0x010000-0x10ffff with the default -m) -------------

    .equ ISP_TOP,       0x30000
    .equ STACK_TOP,     0x40000
    .equ TX_SIZE,       256             # a power of two
    # The watchdog period in microseconds if not 0 (RAM is 0 after reset);
    # the test shortens it with -device loader,addr=0x40100,data=N,...
    .equ WD_TICKS,      0x40100

    .text
    .global _start
_start:
    movd $STACK_TOP, (sp)
    movd $ISP_TOP, (r1,r0)
    lprd (r1,r0), isp
    movw $0x100, r0                     # CFG.ED: 32-bit dispatch entries
    lpr r0, cfg
    movd $vectors, (r1,r0)
    lprd (r1,r0), intbase

    bal (ra), uart_init

    # The greeting goes into the ring before any interrupt is on: the
    # first THRE interrupt finds it there.
    movd $s_hello, (r3,r2)
    bal (ra), tx_puts

    # Watchdog: timer 1, one shot, 20 s at 1 MHz ticks unless the test
    # asked for another period.
    movw $9, r0
    storw r0, TIMER_PRESCALE
    loadd WD_TICKS, (r1,r0)
    cmpd $0, (r1,r0)
    bne 1f
    movd $20000000, (r1,r0)
1:  stord (r1,r0), TIMER_LOAD1
    movw $5, r0                         # EN | IE, not periodic
    storw r0, TIMER_CTRL1

    movw $ICU_INPUTS, r0
    storw r0, ICU_IENAM0
    movw $IER_RDI | IER_THRI, r0        # THR is empty: THRE fires at once
    storb r0, UART_IER
    spr psr, r0
    orw $0x0800, r0                     # PSR.I; E stays off until EIWAIT
    lpr r0, psr

# The main loop: all it does is decide whether there is anything left to
# wait for.  The check and the sleep must not race with a handler, so
# the check runs with E clear and EIWAIT sets E and halts in one step.
main_loop:
    di
    loadw rx_done, r0
    cmpw $0, r0
    beq 1f
    loadw tx_head, r0
    loadw tx_tail, r1
    cmpw r0, r1
    beq finish
1:  loadw n_idle, r0
    addw $1, r0
    bne0w r0, 2f
    movw $0xffff, r0                    # saturate: a wrap would hide a spin
2:  storw r0, n_idle
    eiwait
    br main_loop

# Input complete and echoed: judge the idle loop, report, leave.
finish:
    movw $ST_PASS, r8
    loadw n_idle, r0
    loadw n_irq, r1
    cmpw $0, r0
    beq 1f                              # never waited: not what we test
    cmpw r1, r0
    bhi 2f                              # irqs > idles: fine
    beq 2f
1:  movw $ST_NOHALT, r8
2:  movd $s_irqs, (r3,r2)
    loadw n_irq, r4
    bal (ra), tx_stat
    movd $s_idles, (r3,r2)
    loadw n_idle, r4
    bal (ra), tx_stat
    movd $s_rda, (r3,r2)
    loadw n_rda, r4
    bal (ra), tx_stat
    movd $s_cti, (r3,r2)
    loadw n_cti, r4
    bal (ra), tx_stat
    movd $s_thre, (r3,r2)
    loadw n_thre, r4
    bal (ra), tx_stat
    movd $s_nl, (r3,r2)
    bal (ra), tx_puts
    bal (ra), tx_kick
3:  di                                  # let the ring drain
    loadw tx_head, r0
    loadw tx_tail, r1
    cmpw r0, r1
    beq 4f
    eiwait
    br 3b
4:  loadb UART_LSR, r0                  # and the last byte leave
    tbit $6, r0                         # TEMT
    bfc 4b
    movw r8, r2
    br exit

# exit: leave the emulator with status r2.
exit:
    di
    ashuw $1, r2
    orw $1, r2
    storw r2, TESTDEV_EXIT
1:  wait                                # the shutdown is asynchronous
    br 1b

# ---- UART --------------------------------------------------------------

uart_init:
    movw $0x80, r0                      # DLAB: divisor 1 = 115200 baud
    storb r0, UART_LCR
    movw $1, r0
    storb r0, UART_DLL
    movw $0, r0
    storb r0, UART_DLM
    movw $0x03, r0                      # 8N1
    storb r0, UART_LCR
    movw $0x47, r0                      # FIFOs on, emptied, trigger 4
    storb r0, UART_FCR
    movw $0x0b, r0                      # DTR, RTS, OUT2
    storb r0, UART_MCR
    movw $0, r0
    storb r0, UART_IER
    jump (ra)

# tx_put: append r2 to the transmit ring.  Runs with interrupts off or in
# the handler.  Clobbers r0, r1, r3.
tx_put:
    loadw tx_head, r0
    movw r0, r1
    addw $1, r1
    andw $TX_SIZE - 1, r1
    loadw tx_tail, r3
    cmpw r1, r3
    beq 1f
    storb r2, tx_buf(r0)
    storw r1, tx_head
    jump (ra)
1:  movw $ST_TXFULL, r2
    br exit

# tx_kick: make sure the THRE interrupt will empty the ring.  Enabling
# IER.THRI while THR is empty raises it; if it is on already, the handler
# is still emptying the ring and will see the new bytes.  Clobbers r0.
tx_kick:
    loadb UART_IER, r0
    tbit $1, r0
    bfs 1f
    movw $IER_RDI | IER_THRI, r0
    storb r0, UART_IER
1:  jump (ra)

# tx_puts: queue the NUL-terminated string at (r3,r2), interrupts off.
# Clobbers r0-r5.
tx_puts:
    push $2, r6, ra
    movd (r3,r2), (r7,r6)
1:  loadb 0(r7,r6), r2
    movzb r2, r2
    cmpw $0, r2
    beq 2f
    bal (ra), tx_put
    addd $1, (r7,r6)
    br 1b
2:  popret $2, r6, ra

# tx_stat: queue the label at (r3,r2), then r4 as four hex digits.
tx_stat:
    push $3, r6, ra
    movw r4, r6
    bal (ra), tx_puts
    movw $4, r7
1:  movw r6, r2
    lshw $-12, r2                       # the top nibble
    andw $0xf, r2
    cmpw $10, r2
    bhi 2f                              # 10 > digit: 0-9
    addw $39, r2                        # 'a' - '0' - 10
2:  addw $48, r2
    bal (ra), tx_put
    ashuw $4, r6
    addw $-1, r7
    cmpw $0, r7
    bne 1b
    popret $3, r6, ra

# ---- interrupt handlers ---------------------------------------------------

# UART0 (vector 0x10).  Serve whatever IIR reports until it says nothing
# is pending: the line is level-triggered, so returning early would only
# bring us back.
h_uart:
    push $8, r0, ra                     # r0-r7 and RA
    spr psr, r0
    tbit $PSR_I, r0                     # entry clears I ...
    bfs bad_psr
    tbit $PSR_E, r0                     # ... and keeps E
    bfc bad_psr
    loadw n_irq, r0
    addw $1, r0
    storw r0, n_irq
uart_next:
    loadb UART_IIR, r0
    andw $0x0f, r0
    cmpw $IIR_NONE, r0
    beq uart_done
    cmpw $IIR_RDA, r0
    beq uart_rda
    cmpw $IIR_CTI, r0
    beq uart_cti
    cmpw $IIR_THRE, r0
    beq uart_thre
    cmpw $IIR_RLS, r0
    beq uart_rls
    movw $ST_BADIIR, r2
    br exit

uart_rls:
    loadb UART_LSR, r0                  # reading LSR clears the condition
    br uart_next

uart_cti:
    loadw n_cti, r0
    addw $1, r0
    storw r0, n_cti
    br uart_rx
uart_rda:
    loadw n_rda, r0
    addw $1, r0
    storw r0, n_rda
# Empty the receive FIFO, echoing each byte upper-cased.
uart_rx:
    loadb UART_LSR, r0
    tbit $0, r0                         # DR
    bfc 3f
    loadb UART_RBR, r2
    movzb r2, r2
    cmpw $0x61, r2                      # 'a'
    bhi 1f                              # 'a' > c
    cmpw $0x7a, r2                      # 'z'
    blo 1f                              # 'z' < c
    addw $-0x20, r2
1:  bal (ra), tx_put
    cmpw $10, r2
    bne uart_rx
    movw $1, r0
    storw r0, rx_done
    br uart_rx
3:  bal (ra), tx_kick
    br uart_next

# One byte per THRE; with the ring empty, THRE interrupts go off.
uart_thre:
    loadw n_thre, r0
    addw $1, r0
    storw r0, n_thre
    loadw tx_tail, r1
    loadw tx_head, r0
    cmpw r0, r1
    beq 1f
    loadb tx_buf(r1), r2
    storb r2, UART_THR
    addw $1, r1
    andw $TX_SIZE - 1, r1
    storw r1, tx_tail
    br uart_next
1:  movw $IER_RDI, r0
    storb r0, UART_IER
    br uart_next

uart_done:
    pop $8, r0, ra
    retx

bad_psr:
    movw $ST_BADPSR, r2
    br exit

# Timer 1 (vector 0x12): the newline never came.
h_watchdog:
    movw $ST_WATCHDOG, r2
    br exit

# Everything else.
h_unexpected:
    movw $ST_UNEXPECTED, r2
    br exit

# ---- data --------------------------------------------------------------

    .align 4
# Dispatch table (CFG.ED = 1: handler >> 1 in 32 bits): exceptions 0-15,
# then ICU inputs 0-15 as vectors 0x10-0x1f.
vectors:
    .long h_unexpected@c, h_unexpected@c, h_unexpected@c, h_unexpected@c
    .long h_unexpected@c, h_unexpected@c, h_unexpected@c, h_unexpected@c
    .long h_unexpected@c, h_unexpected@c, h_unexpected@c, h_unexpected@c
    .long h_unexpected@c, h_unexpected@c, h_unexpected@c, h_unexpected@c
    .long h_uart@c, h_unexpected@c, h_watchdog@c, h_unexpected@c
    .long h_unexpected@c, h_unexpected@c, h_unexpected@c, h_unexpected@c
    .long h_unexpected@c, h_unexpected@c, h_unexpected@c, h_unexpected@c
    .long h_unexpected@c, h_unexpected@c, h_unexpected@c, h_unexpected@c

s_hello:    .asciz "uart-irq: hello from the THRE interrupt handler\r\n"
s_irqs:     .asciz "irqs="
s_idles:    .asciz " idles="
s_rda:      .asciz " rda="
s_cti:      .asciz " cti="
s_thre:     .asciz " thre="
s_nl:       .asciz "\r\n"

    .data
    .align 2
tx_head:    .word 0                     # next free byte; main and handler
tx_tail:    .word 0                     # next byte to send; handler only
rx_done:    .word 0                     # a newline was received
n_irq:      .word 0                     # UART interrupts taken
n_idle:     .word 0                     # EIWAITs executed
n_rda:      .word 0                     # IIR said received data
n_cti:      .word 0                     # IIR said character timeout
n_thre:     .word 0                     # IIR said THR empty
tx_buf:     .space TX_SIZE
