import { FixtureCase, sharedSuite } from '../core/testing';
import { ansibletowerIntegration } from './ansibletower.handler';

/**
 * What the gateway posts for each captured payload in ../shared/fixtures/webhooks/ansibletower:
 * [fixture file, event name, message (null: recognised, nothing posted)].
 */
const SHARED_CASES: FixtureCase[] = [
  [
    'adhoc_command_failed.json',
    'adhoc_command',
    {
      topic: 'shell: uname -r',
      body: 'AdHoc Command: [#2726 shell: uname -r](http://awx.example.co.uk/#/jobs/command/2726) failed.',
    },
  ],
  [
    'adhoc_command_successful.json',
    'adhoc_command',
    {
      topic: 'shell: uname -r',
      body: 'AdHoc Command: [#2726 shell: uname -r](http://awx.example.co.uk/#/jobs/command/2726) was successful.',
    },
  ],
  [
    'inventory_update_failed.json',
    'inventory_update',
    {
      topic: 'AWX - Inventory Update',
      body: 'Inventory Update: [#2724 AWX - Inventory Update](http://awx.example.co.uk/#/jobs/inventory/2724) failed.',
    },
  ],
  [
    'inventory_update_successful.json',
    'inventory_update',
    {
      topic: 'AWX - Inventory Update',
      body: 'Inventory Update: [#2724 AWX - Inventory Update](http://awx.example.co.uk/#/jobs/inventory/2724) was successful.',
    },
  ],
  [
    'job_complete_successful_awx_9.1.1.json',
    'job',
    {
      topic: 'Demo Job Template',
      body: 'Job: [#1 Demo Job Template](https://towerhost/#/jobs/playbook/1) was successful:\n* localhost: Success',
    },
  ],
  [
    'job_failed.json',
    'job',
    {
      topic: 'System - Updates - Ubuntu',
      body: 'Job: [#2722 System - Updates - Ubuntu](http://awx.example.co.uk/#/jobs/playbook/2722) failed:\n* chat.example.co.uk: Failed',
    },
  ],
  [
    'job_failed_multiple_hosts.json',
    'job',
    {
      topic: 'System - Updates - Ubuntu',
      body: 'Job: [#2722 System - Updates - Ubuntu](http://awx.example.co.uk/#/jobs/playbook/2722) failed:\n* chat.example.co.uk: Failed\n* devops.example.co.uk: Failed\n* gitlab.example.co.uk: Failed\n* ipa.example.co.uk: Failed\n* mail.example.co.uk: Failed',
    },
  ],
  [
    'job_successful.json',
    'job',
    {
      topic: 'System - Deploy - Zabbix Agent',
      body: 'Job: [#2674 System - Deploy - Zabbix Agent](http://awx.example.co.uk/#/jobs/playbook/2674) was successful:\n* chat.example.co.uk: Success',
    },
  ],
  [
    'job_successful_multiple_hosts.json',
    'job',
    {
      topic: 'System - Deploy - Zabbix Agent',
      body: 'Job: [#2674 System - Deploy - Zabbix Agent](http://awx.example.co.uk/#/jobs/playbook/2674) was successful:\n* chat.example.co.uk: Success\n* devops.example.co.uk: Success\n* gitlab.example.co.uk: Success\n* ipa.example.co.uk: Success\n* mail.example.co.uk: Success',
    },
  ],
  [
    'project_update_failed.json',
    'project_update',
    {
      topic: 'AWX - Project Update',
      body: 'Project Update: [#2678 AWX - Project Update](http://awx.example.co.uk/#/jobs/project/2678) failed.',
    },
  ],
  [
    'project_update_successful.json',
    'project_update',
    {
      topic: 'AWX - Project Update',
      body: 'Project Update: [#2677 AWX - Project Update](http://awx.example.co.uk/#/jobs/project/2677) was successful.',
    },
  ],
  [
    'system_job_failed.json',
    'system_job',
    {
      topic: 'Cleanup Job Details',
      body: 'System Job: [#2721 Cleanup Job Details](http://awx.example.co.uk/#/jobs/system/2721) failed.',
    },
  ],
  [
    'system_job_successful.json',
    'system_job',
    {
      topic: 'Cleanup Job Details',
      body: 'System Job: [#2721 Cleanup Job Details](http://awx.example.co.uk/#/jobs/system/2721) was successful.',
    },
  ],
];

export const SHARED_FIXTURES = sharedSuite(ansibletowerIntegration, SHARED_CASES);
