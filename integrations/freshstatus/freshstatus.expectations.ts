import { FixtureCase, sharedSuite } from '../core/testing';
import { freshstatusIntegration } from './freshstatus.handler';

/**
 * What the gateway posts for each captured payload in ../shared/fixtures/webhooks/freshstatus:
 * [fixture file, event name, message (null: recognised, nothing posted; or a refusal)].
 */
const SHARED_CASES: FixtureCase[] = [
  ['freshstatus_event_not_supported.json', 'INCIDENT_REOPEN', 'unsupported'],
  [
    'freshstatus_incident_closed.json',
    'INCIDENT_NOTE_CREATE',
    {
      topic: 'Degradation of Database Server',
      body: 'The following incident has been closed: **Degradation of Database Server**\n**Note:** The incident has been resolved.',
    },
  ],
  [
    'freshstatus_incident_note_created.json',
    'INCIDENT_NOTE_CREATE',
    {
      topic: 'Degradation of Database Server',
      body: 'The following note has been added to the incident: **Degradation of Database Server**\n**Note:** The incident is being worked on.',
    },
  ],
  [
    'freshstatus_incident_open.json',
    'INCIDENT_OPEN',
    {
      topic: 'Degradation of Database Server',
      body: 'The following incident has been opened: **Degradation of Database Server**\n**Description:** This issue is being investigated.\n**Start Time:** 2021-04-12 16:29 UTC\n**Affected Services:**\n* Database Server',
    },
  ],
  [
    'freshstatus_incident_open_multiple_services.json',
    'INCIDENT_OPEN',
    {
      topic: 'Degradation of Multiple Servers',
      body: 'The following incident has been opened: **Degradation of Multiple Servers**\n**Description:** This issue is being investigated.\n**Start Time:** 2021-04-12 16:29 UTC\n**Affected Services:**\n* Database Server\n* Web Server\n* Web Server 2',
    },
  ],
  [
    'freshstatus_incident_open_multiple_services_over_limit.json',
    'INCIDENT_OPEN',
    {
      topic: 'Degradation of Multiple Servers',
      body: 'The following incident has been opened: **Degradation of Multiple Servers**\n**Description:** This issue is being investigated.\n**Start Time:** 2021-04-12 16:29 UTC\n**Affected Services:**\n* Database Server\n* Web Server\n* Web Server 2\n* Database Server 2\n* Active Directory Server\n[and 2 more service(s)]',
    },
  ],
  // 400: expected a string at "event_data.event_type"
  ['freshstatus_invalid_payload_with_missing_data.json', '', 'anomalous'],
  [
    'freshstatus_scheduled_maintenance_closed.json',
    'MAINTENANCE_NOTE_CREATE',
    {
      topic: 'Scheduled Maintenance Test',
      body: 'The following scheduled maintenance has been closed: **Scheduled Maintenance Test**\n**Note:** The maintenance is now complete.',
    },
  ],
  [
    'freshstatus_scheduled_maintenance_note_created.json',
    'MAINTENANCE_NOTE_CREATE',
    {
      topic: 'Scheduled Maintenance Test',
      body: 'The following note has been added to the scheduled maintenance: **Scheduled Maintenance Test**\n**Note:** We are about to start the maintenance.',
    },
  ],
  [
    'freshstatus_scheduled_maintenance_planned.json',
    'MAINTENANCE_PLANNED',
    {
      topic: 'Expect some services downtime due to server maintenance',
      body: 'The following scheduled maintenance has been opened: **Expect some services downtime due to server maintenance**\n**Description:** As part of the upgrade routine, we will be carrying out server maintenance work for this Service. This work will affect the Service to be unavailable during the maintenance window. We apologize for any inconvenience this may cause. Please do not hesitate to contact our support team at support@example.com if you have any questions regarding this server upgrading exercise.\n**Scheduled Start Time:** 2021-04-12 17:08 UTC\n**Scheduled End Time:** 2021-04-12 18:08 UTC\n**Affected Services:**\n* Sample Service',
    },
  ],
  [
    'freshstatus_scheduled_maintenance_planned_multiple_services.json',
    'MAINTENANCE_PLANNED',
    {
      topic: 'Expect some services downtime due to server maintenance',
      body: 'The following scheduled maintenance has been opened: **Expect some services downtime due to server maintenance**\n**Description:** As part of the upgrade routine, we will be carrying out server maintenance work for this Service. This work will affect the Service to be unavailable during the maintenance window. We apologize for any inconvenience this may cause. Please do not hesitate to contact our support team at support@example.com if you have any questions regarding this server upgrading exercise.\n**Scheduled Start Time:** 2021-04-12 17:08 UTC\n**Scheduled End Time:** 2021-04-12 18:08 UTC\n**Affected Services:**\n* Sample Service\n* Sample Service 2',
    },
  ],
  [
    'freshstatus_scheduled_maintenance_planned_multiple_services_over_limit.json',
    'MAINTENANCE_PLANNED',
    {
      topic: 'Expect some services downtime due to server maintenance',
      body: 'The following scheduled maintenance has been opened: **Expect some services downtime due to server maintenance**\n**Description:** As part of the upgrade routine, we will be carrying out server maintenance work for this Service. This work will affect the Service to be unavailable during the maintenance window. We apologize for any inconvenience this may cause. Please do not hesitate to contact our support team at support@example.com if you have any questions regarding this server upgrading exercise.\n**Scheduled Start Time:** 2021-04-12 17:08 UTC\n**Scheduled End Time:** 2021-04-12 18:08 UTC\n**Affected Services:**\n* Sample Service\n* Sample Service 2\n* Sample Service 3\n* Sample Service 4\n* Sample Service 5\n[and 2 more service(s)]',
    },
  ],
  [
    'freshstatus_test.json',
    'INCIDENT_OPEN',
    { topic: 'Freshstatus', body: 'Freshstatus webhook has been successfully configured.' },
  ],
];

export const SHARED_FIXTURES = sharedSuite(freshstatusIntegration, SHARED_CASES);
