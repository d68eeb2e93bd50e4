/**
 * The SCORM data models' own limits (lengths, vocabularies, ranges, formats), checked on every value a
 * package writes: scorm-again accepts some values a stricter LMS refuses.
 */
import { scorm12InteractionProblem } from './scorm12-interactions.ts';

type Rule = [RegExp, (value: string) => boolean, string];

const oneOf =
  (...words: string[]) =>
  (v: string) =>
    words.includes(v);
const upTo = (n: number) => (v: string) => v.length <= n;
const decimalIn = (min: number, max: number) => (v: string) =>
  /^-?\d+(\.\d+)?$/.test(v) && Number(v) >= min && Number(v) <= max;
const noSpaceUpTo = (n: number) => (v: string) => /^\S+$/.test(v) && v.length <= n;
const ISO_DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d{1,2})?S)?)?$/;
// The time zone may only follow a fraction of a second (SCORM 2004 RTE, time(second,10,0)).
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,2}(Z|[+-]\d{2}(:\d{2})?)?)?$/;

const SCORM12: Rule[] = [
  [
    /^cmi\.core\.lesson_status$/,
    oneOf('passed', 'completed', 'failed', 'incomplete', 'browsed', 'not attempted'),
    'a lesson status',
  ],
  [/^cmi\.core\.exit$/, oneOf('time-out', 'suspend', 'logout', ''), 'an exit value'],
  [/^cmi\.core\.score\.(raw|min|max)$/, decimalIn(0, 100), 'a score from 0 to 100'],
  [/^cmi\.core\.session_time$/, (v) => /^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/.test(v), 'a CMITimespan'],
  [/^cmi\.core\.lesson_location$/, upTo(255), 'at most 255 characters'],
  [/^cmi\.suspend_data$/, upTo(4096), 'at most 4,096 characters'],
  // cmi.interactions.n.*: scorm12InteractionProblem, the stand-in LMS's own check.
];

const SCORM2004: Rule[] = [
  [/^cmi\.completion_status$/, oneOf('completed', 'incomplete', 'not attempted', 'unknown'), 'a completion status'],
  [/^cmi\.success_status$/, oneOf('passed', 'failed', 'unknown'), 'a success status'],
  [/^cmi\.exit$/, oneOf('time-out', 'suspend', 'logout', 'normal', ''), 'an exit value'],
  [/^cmi\.score\.scaled$/, decimalIn(-1, 1), 'a scaled score from -1 to 1'],
  [/^cmi\.score\.(raw|min|max)$/, decimalIn(-1e7, 1e7), 'a real number'],
  [/^cmi\.progress_measure$/, decimalIn(0, 1), 'a measure from 0 to 1'],
  [/^cmi\.session_time$/, (v) => ISO_DURATION.test(v), 'an ISO 8601 duration'],
  [/^cmi\.location$/, upTo(1000), 'at most 1,000 characters'],
  [/^cmi\.suspend_data$/, upTo(64000), 'at most 64,000 characters'],
  [/^cmi\.interactions\.\d+\.id$/, noSpaceUpTo(4000), 'a long identifier'],
  [
    /^cmi\.interactions\.\d+\.type$/,
    oneOf(
      'true-false',
      'choice',
      'fill-in',
      'long-fill-in',
      'matching',
      'performance',
      'sequencing',
      'likert',
      'numeric',
      'other',
    ),
    'an interaction type',
  ],
  [/^cmi\.interactions\.\d+\.timestamp$/, (v) => ISO_TIME.test(v), 'an ISO 8601 timestamp'],
  [/^cmi\.interactions\.\d+\.learner_response$/, (v) => v.split('[,]').every(noSpaceUpTo(250)), 'short identifiers'],
  [
    /^cmi\.interactions\.\d+\.result$/,
    (v) => oneOf('correct', 'incorrect', 'unanticipated', 'neutral')(v) || /^-?\d+(\.\d+)?$/.test(v),
    'a result',
  ],
  [/^cmi\.interactions\.\d+\.description$/, upTo(250), 'at most 250 characters'],
];

/** Every value that breaks its element's rule, or an element the package should not be writing. */
export function scormViolations(edition: 'scorm12' | 'scorm2004', calls: readonly [string, string][]): string[] {
  const rules = edition === 'scorm12' ? SCORM12 : SCORM2004;
  const types = new Map<number, string>();
  return calls.flatMap(([element, value]) => {
    if (edition === 'scorm12' && element.startsWith('cmi.interactions.')) {
      const problem = scorm12InteractionProblem(element, value, (n) => types.get(n));
      const type = /^cmi\.interactions\.(\d+)\.type$/.exec(element);
      if (type && !problem) types.set(Number(type[1]), value);
      return problem ? [problem[1]] : [];
    }
    const rule = rules.find(([pattern]) => pattern.test(element));
    if (!rule) return [`${element}: not an element this package should write`];
    return rule[1](value) ? [] : [`${element} = ${JSON.stringify(value)}: must be ${rule[2]}`];
  });
}
