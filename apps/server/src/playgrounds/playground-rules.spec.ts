import { checkPlayground } from './playground-rules';

const ok = {
  name: 'Python',
  pygments_language: 'Python',
  url_template: 'https://py.dev/?c={code}',
};

describe('checkPlayground', () => {
  it('accepts a name, a language and a template of code', () => {
    expect(checkPlayground({ ...ok, name: ' Python ' })).toEqual(ok);
    expect(checkPlayground({ ...ok, pygments_language: 'c++' }).pygments_language).toBe('c++');
  });

  it('refuses what Zulip refuses', () => {
    expect(() => checkPlayground({ ...ok, name: ' ' })).toThrow('Name cannot be blank.');
    expect(() => checkPlayground({ ...ok, pygments_language: 'py<script>' })).toThrow(
      'Invalid characters in pygments language',
    );
    expect(() => checkPlayground({ ...ok, url_template: 'javascript:{code}' })).toThrow(
      'Invalid URL template.',
    );
    expect(() => checkPlayground({ ...ok, url_template: 'https://py.dev/?c={snippet}' })).toThrow(
      '"code" should be the only variable',
    );
    expect(() => checkPlayground({ ...ok, url_template: 'https://py.dev/' })).toThrow(
      '"code" should be the only variable',
    );
  });
});
