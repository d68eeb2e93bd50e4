/** The standards a module can be packaged for. */
export const LMS_STANDARDS = ['scorm12', 'scorm2004', 'cmi5'] as const;
export type LmsStandard = (typeof LMS_STANDARDS)[number];

/** What the exporter writes into a packaged module's index.html, and the player reads at start. */
export interface ModuleConfig {
  readonly standard: LmsStandard;
  /** The pass mark, 0–100. */
  readonly pass: number;
  /** The scenarios of the module, played in this order. */
  readonly scenarios: readonly string[];
  readonly title: string;
}

export const MODULE_CONFIG_ID = 'upstander-module';

/** Reads the module config from the page, or undefined in the ordinary app (or if it is unreadable). */
export function readModuleConfig(doc: Document): ModuleConfig | undefined {
  const text = doc.getElementById(MODULE_CONFIG_ID)?.textContent;
  if (!text) return undefined;
  try {
    const value = JSON.parse(text) as ModuleConfig;
    const ok =
      LMS_STANDARDS.includes(value.standard) &&
      Number.isInteger(value.pass) &&
      value.pass >= 0 &&
      value.pass <= 100 &&
      Array.isArray(value.scenarios) &&
      value.scenarios.length > 0 &&
      value.scenarios.every((s) => typeof s === 'string') &&
      typeof value.title === 'string';
    return ok ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The config as a script element for index.html; `<` is escaped so no text can close the element. */
export function moduleConfigScript(config: ModuleConfig): string {
  const json = JSON.stringify(config).replace(/</g, '\\u003c');
  return `<script type="application/json" id="${MODULE_CONFIG_ID}">${json}</script>`;
}
