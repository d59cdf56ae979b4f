import { useSecondsLeft } from '../codes/code-context';

const RADIUS = 15;
const CIRCUMFERENCE = 2 * Math.PI * RADIUS;

/**
 * The time left on a TOTP code: a ring that empties and the seconds as text. Only this small
 * component re-renders on each tick, never the whole row.
 */
export function CountdownRing({ validUntil, period }: { validUntil: number; period: number }) {
  const seconds = useSecondsLeft(validUntil) ?? period;
  const fraction = Math.min(1, seconds / period);
  const urgent = seconds <= 5;
  return (
    <div className={`countdown${urgent ? ' countdown-urgent' : ''}`} role="timer">
      <svg viewBox="0 0 36 36" width="36" height="36" aria-hidden="true" focusable="false">
        <circle className="countdown-track" cx="18" cy="18" r={RADIUS} />
        <circle
          className="countdown-fill"
          cx="18"
          cy="18"
          r={RADIUS}
          strokeDasharray={CIRCUMFERENCE}
          strokeDashoffset={CIRCUMFERENCE * (1 - fraction)}
        />
      </svg>
      <span className="countdown-text">
        {seconds}
        <span className="visually-hidden"> seconds left</span>
      </span>
    </div>
  );
}
