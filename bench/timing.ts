// Timing for the benchmarks. `npm run bench` runs with --expose-gc: each timed step starts after a full GC,
// so it is not charged the previous steps' garbage.
const settle = (globalThis as { gc?: () => void }).gc ?? (() => {});

/** Runs `fn` once after a GC: its value and the milliseconds it took. */
export function time<T>(fn: () => T): [T, number] {
  settle();
  const t = performance.now();
  const v = fn();
  return [v, performance.now() - t];
}
