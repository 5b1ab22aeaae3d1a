import { FixtureCase, sharedSuite } from '../core/testing';
import { opbeatIntegration } from './opbeat.handler';

/**
 * What the gateway posts for each captured payload in ../shared/fixtures/webhooks/opbeat:
 * [fixture file, event name, message (null: recognised, nothing posted; or a refusal)].
 */
const SHARED_CASES: FixtureCase[] = [
  [
    'error_fixed.json',
    'errorgroup',
    {
      topic: 'foo marked E#2 as fixed',
      body: '**[foo marked E#2 as fixed](https://opbeat.com/test_org/test-flask-app/errors/2/#activity-bf991a45d9184b0ca6fb3d48d3db4c38)**\nfoo marked the error group as fixed\n\n**[E#2](https://opbeat.com/test_org/test-flask-app/errors/2/)**\n\n**Most recent Occurrence**\n>in app.py\n>A warning occurred (42 apples)',
    },
  ],
  [
    'error_reopen.json',
    'errorgroup',
    {
      topic: 'foo reopened E#2',
      body: '**[foo reopened E#2](https://opbeat.com/test_org/test-flask-app/errors/2/#activity-38a556dfc0b04a59a586359bbce1463d)**\nfoo reopened the error group\n\n**[E#2](https://opbeat.com/test_org/test-flask-app/errors/2/)**\n\n**Most recent Occurrence**\n>in app.py\n>A warning occurred (42 apples)',
    },
  ],
  [
    'new_app.json',
    'app',
    {
      topic: 'foo',
      body: '**foo**\nApp foo created\n\n**[foo](https://opbeat.com/bar/foo/)**\n>language: nodejs\n>framework: custom',
    },
  ],
  [
    'new_comment.json',
    'comment',
    {
      topic: 'foo commented on E#2',
      body: '**[foo commented on E#2](https://opbeat.com/foo/test-flask-app/errors/2/#activity-5df00003ea4e42458db48446692f6d37)**\ntest comment\n\n**[E#2](https://opbeat.com/foo/test-flask-app/errors/2/)**\n\n**Most recent Occurrence**\n>in app.py\n>A warning occurred (42 apples)',
    },
  ],
  [
    'new_error.json',
    'errorgroup',
    {
      topic: 'E#2 regressed',
      body: '**[E#2 regressed](https://opbeat.com/test_org/test-flask-app/errors/2/#activity-c0396f38323a4fa7b314f87d5ed9cdd2)**\nThe error group regressed\n\n**[E#2](https://opbeat.com/test_org/test-flask-app/errors/2/)**\n\n**Most recent Occurrence**\n>in app.py\n>A warning occurred (42 apples)',
    },
  ],
  [
    'unsupported_object.json',
    'other',
    { topic: 'test title', body: '**test title**\ntest summary' },
  ],
];

export const SHARED_FIXTURES = sharedSuite(opbeatIntegration, SHARED_CASES);
