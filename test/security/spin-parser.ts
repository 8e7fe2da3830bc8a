// A "parser" that never finishes, for the worker pool's time-limit test: only stopping its thread ends it.
export function spinForever(): never {
  for (;;) {
    // Busy on purpose: a hostile file keeps a parser's thread busy in the same way.
  }
}
