import { FixtureCase, sharedSuite } from '../core/testing';
import { stripeIntegration } from './stripe.handler';

/**
 * What each captured payload in ../shared/fixtures/webhooks/stripe posts: Zulip's texts, with
 * times as "2019-11-01 12:00:00 UTC" (or a <time:> mention for a deadline) and refunds, invoices
 * and invoice items described.
 */
const SHARED_CASES: FixtureCase[] = [
  ['account_updated_without_previous_attributes.json', 'account.updated', null],
  [
    'charge_dispute_closed.json',
    'charge.dispute.closed',
    {
      topic: 'disputes',
      body: '[Dispute](https://dashboard.stripe.com/disputes/dp_00000000000000) closed. Current status: won.',
    },
  ],
  [
    'charge_dispute_created.json',
    'charge.dispute.created',
    {
      topic: 'disputes',
      body: '[Dispute](https://dashboard.stripe.com/disputes/dp_00000000000000) created. Current status: needs response.',
    },
  ],
  [
    'charge_failed.json',
    'charge.failed',
    {
      topic: 'charges',
      body: '[Charge](https://dashboard.stripe.com/charges/ch_00000000000000) for 1.00 AUD failed',
    },
  ],
  [
    'charge_succeeded__card.json',
    'charge.succeeded',
    {
      topic: 'cus_00000000000000',
      body: '[Charge](https://dashboard.stripe.com/charges/ch_000000000000000000000000) for 1.00 AUD succeeded',
    },
  ],
  [
    'charge_succeeded__invoice.json',
    'charge.succeeded',
    {
      topic: 'cus_00000000000000',
      body: '[Payment](https://dashboard.stripe.com/payments/py_000000000000000000000000) for $1.00 succeeded',
    },
  ],
  [
    'customer_created.json',
    'customer.created',
    {
      topic: 'cus_00000000000000',
      body: '[Customer](https://dashboard.stripe.com/customers/cus_00000000000000) created',
    },
  ],
  [
    'customer_created_email.json',
    'customer.created',
    {
      topic: 'cus_00000000000000',
      body: '[Customer](https://dashboard.stripe.com/customers/cus_00000000000000) created\nEmail: example@abc.com',
    },
  ],
  [
    'customer_deleted.json',
    'customer.deleted',
    {
      topic: 'cus_00000000000000',
      body: '[Customer](https://dashboard.stripe.com/customers/cus_00000000000000) deleted',
    },
  ],
  [
    'customer_discount_created.json',
    'customer.discount.created',
    {
      topic: 'cus_00000000000000',
      body: 'Discount created ([25.5% off](https://dashboard.stripe.com/coupons/25_00000000000000)).',
    },
  ],
  [
    'customer_subscription_created.json',
    'customer.subscription.created',
    {
      topic: 'cus_00000000000000',
      body: '[Subscription](https://dashboard.stripe.com/subscriptions/sub_E6STM5w5EX3K28) created\nPlan: [flatrate](https://dashboard.stripe.com/plans/plan_E6SQ6RAtmLVtzg)\nQuantity: 800\nBilling method: send invoice',
    },
  ],
  [
    'customer_subscription_deleted.json',
    'customer.subscription.deleted',
    {
      topic: 'cus_00000000000000',
      body: '[Subscription](https://dashboard.stripe.com/subscriptions/sub_00000000000000) deleted',
    },
  ],
  [
    'customer_subscription_trial_will_end.json',
    'customer.subscription.trial_will_end',
    {
      topic: 'cus_00000000000000',
      body: '[Subscription](https://dashboard.stripe.com/subscriptions/sub_00000000000000) trial will end <time:2016-12-04T23:07:41Z>',
    },
  ],
  [
    'customer_subscription_updated.json',
    'customer.subscription.updated',
    {
      topic: 'cus_00000000000000',
      body: '[Subscription](https://dashboard.stripe.com/subscriptions/sub_E6STM5w5EX3K28) updated\n* Billing cycle anchor is now 2019-11-01 12:00:00 UTC\n* Current period end is now 2019-11-01 12:00:00 UTC\n* Current period start is now 2018-12-06 05:53:55 UTC\n* Start is now 2018-12-06 05:53:55 UTC\n* Status is now trialing\n* Trial end is now 2019-11-01 12:00:00 UTC\n* Trial start is now 2018-12-06 05:53:55 UTC',
    },
  ],
  [
    'customer_updated__account_balance.json',
    'customer.updated',
    {
      topic: 'cus_00000000000000',
      body: '[Customer](https://dashboard.stripe.com/customers/cus_00000000000000) updated\n* Account balance is now 100',
    },
  ],
  [
    'invoice_created.json',
    'invoice.created',
    {
      topic: 'cus_HH97asvHvaYQYp',
      body: '[Invoice](https://dashboard.stripe.com/invoices/in_1GpmuuHLwdCOCoR7ghzQDQLW) created\nTotal: 0.00 INR\nStatus: draft',
    },
  ],
  [
    'invoice_payment_failed.json',
    'invoice.payment_failed',
    {
      topic: 'cus_00000000000000',
      body: '[Invoice](https://dashboard.stripe.com/invoices/in_00000000000000) payment failed',
    },
  ],
  [
    'invoice_updated__open.json',
    'invoice.updated',
    {
      topic: 'cus_FDmT2sIGjFskP2',
      body: '[Invoice](https://dashboard.stripe.com/invoices/in_1EjKuzHuGUuNWDDZmFUP3FxU) updated\n* Status is now open\n* Due date is now 2019-07-09 06:59:46 UTC\n* Invoice pdf is now [link](https://pay.stripe.com/invoice/invst_444pftvnD8HFMJCXHn6TQKTDMc/pdf)\n* Number is now B7C8CA7D-0001\n* Ending balance is now 0\n* Payment intent is now pi_1EjL0HHuGUuNWDDZ6TdrsWzQ\n* Hosted invoice url is now [link](https://pay.stripe.com/invoice/invst_444pftvnD8HFMJCXHn6TQKTDMc)',
    },
  ],
  [
    'invoice_updated__paid.json',
    'invoice.updated',
    {
      topic: 'cus_FDmrSwQt9Fck5M',
      body: '[Invoice](https://dashboard.stripe.com/invoices/in_1EjLINHuGUuNWDDZjDf2WNqd) updated\n* Status is now paid\n* Due date is now 2019-06-10 07:20:11 UTC\n* Invoice pdf is now [link](https://pay.stripe.com/invoice/invst_iTAW0hYwxklggGxPhtXkSyUF8y/pdf)\n* Attempted is now true\n* Number is now 113948B9-0001\n* Ending balance is now 0\n* Auto advance is now false\n* Paid is now true\n* Hosted invoice url is now [link](https://pay.stripe.com/invoice/invst_iTAW0hYwxklggGxPhtXkSyUF8y)',
    },
  ],
  [
    'invoiceitem_created.json',
    'invoiceitem.created',
    {
      topic: 'cus_00000000000000',
      body: '[Invoice item](https://dashboard.stripe.com/invoiceitems/ii_00000000000000) created\nAmount: 10.00 CAD',
    },
  ],
  [
    'invoiceitem_updated__description.json',
    'invoiceitem.updated',
    {
      topic: 'cus_FDmT2sIGjFskP2',
      body: '[Invoice item](https://dashboard.stripe.com/invoiceitems/ii_1EjKxIHuGUuNWDDZhiVHinLl) updated\n* Description is now Watermelons',
    },
  ],
  [
    'invoiceitem_updated__quantity.json',
    'invoiceitem.updated',
    {
      topic: 'cus_FDmT2sIGjFskP2',
      body: '[Invoice item](https://dashboard.stripe.com/invoiceitems/ii_1EjKxIHuGUuNWDDZhiVHinLl) updated\n* Quantity is now 0',
    },
  ],
  [
    'pseudo_refund_event.json',
    'charge.refund.updated',
    {
      topic: 'py_abcde12345ABCDG',
      body: '[Refund](https://dashboard.stripe.com/refunds/pyr_abcde12345ABCDF) for 12.34 EUR updated. Status: succeeded.',
    },
  ],
  [
    'refund_event.json',
    'charge.refund.updated',
    {
      topic: 'ch_1Gib61HLwdCOCoR71rnkccye',
      body: '[Refund](https://dashboard.stripe.com/refunds/re_1Gib6ZHLwdCOCoR7VrzCnXlj) for 300,000.00 INR updated. Status: failed (expired or canceled card).',
    },
  ],
];

export const SHARED_FIXTURES = sharedSuite(stripeIntegration, SHARED_CASES);
