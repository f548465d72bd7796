export * from './http-error-reply';
export * from './http-error-body.filter';
