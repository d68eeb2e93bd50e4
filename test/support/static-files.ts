import { existsSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { extname, join, normalize } from 'node:path';

/** Content types of the files a packaged module holds, by extension. */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.xsd': 'application/xml',
};

/** The whole body of a request, as text. */
export function requestBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    req.on('data', (c) => (text += c));
    req.on('end', () => resolve(text));
  });
}

/**
 * The file at `relative` inside `root`, with its content type, as a stand-in LMS serves a package;
 * undefined for a folder, a missing file or a path that leaves `root`.
 */
export function staticFile(root: string, relative: string): { content: Buffer; type: string } | undefined {
  const path = join(root, normalize(relative));
  if (!path.startsWith(root) || !existsSync(path) || statSync(path).isDirectory()) return undefined;
  return { content: readFileSync(path), type: CONTENT_TYPES[extname(path)] ?? 'application/octet-stream' };
}
