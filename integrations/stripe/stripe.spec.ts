import { createHmac } from 'node:crypto';
import { dispatchWebhook } from '../core/dispatch';
import { describeFixtures, itAppliesEventFilters, webhookInput } from '../core/testing';
import { SHARED_FIXTURES } from './stripe.expectations';
import { amountText, stripeIntegration as stripe } from './stripe.handler';

describeFixtures('Stripe on the captured fixtures in ../shared', SHARED_FIXTURES);

describe('Stripe', () => {
  itAppliesEventFilters(SHARED_FIXTURES, 'charge_failed.json');

  it('answers event types it does not know as unsupported', () => {
    const input = webhookInput({ type: 'payout.paid', data: { object: { id: 'po_1' } } });
    expect(dispatchWebhook(stripe, input)).toEqual({ kind: 'unsupported', event: 'payout.paid' });
  });

  it('writes amounts in dollars, other currencies with their code, zero-decimal ones whole', () => {
    expect(amountText(123456, 'usd')).toBe('$1,234.56');
    expect(amountText(100, 'aud')).toBe('1.00 AUD');
    expect(amountText(1000, 'jpy')).toBe('1000 JPY');
  });

  it('checks Stripe-Signature (t=…,v1=HMAC-SHA256 of "t.body")', () => {
    const rawBody = Buffer.from('{"type":"charge.failed"}');
    const v1 = createHmac('sha256', 'whsec_x').update(`1700000000.${rawBody}`).digest('hex');
    const check = (value: string) => () =>
      stripe.verify?.('whsec_x', { rawBody, headers: { 'stripe-signature': value }, query: {} });
    expect(check(`t=1700000000,v1=${v1}`)).not.toThrow();
    expect(check(`t=1700000000,v1=${'0'.repeat(64)},v1=${v1}`)).not.toThrow();
    expect(check(`t=1700000001,v1=${v1}`)).toThrow('signature mismatch');
    expect(check(`v1=${v1}`)).toThrow('signature mismatch');
  });
});
