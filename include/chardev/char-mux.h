/*
 * The multiplexer: one host chardev shared by several front ends (the
 * serial port and the monitor with -nographic or "mon:stdio").  Only the
 * front end with the focus receives input; everyone's output goes out.
 *
 * Escape sequences on the input, after C-a (0x01):
 *   h  print the list of escapes      x  quit the emulator
 *   c  give the focus to the next front end
 *   b  send a BREAK event to the front end with the focus
 *   C-a  send one C-a to the front end with the focus
 */
#ifndef CHARDEV_CHAR_MUX_H
#define CHARDEV_CHAR_MUX_H

#include "chardev/char-fe.h"

#define MAX_MUX 4
/* Bytes kept per front end while it cannot take input. */
#define MUX_BUFFER_SIZE 32
#define MUX_ESCAPE_CHAR 0x01    /* C-a */

#define TYPE_MUX_CHARDEV TYPE_CHARDEV_MUX
OBJECT_DECLARE_SIMPLE_TYPE(MuxChardev, MUX_CHARDEV)

struct MuxChardev {
    Chardev parent_obj;

    /* Our own front end on the shared chardev. */
    CharBackend chr;
    CharBackend *backends[MAX_MUX];
    int mux_cnt;
    /* Index of the front end with the focus, -1 for none. */
    int focus;
    bool term_got_escape;
    unsigned char buffer[MAX_MUX][MUX_BUFFER_SIZE];
    unsigned int prod[MAX_MUX];
    unsigned int cons[MAX_MUX];
};

/* Add @b as a front end; returns its tag, or -1 if the mux is full. */
int mux_chr_attach_frontend(MuxChardev *d, CharBackend *b, Error **errp);
/* Remove front end @tag. */
void mux_chr_detach_frontend(MuxChardev *d, int tag);
/* Give the focus to front end @focus (MUX_OUT / MUX_IN events). */
void mux_set_focus(Chardev *chr, int focus);

/*
 * Multiplexers hold back CHR_EVENT_OPENED from their front ends until the
 * machine is built, so that every front end (monitor, serial ports) is
 * attached and the focus rests on the last one, as the user expects:
 * -nographic starts on the guest's serial line, not on the monitor.
 * vl.c calls this once the machine and its -device options are created.
 */
void qemu_chr_open_muxes(void);
bool qemu_chr_muxes_opened(void);

#endif /* CHARDEV_CHAR_MUX_H */
