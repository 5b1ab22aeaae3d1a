import { FixtureCase, sharedSuite } from '../core/testing';
import { gocdIntegration } from './gocd.handler';

/**
 * What the gateway posts for each captured payload in ../shared/fixtures/webhooks/gocd:
 * [fixture file, event name, message (null: recognised, nothing posted)].
 */
const SHARED_CASES: FixtureCase[] = [
  ['build_details.json', 'build_details', null /* ignored */],
  [
    'pipeline.json',
    'pipeline',
    {
      topic: 'https://github.com/gocd/gocd',
      body: 'Author: Balaji B <balaji@example.com>\nBuild status: Passed :thumbs_up:\nDetails: pipeline PipelineName (`14.1.0.1-b14a81825d081411993853ea5ea45266ced578b4`)\nComment: my hola mundo changes',
    },
  ],
  [
    'pipeline_failed.json',
    'pipeline',
    {
      topic: 'https://github.com/gocd/gocd',
      body: 'Author: User Name <username123@example.com>\nBuild status: Failed :thumbs_down:\nDetails: pipeline PipelineName (`6`)\nComment: my hola mundo changes',
    },
  ],
];

export const SHARED_FIXTURES = sharedSuite(gocdIntegration, SHARED_CASES);
