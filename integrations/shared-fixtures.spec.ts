import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { sharedSuites, uncoveredFixtureFolders } from './core/suites';
import { fixtureFiles, sharedWebhookFixturesRoot } from './core/testing';
import { INTEGRATIONS } from './registry';

/**
 * Every captured payload in ../shared/fixtures/webhooks is someone's expectation: a new folder or
 * file cannot slip by untested (test/gateway/fixtures.e2e-spec.ts then sends each one through the
 * real gateway and server).
 */
const root = sharedWebhookFixturesRoot();
const suites = sharedSuites();

describe('the captured webhook payloads', () => {
  (fs.existsSync(root) ? it : it.skip)('every fixture folder is read by an integration', () => {
    expect(uncoveredFixtureFolders(root, suites)).toEqual([]);
  });

  it('every fixture file has an expectation, and every expectation a file', () => {
    const problems: string[] = [];
    for (const suite of suites.filter((s) => fs.existsSync(s.dir))) {
      const folder = path.basename(suite.dir);
      const covered = new Set(suite.cases.map(([file]) => file));
      const files = fixtureFiles(suite.dir);
      for (const file of files) if (!covered.has(file)) problems.push(`${folder}/${file}: no case`);
      for (const file of covered)
        if (!files.includes(file)) problems.push(`${folder}/${file}: no file`);
    }
    expect(problems).toEqual([]);
  });

  it('every suite belongs to a registered integration', () => {
    const registered = new Set(INTEGRATIONS);
    expect(suites.filter((s) => !registered.has(s.integration)).map((s) => s.dir)).toEqual([]);
  });

  it('names a fixture folder that no suite reads', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fixtures-'));
    try {
      for (const name of ['clubhouse', 'newcomer']) fs.mkdirSync(path.join(tmp, name));
      const clubhouse = suites.find((s) => s.integration.name === 'clubhouse');
      const moved = clubhouse ? [{ ...clubhouse, dir: path.join(tmp, 'clubhouse') }] : [];
      expect(uncoveredFixtureFolders(tmp, moved)).toEqual(['newcomer']);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
