/** The standards a module can be packaged for. */
export const LMS_STANDARDS = ['scorm12', 'scorm2004', 'cmi5'] as const;
export type LmsStandard = (typeof LMS_STANDARDS)[number];

/**
 * What skipping a scenario counts as, chosen at export (`--skip`):
 * - `completion` (the default): a skip is allowed and counts as done; it does not count in the score.
 * - `incomplete`: the module is complete only once every scenario has been played.
 * - `failed`: a skipped scenario counts as failed, 0 of 100, in the mean that decides pass or fail.
 */
export const SKIP_RULES = ['completion', 'incomplete', 'failed'] as const;
export type SkipRule = (typeof SKIP_RULES)[number];
export const DEFAULT_SKIP_RULE: SkipRule = 'completion';

/** What the exporter writes into a packaged module's index.html, and the player reads at start. */
export interface ModuleConfig {
  readonly standard: LmsStandard;
  /** The pass mark, 0–100. */
  readonly pass: number;
  /** The scenarios of the module, played in this order. */
  readonly scenarios: readonly string[];
  /** The module's title in the catalogue: `--title`, or the scenarios' titles in their own language. */
  readonly title: string;
  /**
   * True when the title was given (`--title`): the player heads each scenario with it as given.
   * Otherwise (and in older packages) it heads each with that scenario's own title, in the language shown.
   */
  readonly titleGiven?: boolean;
  /** What skipping a scenario counts as; a config without it (older packages) means `completion`. */
  readonly skip?: SkipRule;
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
      typeof value.title === 'string' &&
      (value.titleGiven === undefined || typeof value.titleGiven === 'boolean') &&
      (value.skip === undefined || SKIP_RULES.includes(value.skip));
    return ok ? { ...value, skip: value.skip ?? DEFAULT_SKIP_RULE } : undefined;
  } catch {
    return undefined;
  }
}

/** The config as a script element for index.html; `<` is escaped so no text can close the element. */
export function moduleConfigScript(config: ModuleConfig): string {
  const json = JSON.stringify(config).replace(/</g, '\\u003c');
  return `<script type="application/json" id="${MODULE_CONFIG_ID}">${json}</script>`;
}
