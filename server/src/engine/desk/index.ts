export * from './facts';
export * from './organ';
export * from './peers';
export * from './config';
export * from './fingerprint';
