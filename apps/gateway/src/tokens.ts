export const DELIVERY_QUEUE = Symbol('DELIVERY_QUEUE');
export const INTEGRATIONS = Symbol('INTEGRATIONS');
export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');
