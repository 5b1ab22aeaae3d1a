import { IsInt, IsString, registerDecorator, validateSync } from 'class-validator';
import { memoizeValidationMetadata } from './validation-metadata';

describe('memoizeValidationMetadata', () => {
  beforeAll(() => memoizeValidationMetadata());

  class Base {
    @IsInt()
    n: unknown;
  }

  const failing = (object: object) => validateSync(object).map((e) => e.property);

  it('validates with the same rules as before, inherited ones included', () => {
    expect(failing(Object.assign(new Base(), { n: 'x' }))).toEqual(['n']);
    expect(failing(Object.assign(new Base(), { n: 1 }))).toEqual([]);
    class Child extends Base {
      @IsString()
      s: unknown;
    }
    expect(failing(Object.assign(new Child(), { n: 'x', s: 2 })).sort()).toEqual(['n', 's']);
    expect(failing(Object.assign(new Base(), { n: 1, s: 2 }))).toEqual([]);
  });

  it('sees a rule added after the class was validated', () => {
    expect(failing(Object.assign(new Base(), { n: 1, later: 'no' }))).toEqual([]);
    registerDecorator({
      target: Base,
      propertyName: 'later',
      validator: { validate: (value: unknown) => value === 'yes' },
    });
    expect(failing(Object.assign(new Base(), { n: 1, later: 'no' }))).toEqual(['later']);
    expect(failing(Object.assign(new Base(), { n: 1, later: 'yes' }))).toEqual([]);
  });
});
