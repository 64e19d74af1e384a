// The REPL front end (`kefu chat`): to be built.
