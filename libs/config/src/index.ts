export * from './config';
export * from './web-config';
export * from './uploads-config';
export * from './database-tls';
export * from './email-gateway-config';
export * from './push-config';
