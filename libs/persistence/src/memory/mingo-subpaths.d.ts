// mingo publishes `mingo/init/context` through package.json "exports", which the workspace's
// `moduleResolution: node` does not read (Node itself resolves it at run time). This declares
// the one subpath we use, with the type mingo documents for it.
declare module 'mingo/init/context' {
  import type { Context } from 'mingo';
  /** A context holding every operator mingo implements. */
  const fullContext: () => Context;
  export default fullContext;
}
