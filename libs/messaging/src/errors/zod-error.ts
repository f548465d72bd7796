// One mapping of zod failures to VALIDATION_FAILED, shared with contracts' `validate()`.
export { validationErrorFromZod } from '@openlines/contracts';
