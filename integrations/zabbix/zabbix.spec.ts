import { describeFixtures } from '../core/testing';
import { SHARED_FIXTURES } from './zabbix.expectations';
import { zabbixIntegration as zabbix } from './zabbix.handler';

describeFixtures('Zabbix on the captured fixtures in ../shared', SHARED_FIXTURES);

describe('Zabbix', () => {
  it('has one event, alert, read from the payload', () => {
    expect(Object.keys(zabbix.events)).toEqual(['alert']);
    expect(zabbix.eventHeader).toBeUndefined();
  });
});
