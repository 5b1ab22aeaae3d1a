export * from './esm-require';
