import { FixtureCase as Case, sharedSuite } from '../core/testing';
import { travisIntegration } from './travis.handler';

/**
 * What the gateway posts for each captured payload in ../shared/fixtures/webhooks/travis:
 * [fixture file, event name, message (null: recognised, nothing posted)].
 */
const SHARED_CASES: Case[] = [
  [
    'build.json',
    'push',
    {
      topic: 'builds',
      body: 'Author: josh_mandel\nBuild status: Passed :thumbs_up:\nDetails: [changes](https://github.com/hl7-fhir/fhir-svn/compare/6dccb98bcfd9...6c457d366a31), [build log](https://travis-ci.org/hl7-fhir/fhir-svn/builds/92495257)',
    },
  ],
  ['pull_request.json', 'pull_request', null],
];

export const SHARED_FIXTURES = sharedSuite(travisIntegration, SHARED_CASES, {
  wire: 'form-payload',
});
