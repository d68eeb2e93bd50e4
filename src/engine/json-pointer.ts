/** A JSON Pointer (RFC 6901) from path segments. */
export function pointer(...segments: readonly (string | number)[]): string {
  return segments.map((s) => `/${String(s).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

/** A JSON Pointer's segments, decoded (RFC 6901): "/a~1b/0" → ["a/b", "0"]; "" (the whole document) → []. */
export function pointerSegments(path: string): string[] {
  if (!path.startsWith('/')) return [];
  return path
    .slice(1)
    .split('/')
    .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'));
}

/** The pointer to a state in a scenario file, from its keys: ["party", "kitchen"] → "/states/party/states/kitchen". */
export function statePointer(keys: readonly string[]): string {
  return pointer(...keys.flatMap((k) => ['states', k]));
}
