import { parseUploadPath } from './upload-paths';

describe('parseUploadPath', () => {
  it('splits the realm id from the rest and decodes each segment', () => {
    expect(parseUploadPath('2/AbC_-x/Gr%C3%BC%C3%9Fe.txt')).toEqual({
      realmId: 2,
      pathId: 'AbC_-x/Grüße.txt',
    });
  });

  it('refuses anything that is not <realm id>/<path>, or that climbs out', () => {
    for (const bad of [
      '',
      'x/a/b.txt',
      '2',
      '2/',
      '2/../../etc/passwd',
      '2/a/%2e%2e/b',
      '2/a//b',
      '2/%E0%A4%A',
    ]) {
      expect(parseUploadPath(bad)).toBeNull();
    }
  });
});
