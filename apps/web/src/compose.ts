import { api, ApiError } from './api';
import { signal } from './signal';
import { jumpTo } from './scroll';
import { store } from './store';

export interface ComposeState {
  open: boolean;
  mode: 'stream' | 'dm';
  stream: string;
  topic: string;
  /** DM recipients (user ids). */
  to: number[];
  content: string;
  /** The draft this text is saved as. */
  draftId: string;
  /** Bumps when something outside asks for focus on a field. */
  focus: { field: ComposeField; n: number } | null;
}

function newDraftId(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

export const compose = signal<ComposeState>({
  open: false,
  mode: 'stream',
  stream: '',
  topic: '',
  to: [],
  content: '',
  draftId: newDraftId(),
  focus: null,
});

let focusCounter = 0;

export type ComposeField = 'stream' | 'topic' | 'to' | 'message';

export function openCompose(
  target: Partial<Omit<ComposeState, 'open' | 'focus' | 'draftId'>>,
  field?: ComposeField,
): void {
  compose.set((old) => {
    const mode = target.mode ?? old.mode;
    const chosen =
      field ??
      (mode === 'dm'
        ? target.to?.length
          ? 'message'
          : 'to'
        : target.stream
          ? target.topic !== undefined
            ? 'message'
            : 'topic'
          : 'stream');
    const switching = target.mode !== undefined && target.mode !== old.mode;
    return {
      ...old,
      ...target,
      content: target.content ?? (switching ? '' : old.content),
      draftId: switching ? newDraftId() : old.draftId,
      open: true,
      focus: { field: chosen, n: ++focusCounter },
    };
  });
}

export function closeCompose(): void {
  saveDraft();
  compose.set((old) => ({ ...old, open: false, content: '', draftId: newDraftId(), focus: null }));
}

// ---- Drafts: saved as the person types (locally, and on the server when it keeps drafts) ----

export interface Draft {
  id: string;
  type: 'stream' | 'private';
  stream: string;
  topic: string;
  to: number[];
  content: string;
  timestamp: number;
  /** The server's id for it, once saved there. */
  serverId?: number;
}

const DRAFTS_KEY = 'zulip-hub-drafts';
export const drafts = signal<Draft[]>(readDrafts());
let serverDrafts = true;

function readDrafts(): Draft[] {
  try {
    return JSON.parse(localStorage.getItem(DRAFTS_KEY) ?? '[]') as Draft[];
  } catch {
    return [];
  }
}

function writeDrafts(list: Draft[]): void {
  drafts.set(list);
  localStorage.setItem(DRAFTS_KEY, JSON.stringify(list));
}

let saveTimer: ReturnType<typeof setTimeout> | undefined;

/** Saves the compose box as a draft a moment after typing stops. */
export function scheduleDraftSave(): void {
  clearTimeout(saveTimer);
  saveTimer = setTimeout(saveDraft, 700);
}

export function saveDraft(): void {
  clearTimeout(saveTimer);
  const c = compose.get();
  const list = drafts.get().filter((d) => d.id !== c.draftId);
  const old = drafts.get().find((d) => d.id === c.draftId);
  if (c.content.trim() === '') {
    writeDrafts(list);
    if (old?.serverId !== undefined) void deleteServerDraft(old.serverId);
    return;
  }
  const draft: Draft = {
    id: c.draftId,
    type: c.mode === 'stream' ? 'stream' : 'private',
    stream: c.stream,
    topic: c.topic,
    to: c.to,
    content: c.content,
    timestamp: Math.floor(Date.now() / 1000),
    serverId: old?.serverId,
  };
  writeDrafts([draft, ...list].slice(0, 100));
  void syncDraft(draft);
}

export function deleteDraft(id: string): void {
  const old = drafts.get().find((d) => d.id === id);
  writeDrafts(drafts.get().filter((d) => d.id !== id));
  if (old?.serverId !== undefined) void deleteServerDraft(old.serverId);
}

export function restoreDraft(draft: Draft): void {
  saveDraft();
  compose.set({
    open: true,
    mode: draft.type === 'stream' ? 'stream' : 'dm',
    stream: draft.stream,
    topic: draft.topic,
    to: draft.to,
    content: draft.content,
    draftId: draft.id,
    focus: { field: 'message', n: ++focusCounter },
  });
}

/** Zulip's drafts API (`/drafts`); a server without it keeps drafts in this browser only. */
function serverShape(d: Draft): Record<string, unknown> {
  const streamId = store.streamId(d.stream);
  return d.type === 'stream'
    ? {
        type: 'stream',
        to: streamId !== undefined ? [streamId] : [],
        topic: d.topic,
        content: d.content,
        timestamp: d.timestamp,
      }
    : { type: 'private', to: d.to, topic: '', content: d.content, timestamp: d.timestamp };
}

async function syncDraft(draft: Draft): Promise<void> {
  if (!serverDrafts) return;
  try {
    if (draft.serverId !== undefined) {
      await api('PATCH', `/drafts/${draft.serverId}`, { draft: serverShape(draft) });
    } else {
      const reply = await api<{ ids: number[] }>('POST', '/drafts', {
        drafts: [serverShape(draft)],
      });
      const serverId = reply.ids[0];
      writeDrafts(drafts.get().map((d) => (d.id === draft.id ? { ...d, serverId } : d)));
    }
  } catch (err) {
    if (err instanceof ApiError && (err.status === 404 || err.status === 405)) serverDrafts = false;
  }
}

async function deleteServerDraft(serverId: number): Promise<void> {
  if (!serverDrafts) return;
  try {
    await api('DELETE', `/drafts/${serverId}`);
  } catch {
    // Already gone, or no server drafts.
  }
}

/** Merges the server's drafts (from another browser) into the local list. */
export async function loadServerDrafts(): Promise<void> {
  try {
    const reply = await api<{
      drafts: Array<{
        id: number;
        type: string;
        to: number[];
        topic: string;
        content: string;
        timestamp: number;
      }>;
    }>('GET', '/drafts');
    const known = new Set(drafts.get().map((d) => d.serverId));
    const added: Draft[] = reply.drafts
      .filter((d) => !known.has(d.id))
      .map((d) => ({
        id: `s${d.id}`,
        serverId: d.id,
        type: d.type === 'stream' ? 'stream' : 'private',
        stream: d.type === 'stream' ? (store.streamName(d.to[0]) ?? '') : '',
        topic: d.topic,
        to: d.type === 'stream' ? [] : d.to,
        content: d.content,
        timestamp: d.timestamp,
      }));
    if (added.length > 0)
      writeDrafts([...drafts.get(), ...added].sort((a, b) => b.timestamp - a.timestamp));
  } catch (err) {
    if (err instanceof ApiError && (err.status === 404 || err.status === 405)) serverDrafts = false;
  }
}

// ---- Typing notifications ----

let typingTarget: string | null = null;
let lastTypingStart = 0;
let typingStopTimer: ReturnType<typeof setTimeout> | undefined;

function typingParams(c: ComposeState): Record<string, unknown> | null {
  if (c.mode === 'stream') {
    const streamId = store.streamId(c.stream);
    if (streamId === undefined || c.topic.trim() === '') return null;
    return { type: 'stream', stream_id: streamId, topic: c.topic.trim() };
  }
  return c.to.length > 0 ? { type: 'direct', to: c.to } : null;
}

/** Tells the others "typing…" (at most every 10 s) and "stopped" 5 s after the last key. */
export function noteTyping(): void {
  const params = typingParams(compose.get());
  if (!params) return;
  const target = JSON.stringify(params);
  if (target !== typingTarget) stopTyping();
  const now = Date.now();
  if (target !== typingTarget || now - lastTypingStart > 10_000) {
    typingTarget = target;
    lastTypingStart = now;
    void api('POST', '/typing', { ...params, op: 'start' }).catch(() => undefined);
  }
  clearTimeout(typingStopTimer);
  typingStopTimer = setTimeout(stopTyping, 5_000);
}

export function stopTyping(): void {
  clearTimeout(typingStopTimer);
  if (!typingTarget) return;
  const params = JSON.parse(typingTarget) as Record<string, unknown>;
  typingTarget = null;
  void api('POST', '/typing', { ...params, op: 'stop' }).catch(() => undefined);
}

// ---- Sending ----

export async function send(): Promise<void> {
  const c = compose.get();
  const content = c.content.trim();
  if (content === '') throw new Error('Write a message first.');
  let params: Record<string, unknown>;
  if (c.mode === 'stream') {
    if (c.stream.trim() === '') throw new Error('Choose a stream to send the message to.');
    const streamId = store.streamId(c.stream.trim());
    if (streamId === undefined) throw new Error(`There is no stream named “${c.stream.trim()}”.`);
    const topic = c.topic.trim();
    if (topic === '' && store.realm.mandatoryTopics)
      throw new Error('Topics are required in this organization.');
    params = { type: 'stream', to: streamId, topic, content };
  } else {
    if (c.to.length === 0) throw new Error('Choose who to send the message to.');
    params = { type: 'direct', to: c.to, content };
  }
  stopTyping();
  const sent = await api<{ id: number }>('POST', '/messages', params);
  // The feed shows the sent message (and selects it) when it belongs to the open view.
  jumpTo(sent.id);
  deleteDraft(c.draftId);
  compose.set((old) => ({ ...old, content: '', draftId: newDraftId() }));
}
