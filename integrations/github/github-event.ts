import type { RenderedMessage, WebhookInput } from '../core/integration';
import { Payload } from '../core/payload';
import { render } from '../core/templates';
import { truncateTopic } from '../core/text';

/**
 * One GitHub delivery as the renderers see it: the type-checked payload plus the URL options that
 * change the wording. Every read goes through `Payload`, so a malformed field is an
 * AnomalousPayloadError, never a TypeError.
 */
export class GithubEvent {
  readonly payload: Payload;
  /** With a `topic=` in the URL, bodies name the PR or issue title the topic no longer shows. */
  readonly includeTitle: boolean;

  constructor(readonly input: WebhookInput) {
    this.payload = new Payload(input.payload);
    this.includeTitle = input.options.topic !== undefined;
  }

  get action(): string {
    return this.payload.str('action');
  }

  get sender(): string {
    return this.payload.str('sender.login');
  }

  get senderUrl(): string {
    return this.payload.str('sender.html_url');
  }

  get repoName(): string {
    return this.payload.str('repository.name');
  }

  get repoFullName(): string {
    return this.payload.str('repository.full_name');
  }

  get repoUrl(): string {
    return this.payload.str('repository.html_url');
  }

  /** The title for a body, only when the URL fixed the topic (Zulip's `include_title`). */
  title(path: string): string | null {
    return this.includeTitle ? this.payload.str(path) : null;
  }

  message(topic: string, template: string, context: object): RenderedMessage {
    return { topic: truncateTopic(topic), body: render('github', template, context) };
  }
}

/** Python's `string.punctuation`: Zulip adds no final "." or ":" after a title ending in one. */
const PUNCTUATION = new Set('!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~');

export function endsWithPunctuation(text: string): boolean {
  return text.length > 0 && PUNCTUATION.has(text[text.length - 1]);
}

/** Keys of an object already checked by `Payload.obj` (e.g. which fields a `changes` names). */
export function keysOf(object: Payload): string[] {
  return Object.keys(object.raw as Record<string, unknown>).sort();
}

/** A table lookup that a payload value like "constructor" cannot turn into an inherited property. */
export function lookup<T>(table: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
