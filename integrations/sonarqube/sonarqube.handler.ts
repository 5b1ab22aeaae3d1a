import { defineIntegration, WebhookEvent } from '../core/define';
import { hmacHeader } from '../core/verify';

/**
 * SonarQube's project webhooks: one JSON document per analysis, with the quality gate's status and
 * conditions. One event, `analysis`; topic `{project} / {branch}`, or the project alone.
 */
const OPERATORS: Record<string, string> = {
  LESS_THAN: 'greater than or equal to',
  GREATER_THAN: 'less than or equal to',
};

function condition(c: WebhookEvent['payload']): string {
  const metric = c.str('metric').replace(/_/g, ' ');
  const status = c.str('status').toLowerCase();
  const value = c.optStr('value');
  if (value === null) return `${metric}: **${status}**.`;
  const operator = c.str('operator');
  const expectation = Object.hasOwn(OPERATORS, operator) ? OPERATORS[operator] : operator;
  return `${metric}: **${status}** ${value} should be ${expectation} ${c.str('errorThreshold')}.`;
}

function analysis(e: WebhookEvent) {
  const project = e.payload.str('project.name');
  const branch = e.payload.optStr('branch.name');
  const gate = e.payload.str('qualityGate.status');
  // Conditions that are met (OK) or not measured (NO_VALUE) are not news.
  const failed = e.payload
    .list('qualityGate.conditions')
    .filter((c) => !['OK', 'NO_VALUE'].includes(c.str('status')));
  return e.message(branch ? `${project} / ${branch}` : project, 'analysis', {
    project,
    url: e.payload.str('project.url'),
    branch,
    result: gate === 'OK' ? 'success' : gate.toLowerCase(),
    conditions: failed.map(condition),
  });
}

export const sonarqubeIntegration = defineIntegration({
  name: 'sonarqube',
  displayName: 'SonarQube',
  category: 'ci-cd',
  eventName: () => 'analysis',
  events: { analysis },
  branchOf: (e) => e.payload.optStr('branch.name'),
  verify: hmacHeader({ header: 'X-Sonar-Webhook-HMAC-SHA256' }),
});
