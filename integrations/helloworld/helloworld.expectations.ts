import { FixtureCase, sharedSuite } from '../core/testing';
import { helloworldIntegration } from './helloworld.handler';

const hello = (title: string, url: string) => ({
  topic: 'Hello World',
  body: `Hello! I am happy to be here! :smile:\nThe Wikipedia featured article for today is **[${title}](${url})**`,
});

/** What each captured payload in ../shared/fixtures/webhooks/helloworld posts (Zulip's texts). */
const SHARED_CASES: FixtureCase[] = [
  ['goodbye.json', 'hello', hello('Goodbye', 'https://en.wikipedia.org/wiki/Goodbye')],
  ['hello.json', 'hello', hello('Marilyn Monroe', 'https://en.wikipedia.org/wiki/Marilyn_Monroe')],
];

export const SHARED_FIXTURES = sharedSuite(helloworldIntegration, SHARED_CASES);
