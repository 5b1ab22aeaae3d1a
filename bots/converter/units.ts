/** Units the converter knows: each converts to its category's base unit as (value + offset) * factor. */
export interface UnitDefinition {
  name: string;
  category: string;
  factor: number;
  offset?: number;
  /** Accepts metric and binary prefixes (kilometer, milligram, kibibyte). */
  prefixable?: boolean;
  aliases?: string[];
}

const UNITS: UnitDefinition[] = [
  // length, base meter
  { name: 'meter', category: 'length', factor: 1, prefixable: true, aliases: ['metre', 'm'] },
  { name: 'inch', category: 'length', factor: 0.0254, aliases: ['inches', 'in'] },
  { name: 'foot', category: 'length', factor: 0.3048, aliases: ['feet', 'ft'] },
  { name: 'yard', category: 'length', factor: 0.9144, aliases: ['yd'] },
  { name: 'mile', category: 'length', factor: 1609.344, aliases: ['mi'] },
  { name: 'nautical-mile', category: 'length', factor: 1852, aliases: ['nmi'] },
  { name: 'astronomical-unit', category: 'length', factor: 149597870700, aliases: ['au'] },
  { name: 'light-year', category: 'length', factor: 9460730472580800, aliases: ['ly'] },
  // area, base square meter
  { name: 'square-meter', category: 'area', factor: 1, aliases: ['m2'] },
  { name: 'square-kilometer', category: 'area', factor: 1e6, aliases: ['km2'] },
  { name: 'square-centimeter', category: 'area', factor: 1e-4, aliases: ['cm2'] },
  { name: 'square-inch', category: 'area', factor: 0.00064516 },
  { name: 'square-foot', category: 'area', factor: 0.09290304, aliases: ['square-feet'] },
  { name: 'square-yard', category: 'area', factor: 0.83612736 },
  { name: 'square-mile', category: 'area', factor: 2589988.110336 },
  { name: 'acre', category: 'area', factor: 4046.8564224 },
  { name: 'hectare', category: 'area', factor: 10000, aliases: ['ha'] },
  // volume, base cubic meter (US customary liquid measures)
  { name: 'cubic-meter', category: 'volume', factor: 1, aliases: ['m3'] },
  { name: 'cubic-centimeter', category: 'volume', factor: 1e-6, aliases: ['cm3', 'cc'] },
  { name: 'liter', category: 'volume', factor: 0.001, prefixable: true, aliases: ['litre', 'l'] },
  { name: 'cubic-inch', category: 'volume', factor: 0.000016387064 },
  { name: 'cubic-foot', category: 'volume', factor: 0.028316846592, aliases: ['cubic-feet'] },
  { name: 'cubic-yard', category: 'volume', factor: 0.764554857984 },
  { name: 'teaspoon', category: 'volume', factor: 0.00000492892159375, aliases: ['tsp'] },
  { name: 'tablespoon', category: 'volume', factor: 0.00001478676478125, aliases: ['tbsp'] },
  { name: 'fluid-ounce', category: 'volume', factor: 0.0000295735295625, aliases: ['floz'] },
  { name: 'cup', category: 'volume', factor: 0.0002365882365 },
  { name: 'pint', category: 'volume', factor: 0.000473176473, aliases: ['pt'] },
  { name: 'quart', category: 'volume', factor: 0.000946352946, aliases: ['qt'] },
  { name: 'gallon', category: 'volume', factor: 0.003785411784, aliases: ['gal'] },
  // mass, base gram
  { name: 'gram', category: 'mass', factor: 1, prefixable: true, aliases: ['gramme', 'g'] },
  { name: 'tonne', category: 'mass', factor: 1e6, aliases: ['metric-ton', 't'] },
  { name: 'ounce', category: 'mass', factor: 28.349523125, aliases: ['oz'] },
  { name: 'pound', category: 'mass', factor: 453.59237, aliases: ['lb', 'lbs'] },
  { name: 'stone', category: 'mass', factor: 6350.29318, aliases: ['st'] },
  { name: 'short-ton', category: 'mass', factor: 907184.74 },
  { name: 'long-ton', category: 'mass', factor: 1016046.9088 },
  // temperature, base kelvin
  { name: 'kelvin', category: 'temperature', factor: 1, prefixable: true, aliases: ['k'] },
  { name: 'celsius', category: 'temperature', factor: 1, offset: 273.15, aliases: ['c'] },
  { name: 'fahrenheit', category: 'temperature', factor: 5 / 9, offset: 459.67, aliases: ['f'] },
  { name: 'rankine', category: 'temperature', factor: 5 / 9 },
  // time, base second (a year is the Julian year of 365.25 days)
  { name: 'second', category: 'time', factor: 1, prefixable: true, aliases: ['sec', 's'] },
  { name: 'minute', category: 'time', factor: 60, aliases: ['min'] },
  { name: 'hour', category: 'time', factor: 3600, aliases: ['hr', 'h'] },
  { name: 'day', category: 'time', factor: 86400, aliases: ['d'] },
  { name: 'week', category: 'time', factor: 604800, aliases: ['wk'] },
  { name: 'year', category: 'time', factor: 31557600, aliases: ['yr'] },
  // speed, base meter per second
  { name: 'meter-per-second', category: 'speed', factor: 1, aliases: ['m/s'] },
  { name: 'kilometer-per-hour', category: 'speed', factor: 1 / 3.6, aliases: ['km/h', 'kmh'] },
  { name: 'mile-per-hour', category: 'speed', factor: 0.44704, aliases: ['mph'] },
  { name: 'knot', category: 'speed', factor: 1852 / 3600, aliases: ['kn'] },
  // energy, base joule
  { name: 'joule', category: 'energy', factor: 1, prefixable: true, aliases: ['j'] },
  { name: 'calorie', category: 'energy', factor: 4.184, prefixable: true, aliases: ['cal'] },
  { name: 'watt-hour', category: 'energy', factor: 3600, prefixable: true, aliases: ['wh'] },
  { name: 'electronvolt', category: 'energy', factor: 1.602176634e-19, prefixable: true },
  { name: 'btu', category: 'energy', factor: 1055.05585262 },
  // pressure, base pascal
  { name: 'pascal', category: 'pressure', factor: 1, prefixable: true, aliases: ['pa'] },
  { name: 'bar', category: 'pressure', factor: 100000, prefixable: true },
  { name: 'atmosphere', category: 'pressure', factor: 101325, aliases: ['atm'] },
  { name: 'psi', category: 'pressure', factor: 6894.757293168361 },
  // digital information, base bit
  { name: 'bit', category: 'information', factor: 1, prefixable: true },
  { name: 'byte', category: 'information', factor: 8, prefixable: true, aliases: ['b'] },
];

