/**
 * Stands in for `codemirror-json-schema`'s Markdown renderer (see `plainSchemaDescriptions` in
 * src/build): the schema's descriptions are plain sentences, so they are shown as text, escaped for
 * the `innerHTML` the library puts them in. The original brings markdown-it and shiki (about 150 KB
 * gzip) and, as soon as it is imported, fetches highlighting themes and a JavaScript grammar.
 */
export function renderMarkdown(markdown: string, _inline = true): string {
  return markdown.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}
