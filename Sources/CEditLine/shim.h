// libedit's configuration calls are C varargs, which Swift cannot call; these
// fixed-signature wrappers expose exactly the calls the shell makes.
#ifndef CSE_EDITLINE_SHIM_H
#define CSE_EDITLINE_SHIM_H

#include <stdio.h>
#include <histedit.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

typedef const char *(*cse_prompt_fn)(EditLine *);
typedef unsigned char (*cse_key_fn)(EditLine *, int);

static inline int cse_el_set_prompt(EditLine *el, cse_prompt_fn fn) {
    return el_set(el, EL_PROMPT, fn);
}
static inline int cse_el_set_editor(EditLine *el, const char *mode) {
    return el_set(el, EL_EDITOR, mode);
}
static inline int cse_el_set_history(EditLine *el, History *h) {
    return el_set(el, EL_HIST, history, h);
}
static inline int cse_el_add_function(EditLine *el, const char *name, const char *help, cse_key_fn fn) {
    return el_set(el, EL_ADDFN, name, help, fn);
}
static inline int cse_el_bind(EditLine *el, const char *key, const char *fn) {
    return el_set(el, EL_BIND, key, fn, NULL);
}
static inline int cse_el_set_tty(EditLine *el, const char *mode, const char *flag) {
    return el_set(el, EL_SETTY, mode, flag, NULL);
}
static inline int cse_el_set_signal(EditLine *el, int on) {
    return el_set(el, EL_SIGNAL, on);
}
static inline int cse_el_set_clientdata(EditLine *el, void *data) {
    return el_set(el, EL_CLIENTDATA, data);
}
static inline int cse_history_setsize(History *h, HistEvent *ev, int size) {
    return history(h, ev, H_SETSIZE, size);
}
static inline int cse_history_setunique(History *h, HistEvent *ev, int on) {
    return history(h, ev, H_SETUNIQUE, on);
}
static inline int cse_history_enter(History *h, HistEvent *ev, const char *line) {
    return history(h, ev, H_ENTER, line);
}
static inline int cse_history_load(History *h, HistEvent *ev, const char *path) {
    return history(h, ev, H_LOAD, path);
}
static inline int cse_history_save(History *h, HistEvent *ev, const char *path) {
    return history(h, ev, H_SAVE, path);
}
// The C streams, as functions: Swift 6 refuses to touch the global variables `stdin`,
// `stdout` and `stderr` (shared mutable state).
static inline FILE *cse_stdin(void) { return stdin; }
static inline FILE *cse_stdout(void) { return stdout; }
static inline FILE *cse_stderr(void) { return stderr; }
static inline int cse_terminal_columns(int fd) {
    struct winsize ws;
    if (ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
    return 0;
}

static inline int cse_terminal_rows(int fd) {
    struct winsize ws;
    if (ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0) return ws.ws_row;
    return 0;
}

#endif