/** Metric and binary prefixes, as multipliers. */
const PREFIXES: Record<string, number> = {
  yotta: 1e24,
  zetta: 1e21,
  exa: 1e18,
  peta: 1e15,
  tera: 1e12,
  giga: 1e9,
  mega: 1e6,
  kilo: 1e3,
  hecto: 1e2,
  deca: 1e1,
  deka: 1e1,
  deci: 1e-1,
  centi: 1e-2,
  milli: 1e-3,
  micro: 1e-6,
  nano: 1e-9,
  pico: 1e-12,
  femto: 1e-15,
  atto: 1e-18,
  kibi: 2 ** 10,
  mebi: 2 ** 20,
  gibi: 2 ** 30,
  tebi: 2 ** 40,
  pebi: 2 ** 50,
};

/** Short forms that people type: "km", "mg", "ms", "kb". */
const PREFIXED_ABBREVIATIONS: Record<string, string> = {
  km: 'kilometer',
  cm: 'centimeter',
  mm: 'millimeter',
  kg: 'kilogram',
  mg: 'milligram',
  ml: 'milliliter',
  ms: 'millisecond',
  kj: 'kilojoule',
  kcal: 'kilocalorie',
  kwh: 'kilowatt-hour',
  kpa: 'kilopascal',
  kb: 'kilobyte',
  mb: 'megabyte',
  gb: 'gigabyte',
  tb: 'terabyte',
  kib: 'kibibyte',
  mib: 'mebibyte',
  gib: 'gibibyte',
};

const BY_NAME = new Map<string, UnitDefinition>();
for (const unit of UNITS) {
  BY_NAME.set(unit.name, unit);
  for (const alias of unit.aliases ?? []) BY_NAME.set(alias, unit);
}

export interface ResolvedUnit {
  unit: UnitDefinition;
  /** The prefix multiplier (1 without a prefix). */
  scale: number;
}

function withoutPlural(word: string): string[] {
  const forms = [word];
  if (word.endsWith('es')) forms.push(word.slice(0, -2));
  if (word.endsWith('s')) forms.push(word.slice(0, -1));
  // "meters-per-second", "miles-per-hour"
  forms.push(word.replace(/s-per-/, '-per-'));
  return forms;
}

function resolveUnprefixed(word: string): UnitDefinition | undefined {
  for (const form of withoutPlural(word)) {
    const unit = BY_NAME.get(form);
    if (unit) return unit;
  }
  return undefined;
}

/** The unit a word names ("kilometers", "kilo-meter", "km", "°F" is not supported), or undefined. */
export function resolveUnit(input: string): ResolvedUnit | undefined {
  const word = input.toLowerCase();
  const direct = resolveUnprefixed(word);
  if (direct) return { unit: direct, scale: 1 };
  const expanded = PREFIXED_ABBREVIATIONS[word];
  if (expanded) return resolveUnit(expanded);
  for (const [prefix, scale] of Object.entries(PREFIXES)) {
    if (!word.startsWith(prefix)) continue;
    const rest = word.slice(prefix.length).replace(/^-/, '');
    const unit = resolveUnprefixed(rest);
    if (unit?.prefixable) return { unit, scale };
  }
  return undefined;
}

export function convert(value: number, from: ResolvedUnit, to: ResolvedUnit): number {
  const base = (value * from.scale + (from.unit.offset ?? 0)) * from.unit.factor;
  return (base / to.unit.factor - (to.unit.offset ?? 0)) / to.scale;
}

/** Categories and their units, for the help text. */
export function unitsByCategory(): Map<string, string[]> {
  const categories = new Map<string, string[]>();
  for (const unit of UNITS) {
    const names = categories.get(unit.category) ?? [];
    names.push(unit.prefixable ? `${unit.name}*` : unit.name);
    categories.set(unit.category, names);
  }
  return categories;
}

export const PREFIX_NAMES = Object.keys(PREFIXES);
