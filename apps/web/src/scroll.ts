import { signal } from './signal';
import { store } from './store';

/** A request to the feed: bring this message into view (and select it). */
export const scrollRequest = signal<{ id: number; n: number } | null>(null);
let n = 0;

export function jumpTo(id: number): void {
  store.setSelected(id);
  scrollRequest.set({ id, n: ++n });
}
