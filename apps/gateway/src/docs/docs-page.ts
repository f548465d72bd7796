import { OpenApiDocument } from './openapi.builder';

const escape = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch,
  );

interface Operation {
  operationId?: string;
  summary?: string;
  tags?: string[];
}

/**
 * A self-contained page (no scripts, no CDN) listing every operation, grouped by tag, with a link
 * to the machine-readable document for tools such as Swagger UI or code generators.
 */
export function renderDocsPage(doc: OpenApiDocument): string {
  const groups = new Map<string, string[]>();
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, raw] of Object.entries(methods)) {
      const op = raw as Operation;
      const tag = op.tags?.[0] ?? 'other';
      const row =
        `<tr><td><code>${method.toUpperCase()}</code></td><td><code>${escape(path)}</code></td>` +
        `<td>${escape(op.summary ?? '')}</td></tr>`;
      groups.set(tag, [...(groups.get(tag) ?? []), row]);
    }
  }
  const info = doc.info as { title: string; version: string; description: string };
  const sections = [...groups.entries()]
    .map(([tag, rows]) => `<h2>${escape(tag)}</h2><table>${rows.join('')}</table>`)
    .join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escape(info.title)}</title>
<style>body{font-family:sans-serif;margin:2rem}td{padding:.2rem .8rem;vertical-align:top}</style></head>
<body><h1>${escape(info.title)} ${escape(info.version)}</h1><p>${escape(info.description)}</p>
<p>OpenAPI 3.1 document: <a href="/docs/openapi.json">/docs/openapi.json</a></p>
${sections}</body></html>`;
}
