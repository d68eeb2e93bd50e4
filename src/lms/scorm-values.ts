/** Value formats and limits of the SCORM data models, in one place for the adapters and the tests. */

/** SCORM 1.2 CMITimespan: HHHH:MM:SS.SS. */
export function scorm12Timespan(ms: number): string {
  const total = Math.max(0, ms) / 1000;
  const hours = Math.min(9999, Math.floor(total / 3600));
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = (total % 60).toFixed(2).padStart(5, '0');
  return `${String(hours).padStart(4, '0')}:${String(minutes).padStart(2, '0')}:${seconds}`;
}

/** SCORM 1.2 CMITime (time of day): HH:MM:SS. */
export function scorm12Time(at: Date): string {
  return [at.getHours(), at.getMinutes(), at.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
}

/** SCORM 2004 timeinterval (ISO 8601 duration): PT#H#M#S, seconds to hundredths. */
export function scorm2004Duration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 10)) / 100;
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = Math.round((total % 60) * 100) / 100;
  return `PT${hours}H${minutes}M${seconds}S`;
}

/**
 * SCORM 2004 time(second,10,0) in UTC: `YYYY-MM-DDThh:mm:ss.ssZ`. The standard allows the time zone only
 * after the fraction of a second, so the fraction is always written.
 */
export function scorm2004Timestamp(at: Date): string {
  return `${at.toISOString().slice(0, 22)}Z`;
}

/** An identifier both standards accept: no white space, only characters that need no escaping. */
export function scormIdentifier(text: string, max = 250): string {
  return text.replace(/[^A-Za-z0-9_.:-]/g, '_').slice(0, max);
}

export const LIMITS = {
  // 1.2 calls its location cmi.core.lesson_location; the limits use one name for both editions.
  scorm12: { suspendData: 4096, location: 255, identifier: 255 },
  scorm2004: { suspendData: 64000, location: 1000, identifier: 4000, description: 250 },
} as const;
