export const DELIVERY_QUEUE = Symbol('DELIVERY_QUEUE');
export const INTEGRATIONS = Symbol('INTEGRATIONS');
