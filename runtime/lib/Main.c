/*===- Main.c - The entry of an ahead-of-time hspmd executable --------------===
 *
 * hspmd-compile renames the program's `@main` (a `void main()` once
 * lowered) to __hspmd_main and links this file: the process then exits with
 * status 0 when the program returns. Failures end the process earlier, with
 * a message and status 1 (the runtime's error path).
 *
 * Standard output is line-buffered, as it is under mpirun: a program that
 * stops with abort() (a failed `cf.assert`, whose message `puts` writes)
 * loses no line it printed, and its message reaches a pipe in both modes.
 *
 *===----------------------------------------------------------------------===*/

#include <stdio.h>

void __hspmd_main(void);

int main(void) {
  setvbuf(stdout, NULL, _IOLBF, BUFSIZ);
  __hspmd_main();
  return fflush(stdout) == 0 ? 0 : 1;
}
