// GNU readline for Swift: stdio.h must come before readline's headers (they use FILE).
#include <stdio.h>
#include <stdlib.h>
#include <langinfo.h>
#include <locale.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <readline/readline.h>
#include <readline/history.h>

// Swift 6 refuses to assign readline's C globals ("not concurrency-safe"), so the few the REPL
// needs are set and read here. Nothing in this file keeps state of its own.

/// Makes multibyte (UTF-8) input work: takes the character type from the environment and falls
/// back to C.UTF-8 when that is not UTF-8 (LANG unset or C). Only LC_CTYPE changes, so number
/// formatting stays as it was. Returns 1 when the character type is UTF-8 afterwards.
static inline int kefu_use_utf8_locale(void) {
    setlocale(LC_CTYPE, "");
    if (strcmp(nl_langinfo(CODESET), "UTF-8") != 0) {
        if (setlocale(LC_CTYPE, "C.UTF-8") == NULL) setlocale(LC_CTYPE, "en_US.UTF-8");
    }
    return strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
}

/// Names the program for ~/.inputrc conditionals (`$if kefu`).
static inline void kefu_set_readline_name(const char *name) { rl_readline_name = name; }

/// Installs the completion hook; readline calls it with the word being completed and where it
/// starts and ends in the line.
static inline void kefu_set_completion_hook(rl_completion_func_t *hook) {
    rl_attempted_completion_function = hook;
    // Completions are commands and intent names: break words at spaces only.
    rl_basic_word_break_characters = " \t";
}

/// Tells readline not to fall back to file-name completion when the hook found nothing.
static inline void kefu_completion_over(void) { rl_attempted_completion_over = 1; }

/// The whole line being edited, for context-dependent completion.
static inline const char *kefu_line_buffer(void) { return rl_line_buffer; }

/// Ctrl-C inside readline: readline has already cleaned up and handed the signal on; drop the
/// line and show a fresh prompt. Outside readline (while the bot answers) Ctrl-C is ignored.
static void kefu_interrupt(int signal_number) {
    (void)signal_number;
    if (!RL_ISSTATE(RL_STATE_SIGHANDLER)) return;
    rl_replace_line("", 0);
    rl_crlf();
    rl_on_new_line();
    rl_redisplay();
}

/// Installs the Ctrl-C handler above, and unblocks SIGINT in case the program that started us
/// left it blocked (a blocked SIGINT makes Ctrl-C do nothing at all).
static inline void kefu_catch_interrupt(void) {
    sigset_t interrupt;
    sigemptyset(&interrupt);
    sigaddset(&interrupt, SIGINT);
    pthread_sigmask(SIG_UNBLOCK, &interrupt, NULL);
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = kefu_interrupt;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, NULL);
}

/// Prints `text` (whole lines) above the line being edited, then redraws the prompt and the
/// unfinished line as they were: for messages that arrive while the user types (`kefu agent`).
static inline void kefu_print_above(const char *text) {
    int point = rl_point;
    char *line = rl_copy_text(0, rl_end);
    rl_save_prompt();
    rl_replace_line("", 0);
    rl_redisplay();
    fputs("\r\033[K", stdout);
    fputs(text, stdout);
    fflush(stdout);
    rl_restore_prompt();
    rl_replace_line(line ? line : "", 0);
    rl_point = point;
    rl_forced_update_display();
    free(line);
}
