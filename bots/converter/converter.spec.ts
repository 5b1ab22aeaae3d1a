import { expectDialog } from '../framework/testing';
import { ConverterBot, helpText } from './converter.bot';
import { resolveUnit } from './units';

const QUICK = 'Enter `@convert help` for help.';

describe('converter bot', () => {
  it('converts within each category', async () => {
    await expectDialog(new ConverterBot(), [
      ['@convert 12 celsius fahrenheit', '12 celsius = 53.6 fahrenheit'],
      ['@convert 212 fahrenheit kelvin', '212 fahrenheit = 373.15 kelvin'],
      ['@convert 1 mile kilometers', '1 mile = 1.60934 kilometers'],
      ['@convert 3 feet cm', '3 feet = 91.44 cm'],
      ['@convert 2.5 kg pounds', '2.5 kg = 5.51156 pounds'],
      ['@convert 90 minutes hours', '90 minutes = 1.5 hours'],
      ['@convert 1 gallon liters', '1 gallon = 3.78541 liters'],
      ['@convert 1 acre square-meter', '1 acre = 4046.86 square-meter'],
      ['@convert 100 km/h mph', '100 km/h = 62.1371 mph'],
      ['@convert 1 kibibyte bit', '1 kibibyte = 8192 bit'],
      ['@convert 1 kilo-calorie joule', '1 kilo-calorie = 4184 joule'],
    ]);
  });

  it('works without the @convert word and with several commands in one message', async () => {
    await expectDialog(new ConverterBot(), [
      ['10 m ft', '10 m = 32.8084 ft'],
      [
        '@convert 0 celsius kelvin and @convert 1 day hours',
        '1. 0 celsius = 273.15 kelvin\n2. 1 day = 24 hours',
      ],
    ]);
  });

  it('explains bad input', async () => {
    await expectDialog(new ConverterBot(), [
      ['@convert 12 celsius', `Too few arguments given. ${QUICK}`],
      ['', `Too few arguments given. ${QUICK}`],
      ['@convert twelve celsius kelvin', `\`twelve\` is not a valid number. ${QUICK}`],
      ['@convert 12 parsec meter', `\`parsec\` is not a valid unit. ${QUICK}`],
      ['@convert 12 meter smoot', `\`smoot\` is not a valid unit. ${QUICK}`],
      [
        '@convert 1 meter gram',
        `\`meter\` (length) and \`gram\` (mass) are not from the same category. ${QUICK}`,
      ],
      ['@convert help', helpText()],
    ]);
  });

  it('lists every category in the help', () => {
    for (const category of [
      'length',
      'area',
      'volume',
      'mass',
      'temperature',
      'time',
      'speed',
      'energy',
    ]) {
      expect(helpText()).toContain(`**${category}**`);
    }
  });

  it('does not put prefixes on units that take none', () => {
    expect(resolveUnit('kilofoot')).toBeUndefined();
    expect(resolveUnit('kilometers')).toMatchObject({ scale: 1000, unit: { name: 'meter' } });
  });
});
