import { Connection, Model, Schema } from 'mongoose';
import { ResolvedDefinition, indexName } from '../port/collection.definition';

/** What MongoDB holds: the document as given, plus `_id` equal to its string id. */
export type StoredDocument = { _id: string } & Record<string, unknown>;

/**
 * A generic schema per collection: `_id` is the document's string id (its `__id` by default,
 * kept as a field too so that filters, sorts and pipelines written against `__id` work alike in
 * both adapters), every other field is stored as given (`strict: false`), and the definition's
 * indexes are declared. Mongoose adds no `__v`, no timestamps and drops no empty objects.
 */
export function createMongoModel(
  connection: Connection,
  collection: string,
  definition: ResolvedDefinition,
): Model<StoredDocument> {
  const existing = connection.models[collection] as Model<StoredDocument> | undefined;
  if (existing !== undefined) return existing;
  const schema = new Schema<StoredDocument>(
    { _id: { type: String, required: true } },
    {
      collection,
      strict: false,
      strictQuery: false,
      versionKey: false,
      minimize: false,
      id: false,
      autoIndex: false,
    },
  );
  schema.index({ [definition.idField]: 1 }, { unique: true, name: `${definition.idField}_unique` });
  for (const index of definition.indexes) {
    schema.index(index.fields, {
      name: indexName(index),
      unique: index.unique === true,
      ...(index.sparse ? { sparse: true } : {}),
    });
  }
  return connection.model<StoredDocument>(collection, schema, collection);
}
