import { describe, expect, it } from 'vitest';
import { MODULE_CONFIG_ID, moduleConfigScript, readModuleConfig } from './module-config.ts';

/** A page carrying this text in the module config's element. */
function page(text: string): Document {
  return { getElementById: (id: string) => (id === MODULE_CONFIG_ID ? { textContent: text } : null) } as never;
}
const config = { standard: 'scorm12', pass: 70, scenarios: ['a'], title: 'A' } as const;

describe('the module config', () => {
  it('carries the skip rule, and means the default (a skip completes) when an older package has none', () => {
    const inScript = (c: object) => /<script[^>]*>(.*)<\/script>/.exec(moduleConfigScript(c as never))?.[1] ?? '';
    expect(readModuleConfig(page(inScript({ ...config, skip: 'failed' })))?.skip).toBe('failed');
    expect(readModuleConfig(page(inScript({ ...config, skip: 'incomplete' })))?.skip).toBe('incomplete');
    expect(readModuleConfig(page(inScript(config)))?.skip).toBe('completion');
  });

  it('refuses an unknown skip rule, as any other bad value', () => {
    expect(readModuleConfig(page(JSON.stringify({ ...config, skip: 'passed' })))).toBeUndefined();
    expect(readModuleConfig(page(JSON.stringify({ ...config, pass: 170 })))).toBeUndefined();
  });
});
