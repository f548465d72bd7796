/** Nest injection token of the service's pino logger (provided by MessagingModule.forRoot). */
export const LOGGER = Symbol.for('openlines:logger');
