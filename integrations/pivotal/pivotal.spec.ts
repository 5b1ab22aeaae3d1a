import { dispatchWebhook } from '../core/dispatch';
import { AnomalousPayloadError } from '../core/payload';
import { deliverWith, describeFixtures, requestInput, webhookInput } from '../core/testing';
import { SHARED_FIXTURES } from './pivotal.expectations';
import { pivotalIntegration as pivotal } from './pivotal.handler';

describeFixtures('Pivotal Tracker on the captured fixtures in ../shared', SHARED_FIXTURES);

const xml = (body: string) => requestInput({ headers: {}, contentType: 'application/xml', body });

describe('Pivotal Tracker', () => {
  it('reads a v3 XML activity as the gateway parses it', () => {
    const input = xml(
      '<?xml version="1.0"?><activity><event_type>note_create</event_type><project_id>9</project_id>' +
        '<description>Ada added comment: &quot;Ship it&quot;</description>' +
        '<stories><story><id>4</id></story></stories></activity>',
    );
    expect(deliverWith(pivotal)(input)).toEqual({
      event: 'note_create_v3',
      message: {
        topic: 'Comment added',
        body: 'Ada added comment: "Ship it" [(view)](https://www.pivotaltracker.com/s/projects/9/stories/4).',
      },
    });
  });

  it('answers other v3 event types and v5 kinds as unsupported', () => {
    expect(
      dispatchWebhook(pivotal, xml('<activity><event_type>x</event_type></activity>')),
    ).toEqual({ kind: 'unsupported', event: 'x_v3' });
    expect(dispatchWebhook(pivotal, webhookInput({ kind: 'project_update_activity' }))).toEqual({
      kind: 'unsupported',
      event: 'project_update_activity_v5',
    });
  });

  it('refuses a v5 activity without its story as anomalous', () => {
    const input = webhookInput({
      kind: 'story_move_activity',
      project: { id: 1, name: 'Hub' },
      primary_resources: [],
    });
    expect(() => deliverWith(pivotal)(input)).toThrow(AnomalousPayloadError);
  });
});
