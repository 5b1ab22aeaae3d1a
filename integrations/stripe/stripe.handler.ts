import { defineIntegration, EventHandler, WebhookEvent } from '../core/define';
import type { Payload } from '../core/payload';
import { link, timeMention, utcTime } from '../core/text';
import { stripeSignature } from '../core/verify';

/**
 * Stripe's webhook events: `type` (`charge.succeeded`, `customer.subscription.updated`, ...) and
 * the object under `data.object`, with what changed under `data.previous_attributes`. The topic is
 * the customer's id when the object belongs to one (so a customer's history stays together), else
 * the kind ("charges", "disputes", "refunds"), as Zulip does. Every object is linked to the
 * Stripe dashboard.
 */
const DASHBOARD = 'https://dashboard.stripe.com';
/** Currencies Stripe counts in whole units (no cents). */
const ZERO_DECIMAL = new Set(
  'bif clp djf gnf jpy kmf krw mga pyg rwf ugx vnd vuv xaf xof xpf'.split(' '),
);

const object = (e: WebhookEvent) => e.payload.obj('data.object');
const dashboard = (resource: string, id: string) => `${DASHBOARD}/${resource}/${id}`;

/** "$1.00", "1.00 AUD", "1000 JPY". */
export function amountText(amount: number, currency: string): string {
  const code = currency.toLowerCase();
  if (ZERO_DECIMAL.has(code)) return `${amount} ${code.toUpperCase()}`;
  const value = (amount / 100).toLocaleString('en-US', {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  return code === 'usd' ? `$${value}` : `${value} ${code.toUpperCase()}`;
}

/** The customer an object belongs to (a customer is its own), else the kind of object. */
function topicOf(e: WebhookEvent, fallback: string): string {
  const o = object(e);
  if (o.optStr('object') === 'customer') return o.str('id');
  return o.optStr('customer') ?? fallback;
}

/** Fields whose values are times (seconds since the epoch). */
const TIME_FIELDS = /(_at|_end|_start|^start|_anchor|_date|^created)$/;

/** "* Status is now trialing" for each changed field with a plain value (nested ones are skipped). */
function changes(e: WebhookEvent): string[] {
  const previous = e.payload.optObj('data.previous_attributes');
  if (!previous) return [];
  const o = object(e);
  return previous.keys().flatMap((key) => {
    const value = (o.raw as Record<string, unknown>)[key];
    if (value === null || value === undefined || typeof value === 'object') return [];
    const label = key.charAt(0).toUpperCase() + key.slice(1).replace(/_/g, ' ');
    const shown =
      typeof value === 'number' && TIME_FIELDS.test(key)
        ? utcTime(value * 1000)
        : typeof value === 'string' && /^https?:\/\//.test(value)
          ? link('link', value)
          : String(value);
    return [`${label} is now ${shown}`];
  });
}

/** "[Charge](…) for 1.00 AUD succeeded"; ACH payments (`py_`) are Payments. */
function charge(verb: string): EventHandler {
  return (e) => {
    const o = object(e);
    const id = o.str('id');
    const payment = id.startsWith('py_');
    return e.message(topicOf(e, 'charges'), 'line', {
      item: link(payment ? 'Payment' : 'Charge', dashboard(payment ? 'payments' : 'charges', id)),
      text: `for ${amountText(o.num('amount'), o.str('currency'))} ${verb}`,
    });
  };
}

function dispute(verb: string): EventHandler {
  return (e) => {
    const o = object(e);
    return e.message('disputes', 'line', {
      item: link('Dispute', dashboard('disputes', o.str('id'))),
      text: `${verb}. Current status: ${o.str('status').replace(/_/g, ' ')}.`,
    });
  };
}

function refund(e: WebhookEvent) {
  const o = object(e);
  const failure = o.optStr('failure_reason');
  return e.message(o.optStr('charge') ?? 'refunds', 'line', {
    item: link('Refund', dashboard('refunds', o.str('id'))),
    text: `for ${amountText(o.num('amount'), o.str('currency'))} updated. Status: ${o.str('status')}${failure ? ` (${failure.replace(/_/g, ' ')})` : ''}.`,
  });
}

/** "[Customer](…) created", with the changed fields or details below. */
function item(
  resource: string,
  label: string,
  verb: string,
  details: (o: Payload, e: WebhookEvent) => string[] = () => [],
): EventHandler {
  return (e) => {
    const o = object(e);
    return e.message(topicOf(e, resource), 'item', {
      item: link(label, dashboard(resource, o.str('id'))),
      verb,
      details: details(o, e),
      changes: changes(e),
    });
  };
}

const customerDetails = (o: Payload) => {
  const email = o.optStr('email');
  return email ? [`Email: ${email}`] : [];
};

const subscriptionDetails = (o: Payload) => {
  const plan = o.optObj('plan');
  const method = o.optStr('collection_method') ?? o.optStr('billing');
  return [
    ...(plan
      ? [
          `Plan: ${link(plan.optStr('nickname') ?? plan.str('id'), dashboard('plans', plan.str('id')))}`,
        ]
      : []),
    ...(o.optNum('quantity') === null ? [] : [`Quantity: ${o.num('quantity')}`]),
    ...(method ? [`Billing method: ${method.replace(/_/g, ' ')}`] : []),
  ];
};

const invoiceDetails = (o: Payload) => {
  const total = o.optNum('total');
  return total === null
    ? []
    : [`Total: ${amountText(total, o.str('currency'))}`, `Status: ${o.str('status')}`];
};

const invoiceItemDetails = (o: Payload) => [
  `Amount: ${amountText(o.num('amount'), o.str('currency'))}`,
];

function trialWillEnd(e: WebhookEvent) {
  const o = object(e);
  return e.message(topicOf(e, 'subscriptions'), 'line', {
    item: link('Subscription', dashboard('subscriptions', o.str('id'))),
    text: `trial will end ${timeMention(o.num('trial_end') * 1000)}`,
  });
}

function discount(e: WebhookEvent) {
  const coupon = object(e).obj('coupon');
  return e.message(topicOf(e, 'discounts'), 'discount', {
    coupon: link(coupon.optStr('name') ?? coupon.str('id'), dashboard('coupons', coupon.str('id'))),
  });
}

/** account.updated: what changed; nothing when Stripe says nothing changed. */
function accountUpdated(e: WebhookEvent) {
  const lines = changes(e);
  if (lines.length === 0) return null;
  const o = object(e);
  return e.message('accounts', 'item', {
    item: link('Account', dashboard('connect/accounts', o.str('id'))),
    verb: 'updated',
    details: [],
    changes: lines,
  });
}

export const stripeIntegration = defineIntegration({
  name: 'stripe',
  displayName: 'Stripe',
  category: 'other',
  eventField: 'type',
  events: {
    'account.updated': accountUpdated,
    'charge.captured': charge('captured'),
    'charge.failed': charge('failed'),
    'charge.refunded': charge('refunded'),
    'charge.succeeded': charge('succeeded'),
    'charge.dispute.closed': dispute('closed'),
    'charge.dispute.created': dispute('created'),
    'charge.dispute.updated': dispute('updated'),
    'charge.refund.updated': refund,
    'customer.created': item('customers', 'Customer', 'created', customerDetails),
    'customer.deleted': item('customers', 'Customer', 'deleted'),
    'customer.updated': item('customers', 'Customer', 'updated'),
    'customer.discount.created': discount,
    'customer.subscription.created': item(
      'subscriptions',
      'Subscription',
      'created',
      subscriptionDetails,
    ),
    'customer.subscription.deleted': item('subscriptions', 'Subscription', 'deleted'),
    'customer.subscription.updated': item('subscriptions', 'Subscription', 'updated'),
    'customer.subscription.trial_will_end': trialWillEnd,
    'invoice.created': item('invoices', 'Invoice', 'created', invoiceDetails),
    'invoice.deleted': item('invoices', 'Invoice', 'deleted'),
    'invoice.payment_failed': item('invoices', 'Invoice', 'payment failed'),
    'invoice.payment_succeeded': item('invoices', 'Invoice', 'paid'),
    'invoice.updated': item('invoices', 'Invoice', 'updated'),
    'invoiceitem.created': item('invoiceitems', 'Invoice item', 'created', invoiceItemDetails),
    'invoiceitem.deleted': item('invoiceitems', 'Invoice item', 'deleted'),
    'invoiceitem.updated': item('invoiceitems', 'Invoice item', 'updated'),
  },
  verify: stripeSignature('Stripe-Signature'),
});
