import { defineIntegration, EventHandler, WebhookEvent } from '../core/define';
import type { IntegrationDefinition } from '../core/integration';
import { render } from '../core/templates';
import { basicAuthPassword } from '../core/verify';

/**
 * The *arr family (Lidarr, Radarr, Sonarr): the same webhook connection, with `eventType` in the
 * payload (`Test`, `Health`, `Grab`, `Download`, `Rename`, ...) and the item (artist, movie,
 * series) as the topic. Each service is a short table of its own events on top of this;
 * `Test` and `Health` read the same everywhere. Every template is in shared-arr/templates.
 */
const TEMPLATES = 'shared-arr';

export interface ArrSpec {
  name: string;
  displayName: string;
  /** The topic of an item event: the artist, movie or series title. */
  itemTopic: (e: WebhookEvent) => string;
  /** Event type → template and context (null: recognised, nothing posted). */
  events: Record<string, (e: WebhookEvent) => { template: string; context: object } | null>;
}

/** "The artist {name} ...": renders `<template>.hbs` of shared-arr under the item's topic. */
function itemEvent(spec: ArrSpec, event: ArrSpec['events'][string]): EventHandler {
  return (e) => {
    const made = event(e);
    if (!made) return null;
    return e.messageWithBody(spec.itemTopic(e), render(TEMPLATES, made.template, made.context));
  };
}

export function defineArrIntegration(spec: ArrSpec): IntegrationDefinition {
  const events: Record<string, EventHandler> = {
    Test: (e) =>
      e.messageWithBody(
        `${spec.displayName} - Test`,
        render(TEMPLATES, 'test', { service: spec.displayName }),
      ),
    Health: (e) =>
      e.messageWithBody(
        `Health ${e.payload.str('level')}`,
        render(TEMPLATES, 'health', { message: e.payload.str('message') }),
      ),
    ApplicationUpdate: (e) =>
      e.messageWithBody(
        `${spec.displayName} - Application update`,
        render(TEMPLATES, 'application-update', {
          service: spec.displayName,
          from: e.payload.str('previousVersion'),
          to: e.payload.str('newVersion'),
        }),
      ),
  };
  for (const [name, event] of Object.entries(spec.events)) events[name] = itemEvent(spec, event);
  return defineIntegration({
    name: spec.name,
    displayName: spec.displayName,
    category: 'other',
    templatesFrom: TEMPLATES,
    eventField: 'eventType',
    events,
    verify: basicAuthPassword(),
  });
}

/** The first episode or file of a list the *arr services send (`episodes`, `deletedFiles`). */
export function firstOf(e: WebhookEvent, path: string) {
  const items = e.payload.list(path);
  if (items.length === 0) return e.payload.obj(`${path}.0`);
  return items[0];
}
