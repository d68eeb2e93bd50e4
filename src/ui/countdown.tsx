import { useEffect, useRef, useState } from 'react';
import { useT } from '../ui/i18n.ts';

/** A visible countdown for a timed choice; calls onElapsed once when time runs out. */
export function Countdown({ ms, label, onElapsed }: { ms: number; label: string; onElapsed: () => void }) {
  const { t } = useT();
  const [left, setLeft] = useState(ms);
  // Through a ref, so a parent's re-render never restarts the clock.
  const elapsed = useRef(onElapsed);
  elapsed.current = onElapsed;
  useEffect(() => {
    const end = performance.now() + ms;
    const tick = window.setInterval(() => {
      const remaining = Math.max(0, end - performance.now());
      setLeft(remaining);
      if (remaining === 0) {
        window.clearInterval(tick);
        elapsed.current();
      }
    }, 200);
    return () => window.clearInterval(tick);
  }, [ms]);
  const seconds = Math.ceil(left / 1000);
  return (
    <div className="countdown" role="timer" aria-label={t('scene.timeLeft')}>
      <p>
        <strong>{t('scene.secondsLeft', { seconds })}</strong> {t('scene.ifYouWait')} <em>{label}</em>
      </p>
      <div className="countdown-track" aria-hidden="true">
        <div className="countdown-bar" style={{ width: `${(left / ms) * 100}%` }} />
      </div>
    </div>
  );
}
