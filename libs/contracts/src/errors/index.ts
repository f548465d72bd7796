export * from './error-codes';
export * from './openlines.error';
export * from './validate';
export * from './serialisation-error';
