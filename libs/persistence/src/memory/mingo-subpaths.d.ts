// mingo publishes `mingo/init/context` through package.json "exports", which the workspace's
// `moduleResolution: node` does not read (Node itself resolves it at run time). This declares
// the one subpath we use, with the type mingo documents for it.
declare module 'mingo/init/context' {
  import type { Context } from 'mingo';
  /** A context holding every operator mingo implements. */
  const fullContext: () => Context;
  export default fullContext;
}

// The operator sets themselves (name → operator function), for the smaller query context.
declare module 'mingo/operators/query' {
  import type { QueryOperator } from 'mingo/core';
  const operators: Record<string, QueryOperator>;
  export = operators;
}
declare module 'mingo/operators/projection' {
  import type { ProjectionOperator } from 'mingo/core';
  const operators: Record<string, ProjectionOperator>;
  export = operators;
}
