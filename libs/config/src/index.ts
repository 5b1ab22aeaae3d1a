export * from './config';
export * from './web-config';
