// The stdio adapter front end (`kefu serve --stdio`): to be built.
