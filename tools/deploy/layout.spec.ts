import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DeployLayout, parseSettings } from './layout';

describe('parseSettings', () => {
  it('reads KEY=VALUE lines with comments, export and quotes', () => {
    const text = '# db\nDATABASE_URL=postgresql://u@h/db\n\nexport PORT = 9000\nNAME="Our chat"\n';
    expect(parseSettings(text, 'settings.env')).toEqual({
      DATABASE_URL: 'postgresql://u@h/db',
      PORT: '9000',
      NAME: 'Our chat',
    });
  });

  it('names the file and line of a line it cannot read', () => {
    expect(() => parseSettings('PORT=1\nnot a setting\n', 'settings.env')).toThrow(
      'settings.env:2: expected KEY=VALUE, got "not a setting"',
    );
  });
});

describe('DeployLayout links', () => {
  it('switches current and previous between deployments', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'layout-'));
    try {
      const layout = new DeployLayout(root);
      fs.mkdirSync(layout.deployment('1.0'), { recursive: true });
      fs.mkdirSync(layout.deployment('1.1'), { recursive: true });
      expect(layout.linked('current')).toBeNull();
      layout.setLink('current', layout.deployment('1.0'));
      layout.setLink('current', layout.deployment('1.1'));
      layout.setLink('previous', layout.deployment('1.0'));
      expect(layout.linked('current')).toBe(layout.deployment('1.1'));
      expect(layout.linked('previous')).toBe(layout.deployment('1.0'));
      // Relative links: the installation folder may be moved or mounted elsewhere.
      expect(fs.readlinkSync(path.join(root, 'current'))).toBe(path.join('deployments', '1.1'));
      layout.setLink('previous', null);
      expect(layout.linked('previous')).toBeNull();
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
