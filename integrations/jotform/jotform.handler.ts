import { defineIntegration, post } from '../core/define';

/**
 * Jotform's form-submission webhook: `formTitle` and `pretty` ("Name:Jane, Address:..."), the
 * answers as one line. Topic: the form's title; body: one bullet per answer, as Zulip does.
 */
function answers(pretty: string): Array<{ question: string; answer: string }> {
  return pretty
    .split(', ')
    .filter((part) => part.includes(':'))
    .map((part) => {
      const colon = part.indexOf(':');
      return { question: part.slice(0, colon).trim(), answer: part.slice(colon + 1).trim() };
    });
}

export const jotformIntegration = defineIntegration({
  name: 'jotform',
  displayName: 'Jotform',
  category: 'other',
  eventName: () => 'submission',
  events: {
    submission: post(
      (e) => e.payload.str('formTitle'),
      'submission',
      (e) => ({ answers: answers(e.payload.str('pretty')) }),
    ),
  },
});
