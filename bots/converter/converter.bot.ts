import type { BotContext, BotHandler, BotMessage } from '../framework/types';
import { convert, PREFIX_NAMES, resolveUnit, unitsByCategory } from './units';

const QUICK_HELP = 'Enter `@convert help` for help.';
const COMMAND = '@convert';

/** Six significant digits, without a trailing ".000". */
function formatNumber(value: number): string {
  return String(Number(value.toPrecision(6)));
}

export function helpText(): string {
  const lines = [
    'Converts between units of the same category: `@convert <number> <from-unit> <to-unit>`,',
    'for example `@convert 12 celsius fahrenheit` or `@convert 3.5 kilometers miles`.',
    'Several `@convert` commands may share one message. Units marked * take a prefix',
    `(${PREFIX_NAMES.join(', ')}), written "kilometer" or "kilo-meter".`,
    '',
  ];
  for (const [category, names] of unitsByCategory()) {
    lines.push(`* **${category}**: ${names.join(', ')}`);
  }
  return lines.join('\n');
}

/** One conversion request: three words, or the word "help". */
export function convertWords(words: string[]): string {
  if (words[0] === 'help') return helpText();
  if (words.length < 3) return `Too few arguments given. ${QUICK_HELP}`;
  const [numberWord, fromWord, toWord] = words;
  const value = Number(numberWord.replace(',', '.'));
  if (numberWord === '' || !Number.isFinite(value)) {
    return `\`${numberWord}\` is not a valid number. ${QUICK_HELP}`;
  }
  const from = resolveUnit(fromWord);
  if (!from) return `\`${fromWord}\` is not a valid unit. ${QUICK_HELP}`;
  const to = resolveUnit(toWord);
  if (!to) return `\`${toWord}\` is not a valid unit. ${QUICK_HELP}`;
  if (from.unit.category !== to.unit.category) {
    return (
      `\`${fromWord}\` (${from.unit.category}) and \`${toWord}\` (${to.unit.category}) ` +
      `are not from the same category. ${QUICK_HELP}`
    );
  }
  return `${formatNumber(value)} ${fromWord} = ${formatNumber(convert(value, from, to))} ${toWord}`;
}

/**
 * The conversions a message asks for: the words right after the mention, and after each
 * `@convert` in the message (so "12 celsius fahrenheit" and "@convert 1 mile km" both work).
 */
export function conversionRequests(content: string): string[][] {
  const words = content.split(/\s+/).filter((word) => word !== '');
  const requests: string[][] = [];
  const starts = [0];
  words.forEach((word, index) => {
    if (word.toLowerCase() === COMMAND) starts.push(index + 1);
  });
  starts.forEach((start, position) => {
    const end = position + 1 < starts.length ? starts[position + 1] - 1 : words.length;
    const request = words.slice(start, Math.min(end, start + 3));
    // The text before the first @convert is only a request when it is not empty.
    if (position === 0 && starts.length > 1 && request.length === 0) return;
    requests.push(request);
  });
  return requests;
}

export class ConverterBot implements BotHandler {
  usage(): string {
    return 'Converts units: `@convert 12 celsius fahrenheit`. Send `@convert help` for every unit.';
  }

  async handleMessage(message: BotMessage, ctx: BotContext): Promise<void> {
    const requests = conversionRequests(message.content);
    const results = requests.map((words) => convertWords(words));
    const content =
      results.length === 1
        ? results[0]
        : results.map((result, index) => `${index + 1}. ${result}`).join('\n');
    await ctx.sendReply(message, content);
  }
}

export default ConverterBot;
