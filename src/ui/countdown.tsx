import { useEffect, useRef, useState } from 'react';
import { useT } from '../ui/i18n.ts';

/**
 * A visible countdown for a timed choice; calls onElapsed once when time runs out. With `readingMs`,
 * it first shows the reading time left, calmly (a still bar, no seconds to decide ticking), and only
 * then counts `ms` down, so the time to decide does not start while the learner is still reading.
 * Both are in milliseconds.
 */
export function Countdown({
  ms,
  readingMs = 0,
  label,
  onElapsed,
}: {
  ms: number;
  readingMs?: number;
  label: string;
  onElapsed: () => void;
}) {
  const { t } = useT();
  const [spent, setSpent] = useState(0);
  // Through a ref, so a parent's re-render never restarts the clock.
  const elapsed = useRef(onElapsed);
  elapsed.current = onElapsed;
  useEffect(() => {
    const start = performance.now();
    setSpent(0);
    const tick = window.setInterval(() => {
      const now = Math.min(readingMs + ms, performance.now() - start);
      setSpent(now);
      if (now === readingMs + ms) {
        window.clearInterval(tick);
        elapsed.current();
      }
    }, 200);
    return () => window.clearInterval(tick);
  }, [ms, readingMs]);
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
