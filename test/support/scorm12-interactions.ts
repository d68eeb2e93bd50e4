/**
 * What SCORM 1.2 allows in each `cmi.interactions.n.*` element (SCORM 1.2 RTE §3.4.2, the CMI data
 * model), as a strict LMS applies it: scorm-again accepts any CMIFeedback text, and an LMS that follows
 * the standard refuses it with error 405 (incorrect data type). The rules are plain JavaScript source,
 * so the stand-in LMS page runs the very same function the tests run here.
 *
 * `scorm12InteractionProblem(element, value, typeOf)` returns undefined when the value is allowed, else
 * `[code, why]`: 405 for a value of the wrong format, 401 for an element SCORM 1.2 does not have (e.g.
 * 2004's description or learner_response). `typeOf(n)` is the type already set for interaction n.
 */
export const SCORM12_INTERACTION_CHECK = String.raw`function scorm12InteractionProblem(element, value, typeOf) {
  var m = /^cmi\.interactions\.(\d+)\.(.+)$/.exec(element);
  if (!m) return undefined;
  var field = m[2];
  var identifier = /^[\x21-\x7E]{1,255}$/;
  var decimal = /^-?\d+(\.\d+)?$/;
  var char = '[0-9a-z]';
  // CMIFeedback, by interaction type (RTE 3.4.2, cmi.interactions.n.student_response).
  var feedback = {
    'true-false': new RegExp('^[01tf]$'),
    choice: new RegExp('^(' + char + '(,' + char + ')*|\\{' + char + '(,' + char + ')*\\})$'),
    'fill-in': /^[\s\S]{0,255}$/,
    numeric: decimal,
    likert: new RegExp('^' + char + '?$'),
    matching: new RegExp('^\\{?' + char + '\\.' + char + '(,' + char + '\\.' + char + ')*\\}?$'),
    performance: /^[\s\S]{0,255}$/,
    sequencing: new RegExp('^' + char + '(,' + char + ')*$'),
  };
  var bad = function (why) { return [405, element + ' = ' + JSON.stringify(value) + ': ' + why]; };
  if (field === 'id' || /^objectives\.\d+\.id$/.test(field))
    return identifier.test(value) ? undefined : bad('must be a CMIIdentifier (no white space, at most 255 characters)');
  if (field === 'time')
    return /^([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,2})?$/.test(value) ? undefined : bad('must be a CMITime (HH:MM:SS)');
  if (field === 'type')
    return Object.prototype.hasOwnProperty.call(feedback, value) ? undefined : bad('must be one of ' + Object.keys(feedback).join(', '));
  if (field === 'weighting') return decimal.test(value) ? undefined : bad('must be a CMIDecimal');
  if (field === 'latency')
    return /^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/.test(value) ? undefined : bad('must be a CMITimespan');
  if (field === 'result')
    return /^(correct|wrong|unanticipated|neutral)$/.test(value) || decimal.test(value)
      ? undefined
      : bad('must be correct, wrong, unanticipated, neutral or a CMIDecimal');
  if (field === 'student_response' || /^correct_responses\.\d+\.pattern$/.test(field)) {
    var type = typeOf(Number(m[1]));
    // Without a type the format is unknown: only CMIFeedback's length applies.
    if (!type) return value.length <= 255 ? undefined : bad('must be at most 255 characters');
    return feedback[type].test(value) ? undefined : bad('is not a CMIFeedback for a ' + type + ' interaction (SCORM 1.2 RTE 3.4.2)');
  }
  return [401, element + ': SCORM 1.2 has no such element'];
}`;

/** The same check, compiled here for the tests. */
export const scorm12InteractionProblem = new Function(
  `${SCORM12_INTERACTION_CHECK}; return scorm12InteractionProblem;`,
)() as (element: string, value: string, typeOf: (n: number) => string | undefined) => [number, string] | undefined;
