/*
 * A small line editor for the human monitor: it takes the bytes a
 * terminal sends one at a time and prints what the user should see.
 *
 * Keys: printable characters insert at the cursor; Backspace (^H, DEL)
 * and Delete (ESC [ 3 ~) remove; Left/Right (ESC [ D / C, ^B / ^F),
 * Home/End (^A / ^E, ESC [ H / F, ESC [ 1 ~ / 4 ~, ESC O H / F) move;
 * Up/Down (ESC [ A / B, ^P / ^N) walk the history; ^K kills to the end
 * of the line, ^U the whole line, ^W the word before the cursor; Tab asks
 * the completion callback for candidates; Enter (CR or LF) hands the line
 * to the callback given to readline_start().
 */
#ifndef MONITOR_READLINE_H
#define MONITOR_READLINE_H

#define READLINE_CMD_BUF_SIZE 4095
#define READLINE_MAX_CMDS 64
#define READLINE_MAX_COMPLETIONS 256

typedef void G_GNUC_PRINTF(2, 3) ReadLinePrintfFunc(void *opaque,
                                                   const char *fmt, ...);
typedef void ReadLineFlushFunc(void *opaque);
typedef void ReadLineFunc(void *opaque, const char *str,
                          void *readline_opaque);
/*
 * Called on Tab with the text before the cursor; it offers candidates
 * with readline_add_completion() and says where the word being completed
 * starts with readline_set_completion_index().
 */
typedef void ReadLineCompletionFunc(void *opaque, const char *cmdline);

typedef struct ReadLineState ReadLineState;

ReadLineState *readline_init(ReadLinePrintfFunc *printf_func,
                             ReadLineFlushFunc *flush_func,
                             void *opaque,
                             ReadLineCompletionFunc *completion_finder);
void readline_free(ReadLineState *rs);

/* Wait for a line: print @prompt; @readline_func gets the line. */
void readline_start(ReadLineState *rs, const char *prompt, int read_password,
                    ReadLineFunc *readline_func, void *readline_opaque);
/* Forget the line being edited (but keep the prompt and callback). */
void readline_restart(ReadLineState *rs);
/* Print the prompt and the line being edited (after other output). */
void readline_show_prompt(ReadLineState *rs);
void readline_handle_byte(ReadLineState *rs, int ch);

/* Completion callbacks only. */
void readline_add_completion(ReadLineState *rs, const char *str);
/* Add @str when it starts with @prefix. */
void readline_add_completion_of(ReadLineState *rs, const char *prefix,
                                const char *str);
void readline_set_completion_index(ReadLineState *rs, int completion_index);

/* History entry @index (0 is the oldest), or NULL. */
const char *readline_get_history(ReadLineState *rs, unsigned int index);
/* The line as edited so far (tests, completion). */
const char *readline_get_line(ReadLineState *rs);

#endif /* MONITOR_READLINE_H */
