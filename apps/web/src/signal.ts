import { useSyncExternalStore } from 'react';

/** A small piece of UI state shared across components (compose box, open dialog, theme). */
export interface Signal<T> {
  get(): T;
  set(next: T | ((old: T) => T)): void;
  use(): T;
}

export function signal<T>(initial: T): Signal<T> {
  let value = initial;
  const listeners = new Set<() => void>();
  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  return {
    get: () => value,
    set(next) {
      const updated = typeof next === 'function' ? (next as (old: T) => T)(value) : next;
      if (Object.is(updated, value)) return;
      value = updated;
      for (const listener of [...listeners]) listener();
    },
    use: () => useSyncExternalStore(subscribe, () => value),
  };
}
