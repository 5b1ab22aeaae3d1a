import { defineIntegration, EventHandler, WebhookEvent } from '../core/define';
import { truncatedList } from '../core/text';

/**
 * Ansible Tower / AWX notifications (a "Webhook" notification template). The event is the kind of
 * job, read from its URL (`/#/jobs/<kind>/<id>`); the topic is the job's name.
 */
const KINDS: Record<string, { event: string; label: string }> = {
  playbook: { event: 'job', label: 'Job' },
  project: { event: 'project_update', label: 'Project Update' },
  inventory: { event: 'inventory_update', label: 'Inventory Update' },
  command: { event: 'adhoc_command', label: 'AdHoc Command' },
  system: { event: 'system_job', label: 'System Job' },
  workflow: { event: 'workflow_job', label: 'Workflow Job' },
};

function kind(e: WebhookEvent) {
  const segment = /\/jobs\/([a-z_]+)\//.exec(e.payload.str('url'))?.[1] ?? '';
  return Object.hasOwn(KINDS, segment) ? KINDS[segment] : null;
}

/** "* host: Success" per host: AWX ≥ 9 lists names only (each gets the job's outcome). */
function hosts(e: WebhookEvent, successful: boolean): string[] {
  if (!e.payload.has('hosts')) return [];
  const raw = e.payload.raw as { hosts: unknown };
  if (Array.isArray(raw.hosts)) {
    return e.payload
      .strList('hosts')
      .sort()
      .map((host) => `${host}: ${successful ? 'Success' : 'Failed'}`);
  }
  const table = e.payload.obj('hosts');
  return table
    .keys()
    .sort()
    .map((host) => `${host}: ${table.child(host).bool('failed') ? 'Failed' : 'Success'}`);
}

const notification: EventHandler = (e) => {
  const name = e.payload.str('name');
  const successful = e.payload.str('status') === 'successful';
  const list = hosts(e, successful);
  return e.message(name, 'notification', {
    label: e.payload.optStr('friendly_name') ?? kind(e)?.label ?? 'Job',
    title: `#${e.payload.num('id')} ${name}`,
    url: e.payload.str('url'),
    outcome: successful ? 'was successful' : 'failed',
    hosts: list.length > 0 ? truncatedList(list, 50) : null,
  });
};

export const ansibletowerIntegration = defineIntegration({
  name: 'ansibletower',
  displayName: 'Ansible Tower / AWX',
  category: 'ci-cd',
  eventName: (e) => kind(e)?.event ?? 'unknown job kind',
  events: Object.fromEntries(Object.values(KINDS).map(({ event }) => [event, notification])),
});
