// GNU readline for Swift: stdio.h must come before readline's headers (they use FILE).
#include <stdio.h>
#include <readline/readline.h>
#include <readline/history.h>
