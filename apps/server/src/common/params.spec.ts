import { IsArray, IsObject, IsOptional, IsString } from 'class-validator';
import { Json, parseParams } from './params';
import { ZulipError } from './zulip-error';

class ExampleDto {
  @IsOptional() @Json() @IsArray() @IsString({ each: true }) words?: string[];
  @IsOptional() @Json() @IsObject() data?: Record<string, unknown>;
  @IsOptional() @Json({ orString: true }) to?: unknown;
}

function refusal(raw: Record<string, string>): ZulipError {
  try {
    parseParams(ExampleDto, raw);
  } catch (error) {
    if (error instanceof ZulipError) return error;
    throw error;
  }
  throw new Error('accepted');
}

describe('parseParams', () => {
  it('refuses NUL and lone surrogates that JSON escapes hide from the edge', () => {
    const cases: Array<Record<string, string>> = [
      { words: '["ok", "a\\u0000b"]' },
      { words: '["\\ud800"]' },
      { data: '{"nested": {"deeper": ["\\udfff x"]}}' },
      { data: '{"key\\u0000": 1}' },
      { to: '"\\u0000"' },
    ];
    for (const raw of cases) {
      const error = refusal(raw);
      const name = Object.keys(raw)[0];
      expect(error.status).toBe(400);
      expect(error.message).toBe(`Invalid characters in parameter "${name}"`);
      expect(error.extra).toEqual({ var_name: name });
    }
  });

  it('keeps text with paired surrogates (emoji) and plain strings', () => {
    expect(
      parseParams(ExampleDto, { words: '["\\ud83d\\ude00", "café"]', to: 'a@example.com' }),
    ).toMatchObject({ words: ['😀', 'café'], to: 'a@example.com' });
  });

  it('reads a JSON-or-string value as JSON.parse would, or as the string it is', () => {
    const reference = (text: string): unknown => {
      try {
        return JSON.parse(text);
      } catch {
        return text;
      }
    };
    const values = [
      'newest',
      'first_unread',
      'true',
      'false',
      'null ',
      'true\n',
      'trueish',
      'nullable',
      'False',
      '42',
      ' 42',
      '"quoted"',
      '[1,2]',
      '{"a":1}',
      'a@example.com',
      '',
    ];
    for (const to of values) {
      const decoded = reference(to);
      if (decoded === null) continue; // refused: not nullable
      expect({ to, got: parseParams(ExampleDto, { to }).to }).toEqual({ to, got: decoded });
    }
  });
});
