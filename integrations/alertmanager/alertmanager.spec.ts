import { dispatchWebhook } from '../core/dispatch';
import { deliverFixture, describeFixtures, loadFixture, webhookInput } from '../core/testing';
import { SHARED_FIXTURES } from './alertmanager.expectations';
import { alertmanagerIntegration as alertmanager } from './alertmanager.handler';

describeFixtures('Alertmanager on the captured fixtures in ../shared', SHARED_FIXTURES);

const GRAPH =
  'http://cobalt:9090/graph?g0.expr=avg+by%28host%29+%28sensors_temp_input%7Bfeature%3D~%22core_%5B0-9%5D%2B%22%7D%29+%3E+15&g0.tab=0';

describe('Alertmanager', () => {
  it('names and describes alerts by the labels or annotations the URL picks', () => {
    const options = { name: 'topic', desc: 'description' };
    expect(deliverFixture(SHARED_FIXTURES, 'alert.json', { options })).toEqual({
      event: 'firing',
      message: {
        topic: 'andromeda',
        body: `:alert: **FIRING**\n* CPU core temperature is 34.75C ([graph](${GRAPH}))\n* CPU core temperature is 17.625C ([graph](${GRAPH}))`,
      },
    });
  });

  it('names each group when a delivery holds alerts of several names', () => {
    const payload = loadFixture(SHARED_FIXTURES.dir, 'alert.json') as {
      alerts: Array<{ labels: Record<string, string>; status: string }>;
    };
    payload.alerts[1].labels.host = 'cassiopeia';
    payload.alerts[1].status = 'resolved';
    const outcome = dispatchWebhook(alertmanager, webhookInput(payload, { name: 'host' }));
    expect(outcome).toEqual({
      kind: 'message',
      event: 'firing',
      message: {
        topic: 'andromeda',
        body: `**andromeda**: :alert: **FIRING** High CPU Temperature ([graph](${GRAPH}))\n\n**cassiopeia**: :squared_ok: **Resolved** High CPU Temperature ([graph](${GRAPH}))`,
      },
    });
  });
});
