import { useEffect, useRef, useState } from 'react';
import { useT } from '../ui/i18n.ts';

/** Milliseconds spent since `origin` (ms since the epoch), from 0 to `total`. */
function spentSince(origin: number, total: number): number {
  return Math.max(0, Math.min(total, Date.now() - origin));
}

/**
 * A visible countdown for a timed choice; calls onElapsed once when time runs out. With `readingMs`,
 * it first shows the reading time left, calmly (a still bar, no seconds to decide ticking), and only
 * then counts `ms` down, so the time to decide does not start while the learner is still reading.
 * Both are in milliseconds. With `startedAt` (ms since the epoch, on this device's clock), the countdown
 * began then rather than when it appeared: a shared countdown shown after a reload or a message goes
 * on where it was, its bar always the time left over the full `ms`.
 */
export function Countdown({
  ms,
  readingMs = 0,
  startedAt,
  label,
  onElapsed,
}: {
  ms: number;
  readingMs?: number;
  startedAt?: number;
  label: string;
  onElapsed: () => void;
}) {
  const { t } = useT();
  const total = readingMs + ms;
  const [spent, setSpent] = useState(() => (startedAt === undefined ? 0 : spentSince(startedAt, total)));
  // Through a ref, so a parent's re-render never restarts the clock.
  const elapsed = useRef(onElapsed);
  elapsed.current = onElapsed;
  useEffect(() => {
    // A countdown of its own runs on the monotonic clock; a shared one from its start on the wall clock.
    const start = performance.now();
    const spentNow = () =>
      startedAt === undefined ? Math.min(total, performance.now() - start) : spentSince(startedAt, total);
    setSpent(spentNow());
    const tick = window.setInterval(() => {
      const now = spentNow();
      setSpent(now);
      if (now === total) {
        window.clearInterval(tick);
        elapsed.current();
      }
    }, 200);
    return () => window.clearInterval(tick);
  }, [total, startedAt]);
  const reading = spent < readingMs;
  const left = reading ? ms : ms - (spent - readingMs);
  return (
    <div className={reading ? 'countdown reading' : 'countdown'} role="timer" aria-label={t('scene.timeLeft')}>
      <p>
        <strong>
          {reading
            ? t('scene.readingTime', { seconds: Math.ceil((readingMs - spent) / 1000), decide: ms / 1000 })
            : t('scene.secondsLeft', { seconds: Math.ceil(left / 1000) })}
        </strong>{' '}
        {t('scene.ifYouWait')} <em>{label}</em>
      </p>
      <div className="countdown-track" aria-hidden="true">
        <div className="countdown-bar" style={{ width: `${(left / ms) * 100}%` }} />
      </div>
    </div>
  );
}
