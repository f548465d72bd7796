// deploy/services.json, parsed and checked: the single list of services, ports, env names and
// probe paths that compose, Kubernetes, the Dockerfile and tools/start.js must agree with.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const DEPLOY_DIR = path.join(REPO_ROOT, 'deploy');

const envName = z.string().regex(/^[A-Z][A-Z0-9_]*$/);

const ServiceSchema = z
  .object({
    name: z.string().regex(/^[a-z][a-z-]*$/),
    port: z.number().int().min(1).max(65535),
    image: z.string().min(1),
    /** null: the service stores nothing, so it gets no database and no MONGO_URL. */
    database: z
      .string()
      .regex(/^openlines_[a-z]+$/)
      .nullable(),
    ingressPaths: z.array(z.string().startsWith('/')),
    env: z
      .object({
        required: z.array(envName).min(1),
        optional: z.array(envName),
        secret: z.array(envName),
      })
      .strict(),
    defaults: z.record(envName, z.string()),
  })
  .strict();

const ServicesFileSchema = z
  .object({
    $comment: z.array(z.string()),
    probes: z.object({ liveness: z.string(), readiness: z.string() }).strict(),
    services: z.array(ServiceSchema).min(1),
  })
  .strict();

export type ServiceContract = z.infer<typeof ServiceSchema>;
export type ServicesFile = z.infer<typeof ServicesFileSchema>;

export function loadServicesFile(): ServicesFile {
  const raw: unknown = JSON.parse(readFileSync(path.join(DEPLOY_DIR, 'services.json'), 'utf8'));
  return ServicesFileSchema.parse(raw);
}

/** Every env name the service reads, required or optional. */
export function envNamesOf(service: ServiceContract): string[] {
  return [...service.env.required, ...service.env.optional];
}

/** The MongoDB databases of the services that store something, in contract order. */
export function databasesOf(services: ServiceContract[]): string[] {
  return services.flatMap((service) => (service.database === null ? [] : [service.database]));
}
