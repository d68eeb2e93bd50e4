/**
 * The language tags in an LMS's preference value, most wanted first: cmi5's `languagePreference` is a
 * comma-separated list of RFC 5646 tags (cmi5 §11.0, e.g. `"es-MX,en-US"`); SCORM's learner preference
 * language holds one tag (SCORM 2004 `cmi.learner_preference.language`, SCORM 1.2
 * `cmi.student_preference.language`, where an empty string means none). Blank entries are dropped.
 */
export function languageTags(value: string): string[] {
  return value
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '');
}
